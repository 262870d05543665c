from . import test_complaint_sample
