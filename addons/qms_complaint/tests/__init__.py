from . import test_callback_recurrence
from . import test_complaint_flow
from . import test_containment_returns
from . import test_deadlines_severity
from . import test_portal
from . import test_reports
from . import test_rpc_mail
from . import test_workflow
