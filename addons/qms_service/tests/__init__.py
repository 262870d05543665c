from . import test_sla
from . import test_results
from . import test_engineer
from . import test_portal
from . import test_rpc_mail
from . import test_audit_kpi
from . import test_bench
from . import test_multi_company
