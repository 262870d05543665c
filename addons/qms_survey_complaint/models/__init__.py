from . import qms_survey_action
from . import qms_survey_campaign
from . import qms_complaint
