import importlib
import sys
from pathlib import Path

from odoo.tests import TransactionCase

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"


class TestSampleBench(TransactionCase):
    """``scripts/bench samples N`` with N small: the receipt check finds exactly
    the materials the bare SQL finds."""

    def test_bench_receipt_check_tiny(self):
        if not (SCRIPTS / "bench_samples.py").is_file():
            self.skipTest("the repository's scripts/ are not next to the addons")
        sys.path.insert(0, str(SCRIPTS))
        try:
            bench = importlib.import_module("bench_samples")
        finally:
            sys.path.remove(str(SCRIPTS))
        self.env.company.qms_sample_hsf_receipt_check = "block"
        results, missing, expected = bench.measure_receipt_check(self.env, 40)
        self.assertEqual(missing, expected)
        self.assertEqual(len(missing), 1, "one material of the supplier has only an expired report")
        self.assertGreater(results["product"], 0)
