import importlib.util
import sys
from pathlib import Path

from odoo.tests import TransactionCase, tagged

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"


def bench_module():
    """scripts/bench_order_review.py, the code ``scripts/bench orders N`` runs."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        spec = importlib.util.spec_from_file_location(
            "bench_order_review", SCRIPTS / "bench_order_review.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SCRIPTS))
    return module


@tagged("post_install", "-at_install")
class TestOrderKpiBench(TransactionCase):
    def test_bench_with_a_small_n(self):
        """The benchmark's seed and floor, with N = 40: the KPIs read the same rows."""
        bench = bench_module()
        start, end = bench.seed_order_kpis(self.env, 40)
        floor = bench.sql_floor(self.env, start, end)
        kpis = (
            self.env["qms.order.kpi"]
            .create({"date_from": start.date(), "date_to": end.date()})
            ._kpis()
        )
        count, hours, rate = floor["qms_order_review.deadline_kind_review"]
        self.assertGreaterEqual(count, 40)
        self.assertEqual(kpis["review_count"], count)
        self.assertAlmostEqual(kpis["review_hours"], float(hours))
        self.assertAlmostEqual(kpis["review_on_time_rate"], float(rate))
        count, _hours, rate = floor["qms_order_review.deadline_kind_delivery"]
        self.assertGreaterEqual(count, 40)
        self.assertEqual(kpis["delivery_count"], count)
        self.assertAlmostEqual(kpis["on_time_delivery_rate"], float(rate))
