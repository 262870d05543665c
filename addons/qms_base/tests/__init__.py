from . import test_working_calendar
from . import test_holiday_import
from . import test_deadline
from . import test_deadline_cron
from . import test_deadline_concurrency
from . import test_deadline_mixin
from . import test_xlsx
from . import test_capa_callback
