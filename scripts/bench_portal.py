"""Benchmark: the customer's /my/complaints page as its data grows.

Run through scripts/bench (``scripts/bench portal 10000``).

Customer "small" has 10 complaints, customer "big" has N, and ten other
customers hold 10 × N between them (rows copied with SQL from one complaint
the ORM made, outside what is timed). A real Odoo HTTP server serves the
database; each customer's portal user logs in and opens /my/complaints. Odoo's
own request log gives the server time and the number of queries of each page.
The page of "big" must take the same number of queries as the page of "small"
(the target: its server time at N = 10 000 within 3× the small one), and each
shows only its own customer's complaints.
"""

import http.cookiejar
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from psycopg2 import sql

import odoo
from odoo import SUPERUSER_ID, api

SMALL = 10
PAGE_REQUESTS = 5
PASSWORD = "bench-portal-Pa55"
REQUEST_LOG = re.compile(r'"GET /my/complaints HTTP/[\d.]+" (\d+) - (\d+) ([\d.]+) ([\d.]+)')


def _customer_with_portal_user(env, name):
    partner = env["res.partner"].create({"name": name, "is_company": True})
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": f"{name} buyer",
                "login": f"{name.lower().replace(' ', '_')}_{time.time_ns()}",
                "password": PASSWORD,
                "parent_id": partner.id,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
            }
        )
    )
    user.partner_id.parent_id = partner
    return partner, user


def _copy_complaint(cr, template, partner, prefix, count):
    """``count`` copies of complaint ``template`` for ``partner``, numbered ``prefix``-n."""
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'qms_complaint'
              AND column_name NOT IN ('id', 'name', 'partner_id', 'commercial_partner_id')"""
    )
    copied = sql.SQL(", ").join(sql.Identifier(row[0]) for row in cr.fetchall())
    cr.execute(
        sql.SQL(
            """INSERT INTO qms_complaint (name, partner_id, commercial_partner_id, {copied})
               SELECT %s || '-' || lpad(n::text, 6, '0'), %s, %s, {copied}
                 FROM generate_series(1, %s) n, qms_complaint WHERE qms_complaint.id = %s"""
        ).format(copied=copied),
        [prefix, partner.id, partner.id, count, template.id],
    )


def seed_portal(env, size):
    small, small_user = _customer_with_portal_user(env, "Bench small")
    big, big_user = _customer_with_portal_user(env, "Bench big")
    others = [_customer_with_portal_user(env, f"Bench other {i}")[0] for i in range(10)]
    template = env["qms.complaint"].create(
        {"partner_id": small.id, "title": "Scratches on the housing", "channel": "email"}
    )
    env.flush_all()
    stamp = time.time_ns() % 10**8
    _copy_complaint(env.cr, template, small, f"BS{stamp}", SMALL)
    _copy_complaint(env.cr, template, big, f"BB{stamp}", size)
    for index, other in enumerate(others):
        _copy_complaint(env.cr, template, other, f"BO{stamp}x{index}", size)
    env.cr.execute("DELETE FROM qms_complaint WHERE id = %s", [template.id])
    env.cr.execute("ANALYZE qms_complaint")
    return {
        "small": (small_user.login, f"BS{stamp}", SMALL),
        "big": (big_user.login, f"BB{stamp}", size),
    }


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _odoo_command():
    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    if odoo_bin.exists():
        return [sys.executable, str(odoo_bin)]
    return [shutil.which("odoo") or "odoo"]


def _wait_for(url, server, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the Odoo server stopped while starting")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"no answer from {url} within {timeout} s")


def _portal_session(base, login):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/web/login", timeout=60).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"login": login, "password": PASSWORD, "csrf_token": token, "redirect": "/my"}
    ).encode()
    opener.open(f"{base}/web/login", data=form, timeout=60).read()
    return opener


def bench_portal(registry, size):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        customers = seed_portal(env, size)
        cr.commit()

    port = _free_port()
    config = odoo.tools.config
    log = tempfile.NamedTemporaryFile(prefix="qms-bench-portal-", suffix=".log", delete=False)
    server = subprocess.Popen(
        [
            *_odoo_command(),
            "-c",
            config.rcfile,
            "-d",
            registry.db_name,
            f"--db-filter=^{registry.db_name}$",
            f"--http-port={port}",
            "--max-cron-threads=0",
            "--log-level=warn",
            "--log-handler=werkzeug:INFO",
            f"--logfile={log.name}",
        ]
    )
    base = f"http://127.0.0.1:{port}"
    pages = {}
    try:
        _wait_for(f"{base}/web/login", server)
        for key, (login, prefix, count) in customers.items():
            opener = _portal_session(base, login)
            shown = []
            for _ in range(PAGE_REQUESTS + 1):  # the first one warms the caches
                html = opener.open(f"{base}/my/complaints", timeout=120).read().decode()
                shown = re.findall(r"\b(B[SBO]\d+(?:x\d)?-\d{6})\b", html)
            pages[key] = {"count": count, "prefix": prefix, "shown": set(shown)}
    finally:
        server.terminate()
        server.wait(timeout=60)
    measures = [
        (int(status), int(queries), float(query_time) + float(other_time))
        for status, queries, query_time, other_time in REQUEST_LOG.findall(
            Path(log.name).read_text()
        )
    ]
    Path(log.name).unlink()
    if len(measures) != 2 * (PAGE_REQUESTS + 1):
        print(
            f"portal: expected {2 * (PAGE_REQUESTS + 1)} page requests in the log, got "
            f"{len(measures)}"
        )
        return False
    per_customer = {"small": measures[1 : PAGE_REQUESTS + 1], "big": measures[PAGE_REQUESTS + 2 :]}
    ok = all(status == 200 for status, _q, _t in measures)
    summary = {}
    for key, rows in per_customer.items():
        summary[key] = (
            statistics.median(queries for _s, queries, _t in rows),
            statistics.median(seconds for _s, _q, seconds in rows),
        )
        page = pages[key]
        own = {name for name in page["shown"] if name.startswith(page["prefix"] + "-")}
        if page["shown"] - own or not own:
            print(f"  {key}: the page shows other customers' complaints or none of its own")
            ok = False
    (small_queries, small_time), (big_queries, big_time) = summary["small"], summary["big"]
    print(
        f"portal: /my/complaints, customer with {SMALL} vs {size} complaints "
        f"({10 * size} of other customers)"
    )
    print(
        f"  {SMALL:>7} complaints: {small_queries:.0f} queries, {small_time * 1000:.1f} ms server"
    )
    print(
        f"  {size:>7} complaints: {big_queries:.0f} queries, {big_time * 1000:.1f} ms server"
        f"  = {big_time / small_time:.2f}x the small page (target at N = 10 000: within 3x)"
    )
    if big_queries != small_queries:
        print("  MISMATCH: the number of queries grows with the customer's complaints")
        ok = False
    return ok
