from . import test_contract_coverage
