from . import qms_desk_summary_xlsx
