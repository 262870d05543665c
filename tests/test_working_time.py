"""Standalone tests for ``addons/qms_base/tools/working_time.py``.

The addon package imports Odoo, so the module is loaded by file path: it has
no Odoo import of its own and these tests run with plain pytest.
"""

import importlib.util
import math
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

MODULE_PATH = Path(__file__).parent.parent / "addons/qms_base/tools/working_time.py"


def _load_module():
    spec = importlib.util.spec_from_file_location("qms_working_time", MODULE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


wt = _load_module()


MONDAY = date(2026, 3, 2)  # a Monday
DAY_PATTERN = ((time(8), time(12)), (time(13), time(17)))


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute))


def office_calendar(weeks=3, holidays=(), makeup=(), first_day=MONDAY):
    """Mon-Fri 08:00-12:00 + 13:00-17:00 for ``weeks`` weeks.

    ``holidays`` are dates taken out, ``makeup`` are (weekend) dates worked
    with the usual hours.
    """
    intervals = []
    for offset in range(weeks * 7):
        day = first_day + timedelta(days=offset)
        if day in holidays:
            continue
        if day.weekday() < 5 or day in makeup:
            intervals.extend(
                (datetime.combine(day, start), datetime.combine(day, end))
                for start, end in DAY_PATTERN
            )
    return intervals


# Dates of the first week of the default calendar.
MON, TUE, WED, THU, FRI, SAT, SUN = (MONDAY + timedelta(days=i) for i in range(7))
NEXT_MON, NEXT_TUE, NEXT_WED, NEXT_THU, NEXT_FRI = (
    MONDAY + timedelta(days=7 + i) for i in range(5)
)


# ---------------------------------------------------------------------------
# Examples
# ---------------------------------------------------------------------------


def test_minutes_after_work_land_next_morning():
    result = wt.add_working_time(office_calendar(), at(MON, 17, 50), timedelta(minutes=30))
    assert result == at(TUE, 8, 30)


def test_minutes_after_work_on_friday_land_on_monday():
    result = wt.add_working_time(office_calendar(), at(FRI, 17, 50), timedelta(minutes=30))
    assert result == at(NEXT_MON, 8, 30)


def test_minutes_before_lunch_skip_the_lunch_break():
    result = wt.add_working_time(office_calendar(), at(MON, 11, 50), timedelta(minutes=30))
    assert result == at(MON, 13, 20)


def test_minutes_ending_exactly_at_lunch_stay_before_lunch():
    result = wt.add_working_time(office_calendar(), at(MON, 11, 30), timedelta(minutes=30))
    assert result == at(MON, 12, 0)


def test_full_working_day_of_hours():
    result = wt.add_working_time(office_calendar(), at(MON, 10), timedelta(hours=8))
    assert result == at(TUE, 10)


def test_zero_duration_returns_start_even_outside_working_time():
    start = at(SAT, 3, 14)
    assert wt.add_working_time(office_calendar(), start, timedelta(0)) == start
    assert wt.add_working_days(office_calendar(), start, 0) == start


def test_negative_duration_raises():
    with pytest.raises(ValueError):
        wt.add_working_time(office_calendar(), at(MON, 10), timedelta(minutes=-1))
    with pytest.raises(ValueError):
        wt.add_working_days(office_calendar(), at(MON, 10), -1)
    with pytest.raises(ValueError):
        wt.add_calendar_time(at(MON, 10), timedelta(seconds=-1))


def test_running_out_of_intervals_returns_none():
    calendar = office_calendar(weeks=1)
    assert wt.add_working_time(calendar, at(FRI, 16), timedelta(hours=2)) is None
    assert wt.add_working_time(calendar, at(FRI, 16), timedelta(hours=1)) == at(FRI, 17)
    assert wt.add_working_days(calendar, at(THU, 10), 2) is None
    assert wt.add_working_days(calendar, at(THU, 10), 1) == at(FRI, 10)
    assert wt.add_working_time([], at(MON, 10), timedelta(minutes=1)) is None


