from . import qms_xlsx_report
