from . import qms_complaint_cancel_wizard
from . import qms_complaint_responsibility_wizard
