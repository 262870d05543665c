from . import qms_callback_record_wizard
