"""Every benchmark of scripts/bench runs at a tiny size, so none can rot.

scripts/test runs this after the addon tests, in the database they used
(QMS_TEST_CONF, QMS_TEST_DB); ``bench.py smoke`` fails when a benchmark fails,
finds a mismatch in what it measured, or has no tiny size.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_benchmark_runs_at_a_tiny_size():
    conf, db = os.environ.get("QMS_TEST_CONF"), os.environ.get("QMS_TEST_DB")
    if not (conf and db):
        pytest.fail("Run through scripts/test: it sets QMS_TEST_CONF and QMS_TEST_DB.")
    result = subprocess.run(
        [sys.executable, "scripts/bench.py", "--config", conf, "--database", db, "smoke", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    print(result.stdout)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    for name in ("deadlines", "survey", "portal"):
        assert f"smoke: {name} " in result.stdout
    assert "FAILED" not in result.stdout
