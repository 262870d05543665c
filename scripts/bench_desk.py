"""Benchmark: find the caller among N partners, as the hotline call log does.

Run through scripts/bench (``scripts/bench desk 100000``).

N partners with mainland mobile numbers (written three ways: plain, spaced,
with +86) are created before what is timed. Timed in the same run
and database, for 100 callers:

- the SQL floor: one bare ``SELECT id FROM res_partner WHERE mobile = %s``
  per caller (the exact spelling known, no normalisation);
- the product: ``res.partner._qms_desk_match_number(number)`` per caller,
  which finds the partner however the number was written.
"""

import time

from odoo import SUPERUSER_ID, api

LOOKUPS = 100


def _number(index):
    return f"139{index:08d}"


def _spelling(index):
    plain = _number(index)
    if index % 3 == 1:
        return f"{plain[:3]} {plain[3:7]} {plain[7:]}"
    if index % 3 == 2:
        return f"+86 {plain}"
    return plain


def seed_partners(env, count, batch=2000):
    """``count`` partners with mobile numbers (ORM creates in batches, so
    every installed module's defaults apply)."""
    Partner = env["res.partner"].with_context(tracking_disable=True, mail_create_nolog=True)
    for first in range(0, count, batch):
        Partner.create(
            [
                {"name": f"Bench caller {index}", "mobile": _spelling(index)}
                for index in range(first, min(first + batch, count))
            ]
        )
    env.flush_all()
    env.invalidate_all()


def run_desk_bench(env, count, lookups=LOOKUPS):
    """Seed ``count`` partners, time ``lookups`` caller matches; returns the
    results (seconds, and whether every caller was found exactly once)."""
    seed_partners(env, count)
    step = max(count // lookups, 1)
    indexes = list(range(0, count, step))[:lookups]
    start = time.perf_counter()
    for index in indexes:
        env.cr.execute("SELECT id FROM res_partner WHERE mobile = %s", [_spelling(index)])
        env.cr.fetchall()
    floor = time.perf_counter() - start
    Partner = env["res.partner"]
    found = 0
    start = time.perf_counter()
    for index in indexes:
        matches = Partner._qms_desk_match_number(_number(index))
        found += 1 if matches.filtered(lambda p: p.name.startswith("Bench caller ")) else 0
    product = time.perf_counter() - start
    return {"lookups": len(indexes), "found": found, "floor": floor, "product": product}


def bench_desk(registry, count):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        result = run_desk_bench(env, count)
        cr.rollback()
    lookups = result["lookups"]
    print(f"desk: {count} partners, {lookups} callers")
    print(f"  SQL floor (exact spelling)   {result['floor']:.3f} s")
    print(f"  caller match (any spelling)  {result['product']:.3f} s")
    print(f"  per caller                   {1000 * result['product'] / lookups:.1f} ms")
    ok = result["found"] == lookups
    if not ok:
        print(f"  MISMATCH: {result['found']} of {lookups} callers found")
    return ok
