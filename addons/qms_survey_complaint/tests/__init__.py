from . import test_corrective_complaint
from . import test_portal_probe
from . import test_zz_bad_input_generated
from . import test_readonly_rpc
