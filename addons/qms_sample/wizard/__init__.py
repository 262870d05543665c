from . import qms_sample_reason_wizard
from . import qms_hsf_receipt_wizard
