from . import test_open_problems
