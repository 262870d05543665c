"""docker-compose.yml is valid and wires the product as the README says.

Validated with a Compose client (`docker compose`, else Debian's
`docker-compose`), which needs no Docker engine. The Docker path itself
(pulling the images, running the suite in them) is not exercised by CI here:
the CI machine has no Docker engine.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def compose():
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, check=False)
        if probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    pytest.fail("No Compose client: install docker-compose (scripts/test does, from Debian).")


def run_compose(*args):
    result = subprocess.run(
        [*compose(), "-f", str(ROOT / "docker-compose.yml"), "--profile", "test", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"docker-compose.yml is invalid:\n{result.stderr}"
    return result.stdout


def test_compose_file_is_valid_and_complete():
    services = set(run_compose("config", "--services").split())
    assert {"db", "oca", "odoo", "test"} <= services


def test_odoo_reads_the_oca_addons_and_ours():
    config = run_compose("config")
    assert "/mnt/oca/odoo/addons,/mnt/extra-addons" in config
    assert "requirements-oca.txt" in config
    assert "odoo:18.0" in config
    # wkhtmltopdf reaches the server for the PDFs' header and footer.
    assert "report.url" in config
