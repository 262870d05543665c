from . import qms_service_duplicate_wizard
