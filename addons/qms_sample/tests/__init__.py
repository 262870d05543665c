from . import test_customer_sample
from . import test_supplier_sample
from . import test_sealed_sample
from . import test_hsf_report
from . import test_lab_sample
from . import test_portal
from . import test_rpc
from . import test_capa
