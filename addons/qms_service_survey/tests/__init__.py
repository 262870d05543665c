from . import test_service_survey
