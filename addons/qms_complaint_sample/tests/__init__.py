from . import test_complaint_sample
from . import test_readonly_rpc