def test_three_working_days_from_monday_morning_is_thursday():
    assert wt.add_working_days(office_calendar(), at(MON, 10), 3) == at(THU, 10)


def test_three_working_days_from_friday_evening_is_wednesday_evening():
    assert wt.add_working_days(office_calendar(), at(FRI, 17), 3) == at(NEXT_WED, 17)


def test_working_days_from_a_weekend_count_from_monday_morning():
    # Monday 08:00 is the end of Friday's work: 1 day later is Monday 17:00.
    assert wt.add_working_days(office_calendar(), at(SAT, 10), 1) == at(NEXT_MON, 17)


def test_holidays_are_skipped_by_working_days():
    calendar = office_calendar(holidays={NEXT_MON, NEXT_TUE})
    assert wt.add_working_days(calendar, at(FRI, 17), 3) == at(NEXT_FRI, 17)
    assert wt.add_working_days(calendar, at(THU, 10), 2) == at(NEXT_WED, 10)


def test_holidays_are_skipped_by_working_time():
    calendar = office_calendar(holidays={NEXT_MON, NEXT_TUE})
    result = wt.add_working_time(calendar, at(FRI, 17, 50), timedelta(minutes=30))
    assert result == at(NEXT_WED, 8, 30)


def test_makeup_saturday_counts_as_a_working_day():
    calendar = office_calendar(makeup={SAT})
    assert wt.add_working_days(calendar, at(FRI, 10), 1) == at(SAT, 10)
    assert wt.add_working_days(calendar, at(FRI, 17), 3) == at(NEXT_TUE, 17)
    result = wt.add_working_time(calendar, at(FRI, 17, 50), timedelta(minutes=30))
    assert result == at(SAT, 8, 30)


def test_working_time_between_examples():
    calendar = office_calendar()
    assert wt.working_time_between(calendar, at(MON, 11), at(MON, 14)) == timedelta(hours=2)
    assert wt.working_time_between(calendar, at(FRI, 16), at(NEXT_MON, 9)) == timedelta(hours=2)
    assert wt.working_time_between(calendar, at(SAT, 9), at(SUN, 9)) == timedelta(0)


def test_working_time_between_reversed_range_is_negative():
    calendar = office_calendar()
    assert wt.working_time_between(calendar, at(MON, 14), at(MON, 11)) == -timedelta(hours=2)
    assert wt.working_days_between(calendar, at(THU, 10), at(MON, 10)) == -3


def test_working_days_between_examples():
    calendar = office_calendar()
    assert wt.working_days_between(calendar, at(MON, 10), at(THU, 10)) == 3
    assert wt.working_days_between(calendar, at(MON, 8), at(MON, 12)) == 0.5
    assert wt.working_days_between(calendar, at(FRI, 17), at(NEXT_MON, 8)) == 0


def test_normalize_sorts_merges_and_drops_empty():
    a, b, c = at(MON, 8), at(MON, 12), at(MON, 17)
    assert wt.normalize([(b, c), (a, b), (c, c), (c, a)]) == [(a, c)]
    assert wt.normalize([(at(MON, 13), c), (a, at(MON, 11)), (at(MON, 10), b)]) == [
        (a, b),
        (at(MON, 13), c),
    ]


def test_group_by_day_groups_by_local_date():
    grouped = wt.group_by_day(office_calendar(weeks=1))
    assert [day for day, _ in grouped] == [MON, TUE, WED, THU, FRI]
    assert all(len(day_intervals) == 2 for _, day_intervals in grouped)


def test_add_calendar_time_ignores_the_calendar():
    assert wt.add_calendar_time(at(FRI, 17), timedelta(days=3)) == at(NEXT_MON, 17)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

HORIZON_DAYS = 21
MINUTES_PER_DAY = 24 * 60
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


