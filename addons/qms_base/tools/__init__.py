from . import working_time
from . import xlsx
from . import phone
from . import composer
