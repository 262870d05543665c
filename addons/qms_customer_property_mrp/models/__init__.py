from . import mrp_production
from . import qms_property_flow
from . import stock_move
