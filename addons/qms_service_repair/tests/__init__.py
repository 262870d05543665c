from . import test_service_repair
from . import test_readonly_rpc
