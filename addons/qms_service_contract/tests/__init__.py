from . import test_contract_coverage
from . import test_handover
from . import test_paperwork
from . import test_upgrade
from . import test_cadence
from . import test_callback_draw
from . import test_portal
from . import test_rpc
