import importlib.util
import sys
from pathlib import Path

from .common import PropertyCase

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"


class TestBenchSmoke(PropertyCase):
    """scripts/bench property with N tiny: the same code, its results checked."""

    def _bench_module(self):
        if not (SCRIPTS / "bench_property.py").exists():
            self.skipTest("scripts/ is not next to the addons")
        sys.path.insert(0, str(SCRIPTS))
        try:
            spec = importlib.util.spec_from_file_location(
                "bench_property", SCRIPTS / "bench_property.py"
            )
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(SCRIPTS))
        return module

    def test_ledger_and_count_match_the_sql_floor(self):
        bench = self._bench_module()
        results = bench.run_property(self.env, 3, quants=4)
        self.assertEqual(results["ledger"], results["floor"], "the ledger equals the moves")
        self.assertEqual(len(results["floor"]), 12)
        self.assertEqual(len(results["counts"]), 3)
        self.assertEqual(results["lines"], 12)
        self.assertEqual(results["ledger_queries"], 1, "one grouped query whatever N")
        more = bench.run_property(self.env, 9, quants=4)
        self.assertEqual(more["lines"], 36)
        self.assertEqual(
            more["count_queries"],
            results["count_queries"],
            "the count's queries do not grow with N",
        )
