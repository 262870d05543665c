from . import qms_service_level
from . import qms_service_level_target
from . import qms_service_request
