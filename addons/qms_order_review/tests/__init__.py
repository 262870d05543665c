from . import test_review
from . import test_change
from . import test_shipment
from . import test_reports
from . import test_rpc
from . import test_sampling
from . import test_bench
