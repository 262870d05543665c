from . import test_call
from . import test_phone_check
from . import test_customer
from . import test_knowledge
from . import test_dealer_summary
from . import test_care
from . import test_rpc
from . import test_hotline_published
