"""scripts/serve stops Odoo and its PostgreSQL cluster on any stopping signal.

A service manager stops the product with SIGTERM, a terminal with SIGINT
(Ctrl-C), a closed session with SIGHUP: each must leave no Odoo and no
PostgreSQL behind. The product runs as a user would start it, with its own
private cluster (only qms_base installed, to keep the test short).
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 600  # installing qms_base on a busy 2-core machine


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_with(text):
    """PIDs of live processes whose command line contains ``text``, among the
    processes of our own root: a CI run in a chroot sees the processes of the
    machine's other roots too, which may run the same configuration."""
    own_root = os.stat("/proc/self/root")
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = (proc / "status").read_text()
            root = os.stat(proc / "root")
        except OSError:
            continue
        if (root.st_dev, root.st_ino) != (own_root.st_dev, own_root.st_ino):
            continue
        if text in cmdline and "State:\tZ" not in status:
            found.append(int(proc.name))
    return found


@pytest.fixture(scope="module")
def pgdir():
    # PostgreSQL runs as the 'postgres' user when the scripts run as root: its
    # folder must be reachable by that user.
    path = tempfile.mkdtemp(prefix="qms-serve-test-", dir="/var/tmp")
    os.chmod(path, 0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def start_serve(pgdir, port, db):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD")
    }
    env.update(QMS_PGDIR=pgdir, QMS_DB=db, QMS_ADDONS="qms_base", QMS_HTTP_PORT=str(port))
    return subprocess.Popen(
        [str(ROOT / "scripts" / "serve")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # the signal goes to serve only, as `kill PID` does
    )


def wait_for_http(serve, port):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if serve.poll() is not None:
            pytest.fail(f"scripts/serve exited early:\n{serve.stdout.read()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=5) as page:
                if page.status == 200:
                    return
        except OSError:
            pass
        time.sleep(2)
    serve.kill()
    pytest.fail(f"Odoo did not answer on port {port} within {START_TIMEOUT} s")


def postmaster_running(pgdir):
    pid_file = Path(pgdir, "data", "postmaster.pid")
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().split()[0])
    return Path(f"/proc/{pid}").exists()


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_any_stopping_signal_stops_odoo_and_postgres(pgdir, stop_signal):
    port = free_port()
    db = "qms_serve_signals"
    serve = start_serve(pgdir, port, db)
    try:
        wait_for_http(serve, port)
        conf = f"odoo-serve-{db}.conf"
        assert processes_with(conf), "Odoo runs with the serve configuration"
        assert postmaster_running(pgdir), "serve runs its own PostgreSQL cluster"
        os.kill(serve.pid, stop_signal)
        output, _ = serve.communicate(timeout=90)
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
    assert "Stopped." in output
    assert not processes_with(conf), f"Odoo still runs after {stop_signal.name}"
    assert not postmaster_running(pgdir), f"PostgreSQL still runs after {stop_signal.name}"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=5)
