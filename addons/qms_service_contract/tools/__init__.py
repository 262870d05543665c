from . import callback_draw
from . import cadence
