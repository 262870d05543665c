from datetime import datetime, timedelta
from itertools import chain

import pytz

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import working_time

# How far ahead to look for working time before giving up: a calendar
# without working time in this span is a configuration error.
MAX_HORIZON_DAYS = 3 * 366
# Dates a deadline can be counted from (sanity bounds, not business numbers).
MIN_YEAR, MAX_YEAR = 1900, 2999


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    qms_workday_ids = fields.One2many(
        "resource.calendar.workday", "calendar_id", string="Make-up workdays"
    )

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Make-up workdays (调休) work like the weekday they follow."""
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        if self.flexible_hours:
            return result
        workdays = self.env["resource.calendar.workday"].search(
            [
                ("calendar_id", "=", self.id),
                ("date", ">=", (start_dt - timedelta(days=1)).date()),
                ("date", "<=", (end_dt + timedelta(days=1)).date()),
            ]
        )
        if not workdays:
            return result
        attendances = self.attendance_ids.filtered(
            lambda a: (
                not a.resource_id
                and not a.display_type
                and (a.day_period == "lunch") == bool(lunch)
            )
        )
        resources_by_id = {r.id: r for r in (resources or [])}
        for resource_id, intervals in result.items():
            resource = resources_by_id.get(resource_id)
            zone = tz or pytz.timezone((resource or self).tz or "UTC")
            extra = [
                interval
                for workday in workdays
                for interval in workday._intervals(attendances, zone, start_dt, end_dt)
            ]
            if extra:
                result[resource_id] = type(intervals)(chain(intervals, extra))
        return result

    # ------------------------------------------------------------------
    # Working-time arithmetic for deadlines (naive UTC in, naive UTC out)
    # ------------------------------------------------------------------
    def _qms_local_intervals(self, start, end):
        """Work intervals in the calendar's zone, holidays out, make-up days in."""
        self.ensure_one()
        aware_start = pytz.utc.localize(start)
        aware_end = pytz.utc.localize(end)
        intervals = self._work_intervals_batch(aware_start, aware_end)[False]
        zone = pytz.timezone(self.tz or "UTC")
        return working_time.normalize(
            (begin.astimezone(zone), stop.astimezone(zone)) for begin, stop, _rec in intervals
        )

    def _qms_check_moment(self, *moments):
        """A clear error for a moment no calendar counts from (year 1 or 9999)."""
        for moment in moments:
            if not isinstance(moment, datetime) or not MIN_YEAR <= moment.year <= MAX_YEAR:
                raise UserError(
                    self.env._(
                        "%(moment)s is not a date working time can be counted from "
                        "(years %(first)s to %(last)s).",
                        moment=str(moment)[:30],
                        first=MIN_YEAR,
                        last=MAX_YEAR,
                    )
                )

    def _qms_forward(self, start, compute, window_start=None):
        """Run ``compute(intervals, local_start)`` over a growing horizon."""
        self._qms_check_moment(start)
        zone = pytz.timezone(self.tz or "UTC")
        local_start = pytz.utc.localize(start).astimezone(zone)
        window_start = window_start or start
        horizon = 14
        while horizon <= MAX_HORIZON_DAYS:
            intervals = self._qms_local_intervals(window_start, start + timedelta(days=horizon))
            result = compute(intervals, local_start)
            if result is not None:
                return result.astimezone(pytz.utc).replace(tzinfo=None)
            horizon *= 4
        raise UserError(
            self.env._(
                "The working calendar “%(calendar)s” has no working time to place this deadline.",
                calendar=self.display_name,
            )
        )

    def _qms_add_working_time(self, start, duration):
        self.ensure_one()
        if duration < timedelta(0):
            raise UserError(self.env._("A deadline duration cannot be negative."))
        return self._qms_forward(
            start,
            lambda intervals, local: working_time.add_working_time(intervals, local, duration),
        )

    def _qms_add_working_days(self, start, days):
        self.ensure_one()
        self._qms_check_moment(start)
        if days < 0:
            raise UserError(self.env._("A deadline duration cannot be negative."))
        zone = pytz.timezone(self.tz or "UTC")
        local_start = pytz.utc.localize(start).astimezone(zone)
        # The whole first day is needed to know how far into it ``start`` is.
        local_midnight = zone.localize(datetime.combine(local_start.date(), datetime.min.time()))
        window_start = local_midnight.astimezone(pytz.utc).replace(tzinfo=None)
        return self._qms_forward(
            start,
            lambda intervals, local: working_time.add_working_days(intervals, local, days),
            window_start=window_start,
        )

    def _qms_local_midnight(self, moment, days=0):
        """Naive UTC of the local midnight starting ``moment``'s day, plus ``days``."""
        zone = pytz.timezone(self.tz or "UTC")
        local_day = pytz.utc.localize(moment).astimezone(zone).date() + timedelta(days=days)
        midnight = zone.localize(datetime.combine(local_day, datetime.min.time()))
        return midnight.astimezone(pytz.utc).replace(tzinfo=None)

    def _qms_backward(self, end, compute, floor=None):
        """Run ``compute(intervals, local_end)`` over a horizon growing backwards.

        Whole local days are fetched (a working-day count needs to know how far
        into its day ``end`` is). With ``floor``, nothing before it is looked
        at: ``None`` when the result would be before ``floor``.
        """
        self.ensure_one()
        self._qms_check_moment(end)
        zone = pytz.timezone(self.tz or "UTC")
        local_end = pytz.utc.localize(end).astimezone(zone)
        window_end = self._qms_local_midnight(end, days=1)
        lowest = self._qms_local_midnight(floor) if floor else None
        horizon = 14
        while horizon <= MAX_HORIZON_DAYS * 4:
            window_start = self._qms_local_midnight(end - timedelta(days=horizon))
            if lowest and window_start <= lowest:
                window_start = lowest
            result = compute(self._qms_local_intervals(window_start, window_end), local_end)
            if result is not None:
                result = result.astimezone(pytz.utc).replace(tzinfo=None)
                return None if floor and result < floor else result
            if window_start == lowest:
                return None
            horizon *= 4
        raise UserError(
            self.env._(
                "The working calendar “%(calendar)s” has no working time to place this deadline.",
                calendar=self.display_name,
            )
        )

    def _qms_subtract_working_time(self, end, duration, floor=None):
        """``duration`` of working time before ``end`` (naive UTC in and out)."""
        self.ensure_one()
        if duration < timedelta(0):
            raise UserError(self.env._("A deadline duration cannot be negative."))
        return self._qms_backward(
            end,
            lambda intervals, local: working_time.subtract_working_time(intervals, local, duration),
            floor=floor,
        )

    def _qms_subtract_working_days(self, end, days, floor=None):
        """The same point of the working day, ``days`` working days before ``end``."""
        self.ensure_one()
        if days < 0:
            raise UserError(self.env._("A deadline duration cannot be negative."))
        return self._qms_backward(
            end,
            lambda intervals, local: working_time.subtract_working_days(intervals, local, days),
            floor=floor,
        )

    def _qms_working_time_between(self, start, end):
        self.ensure_one()
        self._qms_check_moment(start, end)
        low, high = min(start, end), max(start, end)
        intervals = self._qms_local_intervals(low, high)
        zone = pytz.timezone(self.tz or "UTC")
        measured = working_time.working_time_between(
            intervals,
            pytz.utc.localize(low).astimezone(zone),
            pytz.utc.localize(high).astimezone(zone),
        )
        return measured if end >= start else -measured

    def _qms_holiday_on(self, day):
        """The public holidays (global time off) of this calendar covering ``day``."""
        self.ensure_one()
        zone = pytz.timezone(self.tz or "UTC")
        begin = zone.localize(datetime.combine(day, datetime.min.time())).astimezone(pytz.utc)
        end = begin + timedelta(days=1)
        return self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "in", [False, self.id]),
                ("resource_id", "=", False),
                ("date_from", "<", end.replace(tzinfo=None)),
                ("date_to", ">", begin.replace(tzinfo=None)),
            ]
        )
