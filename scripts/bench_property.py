"""Benchmark: the per-customer ledger and the monthly count of customer property.

Run through scripts/bench (``scripts/bench property 1000``); a tiny run of the
same code is a test of qms_customer_property (``tests/test_bench.py``).

The data — N customers, each with its own property location holding 100
owner-tagged quants (one per product), each quant with the done receipt move
(and move line, owner = the customer) that brought it in — is copied with SQL
from one real receipt made by the ORM, outside what is timed. Timed in the
same run and database:

- the SQL floor: one bare ``GROUP BY`` (customer, product) over the same done
  stock move lines;
- the product's ledger: ``qms.property.ledger._ledger_totals()`` (in, out and
  balance per customer and product, read from the moves);
- the product's monthly count: ``qms.property.count._generate()`` (one count
  per customer, its book holding one line per quant), stored.
"""

import time

from bench_timing import timed

from odoo import SUPERUSER_ID, api

QUANTS_PER_CUSTOMER = 100


def _copy_rows(cr, table, template_id, count_sql, overrides, params):
    """INSERT copies of row ``template_id`` of ``table``: ``overrides`` maps columns
    to SQL expressions over the series ``s`` (see ``count_sql``)."""
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
        [table],
    )
    columns = [row[0] for row in cr.fetchall() if row[0] != "id"]
    copied = [column for column in columns if column not in overrides]
    names = ", ".join(f'"{column}"' for column in copied + list(overrides))
    values = ", ".join([f't."{column}"' for column in copied] + list(overrides.values()))
    cr.execute(
        f"INSERT INTO {table} ({names}) SELECT {values} FROM {count_sql}, {table} t "
        f"WHERE t.id = %(template)s RETURNING id",
        {**params, "template": template_id},
    )
    return [row[0] for row in cr.fetchall()]


def seed_property(env, customers, quants=QUANTS_PER_CUSTOMER):
    """``customers`` customers holding ``quants`` owner-tagged quants each; returns
    (partner ids, product ids)."""
    cr = env.cr
    stamp = time.time_ns()
    products = env["product.product"].create(
        [{"name": f"Bench material {stamp} {i}", "is_storable": True} for i in range(quants)]
    )
    template_partner = env["res.partner"].create(
        {"name": f"Bench property customer {stamp}", "is_company": True}
    )
    kind = env.ref("qms_customer_property.property_kind_materials")
    item = env["qms.property"].create(
        {
            "title": "Bench material",
            "kind_id": kind.id,
            "partner_id": template_partner.id,
            "product_id": products[0].id,
            "qty_announced": 1,
        }
    )
    item._receive_as_listed()
    env.flush_all()
    move = item.receipt_picking_id.move_ids
    move_line = move.move_line_ids
    location = item.location_id
    quant = env["stock.quant"].search(
        [("owner_id", "=", template_partner.id), ("location_id", "=", location.id)]
    )

    partner_ids = _copy_rows(
        cr,
        "res_partner",
        template_partner.id,
        "generate_series(1, %(count)s) s",
        {"name": "'Bench property customer ' || s", "commercial_partner_id": "NULL"},
        {"count": customers},
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", [partner_ids]
    )
    location_ids = _copy_rows(
        cr,
        "stock_location",
        location.id,
        "unnest(%(partners)s::int[]) WITH ORDINALITY s(partner, n)",
        {
            "name": "'Bench ' || s.n",
            "qms_property_partner_id": "s.partner",
            "complete_name": "'Bench ' || s.n",
            "parent_path": "NULL",
        },
        {"partners": partner_ids},
    )
    cr.execute(
        """UPDATE stock_location l SET parent_path = p.parent_path || l.id || '/'
             FROM stock_location p WHERE p.id = l.location_id AND l.id = ANY(%s)""",
        [location_ids],
    )
    # one (customer, product) pair per quant, move and move line
    pairs = (
        "unnest(%(partners)s::int[], %(locations)s::int[]) s(partner, location)"
        " CROSS JOIN unnest(%(products)s::int[]) WITH ORDINALITY p(product, n)"
    )
    params = {"partners": partner_ids, "locations": location_ids, "products": products.ids}
    move_ids = _copy_rows(
        cr,
        "stock_move",
        move.id,
        pairs,
        {
            "product_id": "p.product",
            "location_dest_id": "s.location",
            "restrict_partner_id": "s.partner",
            "partner_id": "s.partner",
            "product_uom_qty": "p.n",
            "product_qty": "p.n",
            "quantity": "p.n",
            "picking_id": "NULL",
        },
        params,
    )
    cr.execute("DROP TABLE IF EXISTS bench_moves")
    cr.execute(
        """CREATE TEMP TABLE bench_moves ON COMMIT DROP AS
           SELECT m.id, m.product_id, m.location_dest_id, m.restrict_partner_id, m.quantity
             FROM stock_move m WHERE m.id = ANY(%s)""",
        [move_ids],
    )
    _copy_rows(
        cr,
        "stock_move_line",
        move_line.id,
        "bench_moves s",
        {
            "move_id": "s.id",
            "product_id": "s.product_id",
            "location_dest_id": "s.location_dest_id",
            "owner_id": "s.restrict_partner_id",
            "quantity": "s.quantity",
            "quantity_product_uom": "s.quantity",
            "picking_id": "NULL",
        },
        {},
    )
    _copy_rows(
        cr,
        "stock_quant",
        quant.id,
        "bench_moves s",
        {
            "product_id": "s.product_id",
            "location_id": "s.location_dest_id",
            "owner_id": "s.restrict_partner_id",
            "quantity": "s.quantity",
        },
        {},
    )
    for table in ("stock_move", "stock_move_line", "stock_quant", "stock_location"):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    return partner_ids, products.ids


