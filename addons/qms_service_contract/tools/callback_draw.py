"""The quarterly satisfaction callback draw (002 六), pure arithmetic.

Every quarter, for each engineer, ``size`` customers are drawn at random from
the customers the engineer looks after, "different customers from quarter to
quarter as far as possible, each customer drawn twice a year as the baseline"
(每家客户一年抽取到两次为抽样的基本原则: a target, not a cap).

The draw is reproducible: the same seed, pools and history give the same
customers. No Odoo import: the models feed it ids and store what it returns.
"""

import random


def _rng(seed, engineer):
    # A string seed is hashed by ``random`` the same way on every run and machine.
    return random.Random(f"qms-draw:{seed}:{engineer}")


def draw_for_engineer(seed, engineer, pool, year_counts, last_quarter, taken=(), size=5, target=2):
    """Customers drawn for ``engineer`` this quarter, in the order drawn.

    ``pool``: the engineer's customer ids; ``year_counts``: {customer: times
    drawn this year before this quarter}; ``last_quarter``: customers drawn the
    previous quarter; ``taken``: customers another engineer drew this quarter.

    Customers still under the yearly ``target`` come first, then those not
    drawn last quarter (nor by another engineer now), then the least drawn;
    ties are broken by the seeded random numbers.
    """
    if size < 0 or target < 0:
        raise ValueError("size and target cannot be negative")
    customers = sorted(set(pool))
    rng = _rng(seed, engineer)
    lots = {customer: rng.random() for customer in customers}
    last, busy = set(last_quarter), set(taken)

    def priority(customer):
        count = year_counts.get(customer, 0)
        return (
            count >= target,
            customer in busy,
            customer in last,
            count,
            lots[customer],
        )

    return sorted(customers, key=priority)[:size]


def draw_quarter(seed, pools, year_counts=None, last_quarter=(), size=5, target=2):
    """{engineer: [customers]} for one quarter; engineers in id order, each
    engineer's draw seen by the next (one customer, one call a quarter where
    the pools allow)."""
    counts = dict(year_counts or {})
    taken = set()
    result = {}
    for engineer in sorted(pools):
        drawn = draw_for_engineer(
            seed,
            engineer,
            pools[engineer],
            counts,
            last_quarter,
            taken=taken,
            size=size,
            target=target,
        )
        result[engineer] = drawn
        taken.update(drawn)
    return result


def draw_year(seeds, pools, size=5, target=2):
    """Four (or fewer) quarters in a row, one seed each: [{engineer: [customers]}]."""
    counts, last, quarters = {}, set(), []
    for seed in seeds:
        quarter = draw_quarter(seed, pools, counts, last, size=size, target=target)
        quarters.append(quarter)
        last = {customer for drawn in quarter.values() for customer in drawn}
        for customer in last:
            counts[customer] = counts.get(customer, 0) + 1
    return quarters
