from . import test_production