def run_property(env, customers, quants=QUANTS_PER_CUSTOMER):
    """Seed, then time floor, ledger and count in ``env``'s transaction. Returns the
    timings, query counts and results, for the script and for the test."""
    partner_ids, _product_ids = seed_property(env, customers, quants)
    cr = env.cr
    results = {}
    with timed(results, "time_floor"):
        cr.execute(
            """
            SELECT ml.owner_id, ml.product_id, SUM(ml.quantity_product_uom)
              FROM stock_move_line ml
              JOIN stock_location l ON l.id = ml.location_dest_id
             WHERE ml.state = 'done' AND ml.owner_id = ANY(%s)
               AND l.qms_property_partner_id IS NOT NULL
          GROUP BY ml.owner_id, ml.product_id
            """,
            [partner_ids],
        )
        floor = {(owner, product): qty for owner, product, qty in cr.fetchall()}
    partners = env["res.partner"].browse(partner_ids)
    before = cr.sql_log_count
    with timed(results, "time_ledger"):
        ledger = env["qms.property.ledger"]._ledger_totals(partners)
    results["ledger_queries"] = cr.sql_log_count - before
    before = cr.sql_log_count
    with timed(results, "time_count"):
        counts = env["qms.property.count"]._generate(partners=partners)
        env.flush_all()
    results["count_queries"] = cr.sql_log_count - before
    results["floor"] = floor
    results["ledger"] = {
        (partner, product): balance
        for partner, products in ledger.items()
        for product, (_in, _out, balance) in products.items()
    }
    results["counts"] = counts
    results["lines"] = sum(count.line_count for count in counts)
    return results


def bench_property(registry, size):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        results = run_property(env, size)
        cr.rollback()
    floor = results["time_floor"]
    ledger, count = results["time_ledger"], results["time_count"]
    print(f"property: N={size} customers x {QUANTS_PER_CUSTOMER} owner-tagged quants")
    print(f"  SQL floor (GROUP BY customer, product over the moves): {floor:.3f} s")
    print(
        f"  ledger, in/out/balance per customer (product): {ledger:.3f} s"
        f"  = {ledger / floor:.1f}x the floor, {results['ledger_queries']} queries"
    )
    print(
        f"  monthly count, {len(results['counts'])} counts, {results['lines']} lines (product):"
        f" {count:.3f} s  = {count / floor:.1f}x the floor, {results['count_queries']} queries"
    )
    ok = (
        results["ledger"] == results["floor"]
        and len(results["counts"]) == size
        and results["lines"] == size * QUANTS_PER_CUSTOMER
    )
    if not ok:
        print(
            "  MISMATCH: the ledger must equal the moves, one count per customer, "
            "one line per quant"
        )
    return ok


if __name__ == "__main__":  # pragma: no cover
    import sys

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", sys.argv[1], "-d", sys.argv[2]])
    sys.exit(0 if bench_property(Registry(sys.argv[2]), int(sys.argv[3])) else 1)
