from . import test_sla
from . import test_results
from . import test_engineer
