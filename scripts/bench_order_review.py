"""Benchmark: the order review KPIs over N reviewed and delivered orders.

Run through scripts/bench (``scripts/bench orders 100000``).

N closed "order review" and N closed "delivery as promised" deadline rows (a
quarter late) are inserted with SQL outside what is timed. Timed in the same
run and database:

- the SQL floor: one bare ``GROUP BY kind_id`` over the same rows (count,
  average working hours, on-time share);
- the product: ``qms.order.kpi._kpis()``, which reads review lead time,
  on-time reviews and on-time delivery from those rows and counts orders
  confirmed without review, change notices per customer and OQC first passes.
"""

from datetime import datetime, timedelta

from bench_timing import timed

from odoo import SUPERUSER_ID, api

KINDS = ("qms_order_review.deadline_kind_review", "qms_order_review.deadline_kind_delivery")


def seed_order_kpis(env, size):
    """``size`` done rows of each kind, one in four late; returns the period (start, end)."""
    now = datetime.utcnow().replace(microsecond=0)
    for xmlid in KINDS:
        kind = env.ref(xmlid)
        env.cr.execute(
            """
            INSERT INTO qms_deadline (kind_id, res_model, res_id, company_id, owner_id, start,
                                      due, date_done, state, alert_level, on_time, on_time_rate,
                                      hours_taken, working_hours_taken,
                                      create_date, write_date, create_uid, write_uid)
            SELECT %(kind)s, %(model)s, n, %(company)s, %(uid)s,
                   %(now)s - interval '3 days', %(now)s - interval '1 day', %(now)s, 'done',
                   'none', n %% 4 <> 0, CASE WHEN n %% 4 <> 0 THEN 100 ELSE 0 END,
                   72, 16 + n %% 8, now(), now(), %(uid)s, %(uid)s
              FROM generate_series(1, %(size)s) n
            """,
            {
                "kind": kind.id,
                "model": kind.model,
                "company": env.company.id,
                "uid": SUPERUSER_ID,
                "now": now,
                "size": size,
            },
        )
    env.invalidate_all()
    return now - timedelta(days=1), now


def sql_floor(env, start, end):
    """{kind xmlid: (count, average working hours, on-time %)} by one bare GROUP BY."""
    kinds = {env.ref(xmlid).id: xmlid for xmlid in KINDS}
    env.cr.execute(
        """
        SELECT kind_id, count(*), avg(working_hours_taken), avg(on_time_rate)
          FROM qms_deadline
         WHERE kind_id = ANY(%s) AND state = 'done' AND company_id = %s
           AND date_done BETWEEN %s AND %s
      GROUP BY kind_id
        """,
        [list(kinds), env.company.id, start, end],
    )
    return {
        kinds[kind_id]: (count, hours, rate) for kind_id, count, hours, rate in env.cr.fetchall()
    }


def bench_order_review(registry, size):
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        start, end = seed_order_kpis(env, size)
        with timed(results, "sql_floor"):
            floor = sql_floor(env, start, end)
        wizard = env["qms.order.kpi"].create({"date_from": start.date(), "date_to": end.date()})
        queries_before = cr.sql_log_count
        with timed(results, "product"):
            kpis = wizard._kpis()
        queries = cr.sql_log_count - queries_before
        cr.rollback()  # the seeded rows are not kept
    review = floor.get(KINDS[0], (0, 0, 0))
    delivery = floor.get(KINDS[1], (0, 0, 0))
    print(f"orders: N={size} reviewed and delivered orders (deadline rows of each kind)")
    print(f"  SQL floor (GROUP BY kind):  {results['sql_floor']:.3f} s")
    print(
        f"  KPIs (product):             {results['product']:.3f} s"
        f"  = {results['product'] / results['sql_floor']:.1f}x the floor, {queries} queries"
    )
    print(
        f"  reviews {kpis['review_count']}, lead time {kpis['review_hours']:.2f} h, "
        f"on-time delivery {kpis['on_time_delivery_rate']:.1f} %"
    )
    # Other done rows of the window (demo data in the smoke run) are counted too.
    ok = min(kpis["review_count"], review[0], kpis["delivery_count"], delivery[0]) >= size
    if not ok:
        print("  MISMATCH: the KPIs must count every seeded row")
    return ok
