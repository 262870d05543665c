"""Benchmark: the HSF check of a receipt against N registered reports.

Run through scripts/bench (``scripts/bench samples 10000``).

N HSF reports (N/10 suppliers × 10 materials, one in ten expired) are created
outside what is timed; then one receipt of 10 materials from one supplier is
checked. Timed in the same run and database:

- the SQL floor: one bare ``SELECT`` of the supplier's valid reports for the
  receipt's materials;
- the product: ``stock.picking._qms_hsf_missing()`` on the receipt (what
  validating the receipt runs before it is done).
"""

from datetime import date, timedelta

from bench_timing import timed

from odoo import SUPERUSER_ID, Command, api

MATERIALS = 10


def seed_hsf_reports(env, count):
    """``count`` reports over count/10 suppliers and 10 materials; returns (supplier, products)."""
    products = env["product.product"].create(
        [
            {"name": f"Bench material {i}", "is_storable": True, "qms_hsf_required": True}
            for i in range(MATERIALS)
        ]
    )
    suppliers = env["res.partner"].create(
        [
            {"name": f"Bench supplier {i}", "is_company": True}
            for i in range(max(count // MATERIALS, 1))
        ]
    )
    today = date.today()
    vals_list = []
    for index in range(count):
        supplier = suppliers[index // MATERIALS % len(suppliers)]
        expired = index % 10 == 0
        vals_list.append(
            {
                "partner_id": supplier.id,
                "product_id": products[index % MATERIALS].id,
                "date_test": today - timedelta(days=400 if expired else 30),
                "laboratory": "Bench lab",
                "report_number": f"BENCH-{index}",
                "validity_months": 12,
                "result": "pass",
            }
        )
    env["qms.hsf.report"].with_context(tracking_disable=True).create(vals_list)
    return suppliers[0], products


def measure_receipt_check(env, count):
    """Seed ``count`` reports, check one receipt; returns (results, missing, expected)."""
    supplier, products = seed_hsf_reports(env, count)
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    supplier_location = env.ref("stock.stock_location_suppliers")
    picking = env["stock.picking"].create(
        {
            "picking_type_id": warehouse.in_type_id.id,
            "partner_id": supplier.id,
            "location_id": supplier_location.id,
            "location_dest_id": warehouse.lot_stock_id.id,
            "move_ids": [
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": 1,
                        "product_uom": product.uom_id.id,
                        "location_id": supplier_location.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                    }
                )
                for product in products
            ],
        }
    )
    env.flush_all()
    results = {}
    with timed(results, "sql"):
        env.cr.execute(
            """SELECT product_id FROM qms_hsf_report
                WHERE partner_id = %s AND product_id = ANY(%s) AND result = 'pass'
                  AND date_expiry >= %s AND active""",
            [supplier.id, products.ids, date.today()],
        )
        valid = {row[0] for row in env.cr.fetchall()}
    env.invalidate_all()
    with timed(results, "product"):
        missing = picking._qms_hsf_missing()
    expected = products.filtered(lambda p: p.id not in valid)
    return results, missing, expected


def bench_samples(registry, count):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        results, missing, expected = measure_receipt_check(env, count)
        cr.rollback()
    print(f"HSF reports: {count}, receipt of {MATERIALS} materials")
    print(f"  SQL floor     {results['sql']:.4f} s")
    print(f"  receipt check {results['product']:.4f} s")
    ok = missing == expected
    print(f"  materials without a valid report: {len(missing)} (expected {len(expected)})")
    if not ok:
        print("  MISMATCH: the check must find exactly the materials the SQL finds")
    return ok
