"""Standalone tests for ``addons/qms_service_contract/tools/`` (no Odoo)."""

import importlib.util
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

TOOLS = Path(__file__).parent.parent / "addons/qms_service_contract/tools"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"qms_sc_{name}", TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


draw = _load("callback_draw")
cadence = _load("cadence")


def test_same_seed_same_draw():
    pools = {7: list(range(100, 112)), 8: list(range(200, 209))}
    assert draw.draw_quarter(42, pools) == draw.draw_quarter(42, pools)
    assert draw.draw_year([1, 2, 3, 4], pools) == draw.draw_year([1, 2, 3, 4], pools)


def test_another_seed_another_draw():
    pools = {7: list(range(100, 130))}
    draws = {tuple(draw.draw_quarter(seed, pools)[7]) for seed in range(10)}
    assert len(draws) > 1


def test_five_per_engineer_each_twice_a_year():
    """Ten customers per engineer: 20 calls a year, each customer exactly twice,
    never in two quarters in a row."""
    pools = {1: list(range(10, 20)), 2: list(range(20, 30))}
    quarters = draw.draw_year([11, 12, 13, 14], pools)
    counts = Counter()
    for index, quarter in enumerate(quarters):
        for engineer, drawn in quarter.items():
            assert len(drawn) == 5
            assert set(drawn) <= set(pools[engineer])
            if index:
                assert not set(drawn) & set(quarters[index - 1][engineer])
            counts.update(drawn)
    assert set(counts.values()) == {2}


def test_small_pool_everyone_every_quarter():
    quarters = draw.draw_year([1, 2, 3, 4], {1: [5, 6, 7]})
    assert all(sorted(q[1]) == [5, 6, 7] for q in quarters)


def test_large_pool_everyone_at_least_once_nobody_thrice_before_all_twice():
    pools = {1: list(range(1, 13))}  # 12 customers, 20 calls: 8 twice, 4 once
    counts = Counter(c for q in draw.draw_year([5, 6, 7, 8], pools) for c in q[1])
    assert sorted(counts.values()) == [1] * 4 + [2] * 8


def test_customer_of_two_engineers_called_once_a_quarter():
    pools = {1: [1, 2, 3, 4, 5, 6, 7], 2: [1, 2, 8, 9, 10, 11, 12]}
    quarter = draw.draw_quarter(3, pools)
    assert not set(quarter[1]) & set(quarter[2])


def test_negative_size_refused():
    with pytest.raises(ValueError):
        draw.draw_for_engineer(1, 1, [1], {}, (), size=-1)


def test_cadence_weekly_monthly_quarterly():
    installed = date(2026, 1, 5)
    warranty_end = date(2027, 1, 5)
    dates = cadence.schedule(installed, warranty_end, date(2027, 12, 31))
    assert dates[:5] == [
        date(2026, 1, 12),
        date(2026, 1, 19),
        date(2026, 1, 26),
        date(2026, 2, 2),
        date(2026, 2, 9),
    ]
    # monthly during the warranty, every three months after it
    assert dates[5:8] == [date(2026, 3, 9), date(2026, 4, 9), date(2026, 5, 9)]
    # the last contact planned during the warranty falls just after it ends
    after = [d for d in dates if d > warranty_end]
    assert after[:4] == [date(2027, 1, 9), date(2027, 4, 9), date(2027, 7, 9), date(2027, 10, 9)]
    assert dates[-1] <= date(2027, 12, 31)


def test_cadence_stops_at_contract_end():
    dates = cadence.schedule(date(2026, 1, 5), date(2027, 1, 5), date(2026, 1, 20))
    assert dates == [date(2026, 1, 12), date(2026, 1, 19)]


def test_cadence_bad_interval():
    with pytest.raises(ValueError):
        cadence.next_contact(date(2026, 1, 1), date(2026, 1, 1), None, first_interval_days=0)
