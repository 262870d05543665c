"""Benchmarks, run by scripts/bench inside the project's virtualenv.

    python scripts/bench.py --config odoo.conf --database db deadlines 100000
    python scripts/bench.py --config odoo.conf --database db survey 10000
    python scripts/bench.py --config odoo.conf --database db portal 10000
    python scripts/bench.py --config odoo.conf --database db service 100000
    python scripts/bench.py --config odoo.conf --database db samples 10000
    python scripts/bench.py --config odoo.conf --database db orders 100000
    python scripts/bench.py --config odoo.conf --database db desk 100000
    python scripts/bench.py --config odoo.conf --database db property 1000
    python scripts/bench.py --config odoo.conf --database db smoke 1

``smoke`` runs every benchmark at its tiny size (SMOKE_SIZES) and fails when
one fails or has no tiny size: the test suite runs it, so no benchmark rots.

Each benchmark builds its data with SQL (fast, and outside what is timed),
times the product's code path, and times in the same run and database the
bare SQL that is the floor for the same work, so the ratio is meaningful on
any machine.
"""

import argparse
import itertools
import statistics
import sys
import time
from datetime import datetime, timedelta

from bench_desk import bench_desk
from bench_order_review import bench_order_review
from bench_portal import bench_portal
from bench_property import bench_property
from bench_samples import bench_samples
from bench_service import bench_service
from bench_survey import bench_survey
from bench_timing import timed
from psycopg2 import sql

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry


