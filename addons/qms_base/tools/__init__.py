from . import working_time
from . import xlsx