@st.composite
def day_intervals(draw):
    """1-3 sorted, non-overlapping intervals as minute offsets in one day."""
    count = draw(st.integers(1, 3))
    points = draw(
        st.lists(
            st.integers(0, MINUTES_PER_DAY),
            min_size=2 * count,
            max_size=2 * count,
            unique=True,
        )
    )
    points.sort()
    return [(points[i], points[i + 1]) for i in range(0, len(points), 2)]


@st.composite
def working_dates(draw):
    """Which of the horizon's days are worked: a weekly pattern, minus
    holidays, plus make-up days."""
    weekdays = draw(st.sets(st.integers(0, 6), min_size=1))
    holidays = draw(st.sets(st.integers(0, HORIZON_DAYS - 1), max_size=5))
    makeup = draw(st.sets(st.integers(0, HORIZON_DAYS - 1), max_size=3))
    return [
        offset
        for offset in range(HORIZON_DAYS)
        if (offset % 7 in weekdays and offset not in holidays) or offset in makeup
    ]


def _build(days_with_pattern):
    intervals = []
    for offset, pattern in days_with_pattern:
        midnight = datetime.combine(MONDAY + timedelta(days=offset), time())
        intervals.extend(
            (midnight + timedelta(minutes=start), midnight + timedelta(minutes=end))
            for start, end in pattern
        )
    return intervals


@st.composite
def any_calendar(draw):
    """Each working day with its own random intervals."""
    dates = draw(working_dates())
    return _build([(offset, draw(day_intervals())) for offset in dates])


@st.composite
def uniform_calendar(draw):
    """Every working day has the same clock times."""
    dates = draw(working_dates())
    pattern = draw(day_intervals())
    return _build([(offset, pattern) for offset in dates])


# Starts from two days before the horizon to two days after it.
moments = st.integers(-2 * MINUTES_PER_DAY, (HORIZON_DAYS + 2) * MINUTES_PER_DAY).map(
    lambda minutes: datetime.combine(MONDAY, time()) + timedelta(minutes=minutes)
)
durations = st.integers(0, 10 * MINUTES_PER_DAY).map(lambda minutes: timedelta(minutes=minutes))
positive_durations = st.integers(1, 10 * MINUTES_PER_DAY).map(
    lambda minutes: timedelta(minutes=minutes)
)


def _in_working_time(intervals, moment):
    """Inside an interval or on its end: never in a gap, and never on the
    very start of an interval (that instant is the end of the previous work)."""
    return any(start < moment <= end for start, end in intervals)


@PROPERTY_SETTINGS
@given(any_calendar(), moments, durations)
def test_property_working_time_between_inverts_add(intervals, start, duration):
    result = wt.add_working_time(intervals, start, duration)
    if result is not None:
        assert result >= start
        assert wt.working_time_between(intervals, start, result) == duration
        assert wt.working_time_between(intervals, result, start) == -duration


@PROPERTY_SETTINGS
@given(any_calendar(), moments, positive_durations)
def test_property_add_working_time_never_lands_in_a_gap(intervals, start, duration):
    result = wt.add_working_time(intervals, start, duration)
    if result is not None:
        assert _in_working_time(intervals, result)
        assert result > start


@PROPERTY_SETTINGS
@given(any_calendar(), moments, moments, durations)
def test_property_add_working_time_is_monotone_in_start(intervals, first, second, duration):
    early, late = sorted((first, second))
    early_result = wt.add_working_time(intervals, early, duration)
    late_result = wt.add_working_time(intervals, late, duration)
    if early_result is not None and late_result is not None:
        assert early_result <= late_result


@PROPERTY_SETTINGS
@given(uniform_calendar(), moments, st.integers(0, 12))
def test_property_working_days_between_inverts_add(intervals, start, days):
    result = wt.add_working_days(intervals, start, days)
    if result is not None:
        assert math.isclose(wt.working_days_between(intervals, start, result), days, abs_tol=1e-9)
        if days >= 1:
            assert _in_working_time(intervals, result)
            assert result > start