def seed_deadlines(env, count, due_share=0.10):
    """``count`` open deadlines on as many partners, ``due_share`` of them due."""
    cr = env.cr
    users = env["res.users"].create(
        [
            {"name": f"Bench owner {i}", "login": f"bench_owner_{i}_{count}_{time.time_ns()}"}
            for i in range(10)
        ]
    )
    kind = env["qms.deadline.kind"].create(
        {
            "name": "Bench deadline",
            "code": f"bench_{count}_{int(time.time())}",
            "model_id": env["ir.model"]._get_id("res.partner"),
            "duration": 1,
            "duration_unit": "working_days",
            "escalation_target": "none",
        }
    )
    # Copies of one partner made by the ORM: the other addons' required columns
    # (account's autopost_bills, …) get their defaults.
    template = env["res.partner"].create({"name": "Bench customer", "type": "contact"})
    env.flush_all()
    cr.execute(
        """
        SELECT column_name FROM information_schema.columns
         WHERE table_name = 'res_partner' AND is_nullable = 'NO'
           AND column_name NOT IN ('id', 'name', 'create_date', 'write_date')
        """
    )
    copied = sql.SQL(", ").join(sql.Identifier(row[0]) for row in cr.fetchall())
    cr.execute(
        sql.SQL(
            """
            INSERT INTO res_partner (name, create_date, write_date, {copied})
            SELECT 'Bench customer ' || n, now(), now(), {copied}
              FROM generate_series(1, %s) n, res_partner WHERE res_partner.id = %s
            RETURNING id
            """
        ).format(copied=copied),
        [count, template.id],
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    now = datetime.utcnow()
    due_count = int(count * due_share)
    cr.execute(
        """
        INSERT INTO qms_deadline (kind_id, res_model, res_id, company_id, owner_id, start, due,
                                  next_check, state, alert_level, create_date, write_date,
                                  create_uid, write_uid)
        SELECT %(kind)s, 'res.partner', p.id, %(company)s,
               (%(users)s)[1 + (p.n %% 10)],
               %(now)s - interval '3 days',
               CASE WHEN p.n <= %(due)s THEN %(now)s - interval '1 hour'
                    ELSE %(now)s + interval '2 days' END,
               CASE WHEN p.n <= %(due)s THEN %(now)s - interval '1 hour'
                    ELSE %(now)s + interval '2 days' END,
               'open', 'none', %(old)s, %(old)s, 1, 1
          FROM unnest(%(partners)s) WITH ORDINALITY AS p(id, n)
        """,
        {
            "kind": kind.id,
            "company": env.company.id,
            "users": users.ids,
            "now": now,
            "due": due_count,
            "partners": partner_ids,
            "old": now - timedelta(days=3),
        },
    )
    cr.execute("ANALYZE qms_deadline")
    return kind, due_count


def bench_deadlines(registry, count):
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        kind, due_count = seed_deadlines(env, count)
        cr.commit()
    now = datetime.utcnow()

    # The floor: one bare UPDATE over the same rows and index, then undone.
    with registry.cursor() as cr:
        with timed(results, "sql_floor"):
            cr.execute(
                """UPDATE qms_deadline SET alert_level = 'owner', next_check = NULL
                    WHERE next_check <= %s RETURNING id""",
                [now],
            )
            floor_rows = len(cr.fetchall())
        cr.rollback()

    # The product: one cron pass, batches committed as in production.
    Deadline = registry["qms.deadline"]
    lock_due = Deadline._lock_due

    batch_times = []
    batch_starts = []  # each batch runs from its lock to the next one's (the last: to the end)

    def measured_lock_due(self, *args, **kwargs):
        start = time.perf_counter()
        batch_starts.append(start)
        with timed(results, "find_and_lock"):
            locked = lock_due(self, *args, **kwargs)
        if locked:
            batch_times.append(time.perf_counter() - start)
        return locked

    Deadline._lock_due = measured_lock_due
    try:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            batch = int(env["ir.config_parameter"].get_param("qms_base.deadline_batch_size", 1000))
            queries_before = cr.sql_log_count
            with timed(results, "cron_pass"):
                processed = env["qms.deadline"]._process_due(now=now, commit=True)
            batch_starts.append(time.perf_counter())
            queries = cr.sql_log_count - queries_before
            cr.execute(
                "SELECT count(*) FROM qms_deadline WHERE kind_id = %s AND write_date > %s",
                [kind.id, now - timedelta(minutes=1)],
            )
            written = cr.fetchone()[0]
            cr.execute(
                """SELECT count(*) FROM mail_activity a
                     JOIN qms_deadline d ON d.id = a.qms_deadline_id
                    WHERE d.kind_id = %s""",
                [kind.id],
            )
            activities = cr.fetchone()[0]
    finally:
        Deadline._lock_due = lock_due

    batches = max(1, -(-processed // batch))
    print(f"deadlines: N={count} open, {due_count} due, batch size {batch}")
    print(
        f"  SQL floor (UPDATE … RETURNING id): {results['sql_floor']:.3f} s for {floor_rows} rows"
    )
    print(
        f"  find and lock (product):          {results['find_and_lock']:.3f} s"
        f"  = {results['find_and_lock'] / results['sql_floor']:.2f}x the floor"
    )
    _print_batch_times("find and lock per batch:", batch_times)
    # a batch runs from its lock to the next lock; the lock that finds nothing ends the pass
    _print_batch_times(
        "whole pass per batch:",
        [end - start for start, end in itertools.pairwise(batch_starts)][: len(batch_times)],
    )
    print(
        f"  whole cron pass:                  {results['cron_pass']:.3f} s"
        f"  = {results['cron_pass'] / results['sql_floor']:.1f}x the floor"
    )
    print(
        f"  processed {processed} rows, {activities} activities, {written} rows written "
        f"(of {count}), {queries} queries = {queries / batches:.0f} per batch of {batch}"
    )
    # Other due rows of the database (demo data in the smoke run) are processed too.
    ok = processed >= due_count and written == due_count and activities == due_count
    if not ok:
        print("  MISMATCH: every due row must be processed and written once, and no other")
    return ok


def _print_batch_times(label, times):
    """First, median and last of per-batch ``times`` (seconds), in ms: flat if the
    work per batch does not grow as the pass goes on."""
    if times:
        print(
            f"  {label:<34}first {times[0] * 1000:.1f} ms, "
            f"median {statistics.median(times) * 1000:.1f} ms, "
            f"last {times[-1] * 1000:.1f} ms over {len(times)} batches"
        )


def bench_smoke(registry, factor):
    """Every benchmark at its tiny size (× ``factor``): the suite's guard against rot."""
    ok = True
    for name, bench in sorted(BENCHMARKS.items()):
        if name == "smoke":
            continue
        if name not in SMOKE_SIZES:
            print(f"smoke: benchmark {name!r} has no tiny size in SMOKE_SIZES")
            ok = False
            continue
        print(f"smoke: {name} {SMOKE_SIZES[name] * factor}")
        if not bench(registry, SMOKE_SIZES[name] * factor):
            print(f"smoke: {name} FAILED")
            ok = False
    return ok


BENCHMARKS = {
    "deadlines": bench_deadlines,
    "survey": bench_survey,
    "portal": bench_portal,
    "service": bench_service,
    "samples": bench_samples,
    "orders": bench_order_review,
    "desk": bench_desk,
    "property": bench_property,
    "smoke": bench_smoke,
}
# The size each benchmark runs at inside the test suite.
SMOKE_SIZES = {
    "deadlines": 50,
    "survey": 20,
    "portal": 5,
    "service": 50,
    "samples": 20,
    "orders": 20,
    "desk": 50,
    "property": 3,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("benchmark", choices=sorted(BENCHMARKS))
    parser.add_argument("size", type=int)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = Registry(args.database)
    sys.exit(0 if BENCHMARKS[args.benchmark](registry, args.size) else 1)


if __name__ == "__main__":
    main()
