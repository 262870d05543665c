from . import (
    mail_activity,
    qms_deadline,
    qms_deadline_kind,
    qms_deadline_mixin,
    qms_sequence_mixin,
    res_company,
    res_config_settings,
    res_partner,
    resource_calendar,
    resource_calendar_workday,
)
