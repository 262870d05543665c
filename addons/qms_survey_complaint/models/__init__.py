from . import qms_capa
from . import qms_survey_campaign
from . import qms_complaint
from . import stock_picking
from . import qms_survey_visit
