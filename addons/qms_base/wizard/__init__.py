from . import qms_holiday_import
from . import qms_callback_record_wizard
