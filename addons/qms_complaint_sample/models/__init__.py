from . import qms_complaint
from . import qms_lab_sample
