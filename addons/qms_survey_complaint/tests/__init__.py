from . import test_corrective_complaint
