import importlib
import sys
from datetime import datetime, timedelta
from pathlib import Path

from odoo.tests import TransactionCase, tagged

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"


@tagged("post_install", "-at_install")
class TestServiceBench(TransactionCase):
    """scripts/bench service N at a tiny N: the same seeding, one cron pass
    of the shared engine; only the breaching rows are acted on, once."""

    def _bench_module(self):
        if not (SCRIPTS / "bench_service.py").exists():
            self.skipTest("scripts/ is not next to the addons")
        sys.path.insert(0, str(SCRIPTS))
        try:
            return importlib.import_module("bench_service")
        finally:
            sys.path.remove(str(SCRIPTS))

    def test_tiny_bench_run(self):
        bench = self._bench_module()
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        kind, due_count = bench.seed_service_requests(env, 40)
        self.assertEqual(due_count, 4)
        now = datetime.utcnow()
        # (demo data may have due rows of its own: they are processed too)
        processed = env["qms.deadline"]._process_due(now=now)
        self.assertGreaterEqual(processed, due_count)
        written, activities = bench.count_results(env, kind, now - timedelta(minutes=1))
        self.assertEqual((written, activities), (due_count, due_count))
        overdue = env["qms.service.request"].search(
            [("qms_overdue", "=", True), ("name", "=like", "SRBENCH-%")]
        )
        self.assertEqual(len(overdue), due_count)
        # a second pass finds nothing left to do
        self.assertEqual(env["qms.deadline"]._process_due(now=now), 0)
