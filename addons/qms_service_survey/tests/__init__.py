from . import test_service_survey
from . import test_readonly_rpc
