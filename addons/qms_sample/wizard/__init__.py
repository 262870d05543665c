from . import qms_sample_reason_wizard
