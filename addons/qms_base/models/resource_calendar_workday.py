from datetime import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.resource.models.utils import float_to_time

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class ResourceCalendarWorkday(models.Model):
    """A make-up workday (调休): a rest day the state declares a working day.

    It works like ``pattern_weekday`` of the same calendar. Public holidays
    themselves stay Odoo's global time off (``resource.calendar.leaves``).
    """

    _name = "resource.calendar.workday"
    _description = "Make-up Workday"
    _order = "date"

    name = fields.Char(required=True, translate=True)
    date = fields.Date(required=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working calendar",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)
    pattern_weekday = fields.Selection(
        WEEKDAYS,
        string="Works like",
        required=True,
        default="0",
        help="The weekday whose working hours apply on this day.",
    )

    _sql_constraints = [
        (
            "date_calendar_uniq",
            "unique(calendar_id, date)",
            "This day is already a make-up workday.",
        ),
    ]

    @api.constrains("date", "calendar_id", "pattern_weekday")
    def _check_day(self):
        for workday in self:
            calendar = workday.calendar_id
            weekdays = {int(a.dayofweek) for a in calendar.attendance_ids if not a.display_type}
            if workday.date.weekday() in weekdays:
                raise ValidationError(
                    self.env._(
                        "%(date)s is already a working day of %(calendar)s: "
                        "a make-up workday must fall on a rest day.",
                        date=workday.date,
                        calendar=calendar.display_name,
                    )
                )
            if int(workday.pattern_weekday) not in weekdays:
                raise ValidationError(
                    self.env._(
                        "%(calendar)s does not work on the weekday chosen as pattern.",
                        calendar=calendar.display_name,
                    )
                )
            if calendar._qms_holiday_on(workday.date):
                raise ValidationError(
                    self.env._(
                        "%(date)s is a public holiday of %(calendar)s "
                        "and cannot also be a workday.",
                        date=workday.date,
                        calendar=calendar.display_name,
                    )
                )

    def _intervals(self, attendances, zone, start_dt, end_dt):
        """This day's working intervals, clipped to ``[start_dt, end_dt]``."""
        self.ensure_one()
        week_type = str(self.env["resource.calendar.attendance"].get_week_type(self.date))
        for attendance in attendances:
            if int(attendance.dayofweek) != int(self.pattern_weekday):
                continue
            if self.calendar_id.two_weeks_calendar and attendance.week_type != week_type:
                continue
            if attendance.date_from and self.date < attendance.date_from:
                continue
            if attendance.date_to and attendance.date_to < self.date:
                continue
            begin = zone.localize(datetime.combine(self.date, float_to_time(attendance.hour_from)))
            stop = zone.localize(datetime.combine(self.date, float_to_time(attendance.hour_to)))
            begin, stop = max(begin, start_dt), min(stop, end_dt)
            if begin < stop:
                yield begin, stop, attendance
