from . import test_corrective_complaint
from . import test_portal_probe
