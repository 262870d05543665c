from . import qms_service_request
from . import repair_order
