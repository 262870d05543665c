from . import test_production
from . import test_readonly_rpc
