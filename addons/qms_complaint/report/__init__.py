from . import qms_complaint_register_xlsx
