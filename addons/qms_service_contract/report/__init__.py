from . import qms_service_callback_plan_xlsx
