"""Working-time arithmetic on a list of work intervals.

Pure functions, no Odoo import: the models turn a calendar into intervals
(public holidays removed, make-up workdays added) and call these.

An interval list is a sorted sequence of ``(start, end)`` datetimes that do
not overlap. All datetimes are in the calendar's local time (aware or naive,
but all of the same kind): working *days* are grouped by their local date.
Functions that run out of intervals return ``None`` so the caller can fetch a
longer horizon and try again.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

Interval = tuple[datetime, datetime]

ZERO = timedelta(0)


def normalize(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort the intervals, drop empty ones and merge those that touch."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def add_working_time(
    intervals: Sequence[Interval], start: datetime, duration: timedelta
) -> datetime | None:
    """The moment when ``duration`` of working time has passed after ``start``.

    A zero duration gives ``start`` back. A positive one always lands inside a
    working interval or on its end, never in non-working time.
    """
    if duration < ZERO:
        raise ValueError("duration must not be negative")
    if duration == ZERO:
        return start
    remaining = duration
    for iv_start, iv_end in intervals:
        if iv_end <= start:
            continue
        begin = max(iv_start, start)
        available = iv_end - begin
        if remaining <= available:
            return begin + remaining
        remaining -= available
    return None


def working_time_between(
    intervals: Sequence[Interval], start: datetime, end: datetime
) -> timedelta:
    """Working time inside ``[start, end]``; negative when ``end`` is before ``start``."""
    if end < start:
        return -working_time_between(intervals, end, start)
    total = ZERO
    for iv_start, iv_end in intervals:
        if iv_start >= end:
            break
        overlap = min(iv_end, end) - max(iv_start, start)
        if overlap > ZERO:
            total += overlap
    return total


def group_by_day(intervals: Sequence[Interval]) -> list[tuple[date, list[Interval]]]:
    """Working days in order, each with its intervals (local dates)."""
    days: list[tuple[date, list[Interval]]] = []
    for interval in intervals:
        day = interval[0].date()
        if days and days[-1][0] == day:
            days[-1][1].append(interval)
        else:
            days.append((day, [interval]))
    return days


def _day_length(day_intervals: Sequence[Interval]) -> timedelta:
    return sum((end - start for start, end in day_intervals), ZERO)


def _day_position(days, start: datetime) -> tuple[int, timedelta] | None:
    """(index of the working day, working time done in it) for ``start``.

    A start on a non-working day, or after the day's last interval, counts as
    the very beginning of the next working day.
    """
    for index, (day, day_intervals) in enumerate(days):
        if day < start.date():
            continue
        if day > start.date() or start <= day_intervals[0][0]:
            return index, ZERO
        if start < day_intervals[-1][1]:
            return index, working_time_between(day_intervals, day_intervals[0][0], start)
        # after this day's work: beginning of the next working day
    return None


def add_working_days(intervals: Sequence[Interval], start: datetime, days: int) -> datetime | None:
    """The same point of the working day, ``days`` working days later.

    From Monday 10:00 on a 08:00-17:00 calendar, 3 working days is Thursday
    10:00. A start outside working hours counts from the next working
    morning; when the target day is shorter the due time is its last minute.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return start
    grouped = group_by_day(intervals)
    position = _day_position(grouped, start)
    if position is None:
        return None
    index, offset = position
    if offset == ZERO:
        # The beginning of day N+1 is the end of day N: keep the due inside
        # working time of the N-th day instead of on the next morning.
        index, offset = index - 1, None
    target = index + days
    if target >= len(grouped):
        return None
    day_intervals = grouped[target][1]
    if offset is None or offset >= _day_length(day_intervals):
        return day_intervals[-1][1]
    return add_working_time(day_intervals, day_intervals[0][0], offset)


def subtract_working_time(
    intervals: Sequence[Interval], end: datetime, duration: timedelta
) -> datetime | None:
    """The moment ``duration`` of working time before ``end`` (the mirror of
    :func:`add_working_time`).

    A zero duration gives ``end`` back. A positive one always lands inside a
    working interval or on its start, never in non-working time.
    """
    if duration < ZERO:
        raise ValueError("duration must not be negative")
    if duration == ZERO:
        return end
    remaining = duration
    for iv_start, iv_end in reversed(intervals):
        if iv_start >= end:
            continue
        stop = min(iv_end, end)
        available = stop - iv_start
        if remaining <= available:
            return stop - remaining
        remaining -= available
    return None


def _day_position_back(days, end: datetime) -> tuple[int, timedelta | None] | None:
    """(index of the working day, working time done in it) for ``end``, seen
    from after it: ``None`` as the time done means the whole day.

    An end on a non-working day, or before the day's first interval, counts as
    the very end of the previous working day.
    """
    for index in range(len(days) - 1, -1, -1):
        day, day_intervals = days[index]
        if day > end.date():
            continue
        if day < end.date() or end >= day_intervals[-1][1]:
            return index, None
        if end > day_intervals[0][0]:
            return index, working_time_between(day_intervals, day_intervals[0][0], end)
        # before this day's work: end of the previous working day
    return None


def subtract_working_days(
    intervals: Sequence[Interval], end: datetime, days: int
) -> datetime | None:
    """The same point of the working day, ``days`` working days earlier (the
    mirror of :func:`add_working_days`).

    From Thursday 10:00 on a 08:00-17:00 calendar, 2 working days back is
    Tuesday 10:00; from the end of a working day, the end of an earlier one.
    An end outside working hours counts from the previous working evening;
    when the target day is shorter the time is its last minute.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return end
    grouped = group_by_day(intervals)
    position = _day_position_back(grouped, end)
    if position is None:
        return None
    index, offset = position
    target = index - days
    if target < 0:
        return None
    day_intervals = grouped[target][1]
    if offset is None or offset >= _day_length(day_intervals):
        return day_intervals[-1][1]
    return add_working_time(day_intervals, day_intervals[0][0], offset)


def working_days_between(intervals: Sequence[Interval], start: datetime, end: datetime) -> float:
    """Working days from ``start`` to ``end`` (fractions by the day's length)."""
    if end < start:
        return -working_days_between(intervals, end, start)
    grouped = group_by_day(intervals)

    def position(moment):
        found = _day_position(grouped, moment)
        if found is None:
            return float(len(grouped))
        index, offset = found
        return index + offset / _day_length(grouped[index][1])

    return position(end) - position(start)


def add_calendar_time(start: datetime, duration: timedelta) -> datetime:
    """Calendar time: weekends and holidays count like any other day."""
    if duration < ZERO:
        raise ValueError("duration must not be negative")
    return start + duration
