from . import qms_holiday_import
