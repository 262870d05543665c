"""Sample sizes of an outgoing inspection (no odoo import).

ISO 2859-1 (GB/T 2828.1) single sampling, normal inspection: the lot size
gives a sample size code letter per general inspection level (I, II, III),
the letter gives the sample size. A sample is never larger than the lot.
"""

import bisect

# Upper bounds of the lot size ranges of ISO 2859-1 table 1.
LOT_BOUNDS = (8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000)
CODE_LETTERS = {
    "1": "AABCCDEFGHJKLMN",
    "2": "ABCDEFGHJKLMNPQ",
    "3": "BCDEFGHJKLMNPQR",
}
SAMPLE_SIZES = {
    "A": 2,
    "B": 3,
    "C": 5,
    "D": 8,
    "E": 13,
    "F": 20,
    "G": 32,
    "H": 50,
    "J": 80,
    "K": 125,
    "L": 200,
    "M": 315,
    "N": 500,
    "P": 800,
    "Q": 1250,
    "R": 2000,
}


def code_letter(lot_size, level="2"):
    """The sample size code letter of a lot of ``lot_size`` units."""
    if level not in CODE_LETTERS:
        raise ValueError(f"unknown inspection level {level!r}")
    index = bisect.bisect_left(LOT_BOUNDS, max(int(lot_size), 1))
    return CODE_LETTERS[level][index]


def sample_size(lot_size, plan="iso2859", level="2", fixed=0):
    """Units to inspect in a lot of ``lot_size``: ``plan`` is full (every unit),
    fixed (``fixed`` units) or iso2859 (the table, at ``level``)."""
    lot = max(round(lot_size), 0)
    if lot == 0:
        return 0
    if plan == "full":
        return lot
    if plan == "fixed":
        return min(max(int(fixed), 1), lot)
    if plan == "iso2859":
        return min(SAMPLE_SIZES[code_letter(lot, level)], lot)
    raise ValueError(f"unknown sampling plan {plan!r}")
