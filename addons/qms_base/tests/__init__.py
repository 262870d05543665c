from . import (
    test_deadline,
    test_deadline_concurrency,
    test_deadline_cron,
    test_deadline_mixin,
    test_holiday_import,
    test_working_calendar,
    test_xlsx,
)
