from . import qms_hsf_register_xlsx
from . import qms_supplier_sample_list_xlsx
