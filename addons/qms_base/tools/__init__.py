from . import working_time, xlsx
