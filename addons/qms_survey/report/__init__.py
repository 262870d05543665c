from . import qms_survey_xlsx
from . import qms_survey_campaign_summary_xlsx
from . import qms_survey_plan_summary_xlsx
