from . import qms_complaint_register_xlsx
from . import qms_complaint_statistics_xlsx