@PROPERTY_SETTINGS
@given(uniform_calendar(), moments, moments, st.integers(0, 12))
def test_property_add_working_days_is_monotone_in_start(intervals, first, second, days):
    early, late = sorted((first, second))
    early_result = wt.add_working_days(intervals, early, days)
    late_result = wt.add_working_days(intervals, late, days)
    if early_result is not None and late_result is not None:
        assert early_result <= late_result


@PROPERTY_SETTINGS
@given(any_calendar(), moments, moments, st.integers(1, 12))
def test_property_add_working_days_on_any_calendar(intervals, first, second, days):
    """Days of different lengths: still in working time, still monotone."""
    early, late = sorted((first, second))
    early_result = wt.add_working_days(intervals, early, days)
    late_result = wt.add_working_days(intervals, late, days)
    for start, result in ((early, early_result), (late, late_result)):
        if result is not None:
            assert _in_working_time(intervals, result)
            assert result > start
    if early_result is not None and late_result is not None:
        assert early_result <= late_result


# Counting back from a due date (reminders): the mirrors of the above.


def _in_working_time_back(intervals, moment):
    """Inside an interval or on its start, never in a gap."""
    return any(start <= moment < end for start, end in intervals)


def test_working_days_back_examples():
    intervals = office_calendar()
    # Thursday 10:00 minus 2 is Tuesday 10:00; from Monday evening, Friday evening.
    assert wt.subtract_working_days(intervals, at(THU, 10), 2) == at(TUE, 10)
    assert wt.subtract_working_days(intervals, at(NEXT_MON, 17), 1) == at(FRI, 17)
    # From a weekend: the evening of the last working day counts.
    assert wt.subtract_working_days(intervals, at(SUN, 10), 1) == at(THU, 17)
    assert wt.subtract_working_days(intervals, at(TUE, 10), 5) is None
    assert wt.subtract_working_days(intervals, at(TUE, 10), 0) == at(TUE, 10)


def test_working_time_back_examples():
    intervals = office_calendar()
    assert wt.subtract_working_time(intervals, at(TUE, 8, 30), timedelta(hours=1)) == at(
        MON, 16, 30
    )
    assert wt.subtract_working_time(intervals, at(TUE, 13, 20), timedelta(minutes=30)) == at(
        TUE, 11, 50
    )
    assert wt.subtract_working_time(intervals, at(MON, 9), timedelta(hours=2)) is None
    with pytest.raises(ValueError):
        wt.subtract_working_time(intervals, at(TUE, 9), timedelta(minutes=-1))


@PROPERTY_SETTINGS
@given(any_calendar(), moments, durations)
def test_property_subtract_working_time_inverts_between(intervals, end, duration):
    result = wt.subtract_working_time(intervals, end, duration)
    if result is not None:
        assert result <= end
        assert wt.working_time_between(intervals, result, end) == duration
        if duration:
            assert _in_working_time_back(intervals, result)


@PROPERTY_SETTINGS
@given(uniform_calendar(), moments, st.integers(0, 12))
def test_property_subtract_working_days_inverts_between(intervals, end, days):
    result = wt.subtract_working_days(intervals, end, days)
    if result is not None:
        assert result <= end
        assert math.isclose(wt.working_days_between(intervals, result, end), days, abs_tol=1e-9)


@PROPERTY_SETTINGS
@given(uniform_calendar(), moments, st.integers(1, 12))
def test_property_subtract_undoes_add_working_days(intervals, start, days):
    due = wt.add_working_days(intervals, start, days)
    if due is not None:
        back = wt.subtract_working_days(intervals, due, days)
        if back is None:
            # the start is the end of the working day before the horizon
            assert start <= intervals[0][0]
        else:
            assert wt.working_days_between(intervals, back, start) == 0
