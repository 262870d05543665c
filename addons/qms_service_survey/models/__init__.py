from . import qms_survey_campaign
from . import qms_service_request
from . import qms_service_request_score
from . import res_company
from . import res_config_settings
from . import survey_user_input
