from collections import defaultdict
from datetime import datetime, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

WORK_RECORD_KIND = "work_record"
WORK_RECORD_ACTIVITY = "qms_service.mail_activity_type_work_record"
# While the engineer is on site the stay goes on, and a work record is due for each day.
ONSITE_STATES = ("accepted", "in_progress")


class QmsServiceRequest(models.Model):
    """The daily on-site record (现场服务工作记录表, 002 POIS / 004 4.1.4): every
    working day of the engineer's stay on site has its work record. The days
    without one are shown on the request; the shared deadline cron checks
    every night and gives the engineer a to-do for each such day."""

    _inherit = "qms.service.request"  # pylint: disable=consider-merging-classes-inherited

    date_onsite_end = fields.Datetime(
        "Left site on",
        copy=False,
        tracking=True,
        help="The end of the engineer's stay on site. Until it is set (or the request is "
        "resolved), every working day since the arrival needs its on-site work record.",
    )
    missing_work_days = fields.Char(
        "Days on site without a work record",
        compute="_compute_missing_work_days",
        groups="qms_base.group_qms_user",
        help="Working days (company calendar) of the stay on site, up to yesterday, "
        "without an on-site work record from a visit report.",
    )
    missing_work_day_count = fields.Integer(
        "Days without a work record",
        compute="_compute_missing_work_days",
        groups="qms_base.group_qms_user",
    )

    @api.depends("date_onsite", "date_onsite_end", "date_resolved", "state", "work_log_ids.date")
    def _compute_missing_work_days(self):
        missing = self._missing_work_days()
        for request in self:
            days = missing.get(request.id, [])
            request.missing_work_days = ", ".join(str(day) for day in days) or False
            request.missing_work_day_count = len(days)

    @api.constrains("date_onsite_end", "date_onsite")
    def _check_date_onsite_end(self):
        for request in self:
            if (
                request.date_onsite_end
                and request.date_onsite
                and request.date_onsite_end < request.date_onsite
            ):
                raise ValidationError(
                    self.env._(
                        "%(number)s: the engineer cannot leave the site before arriving.",
                        number=request.name,
                    )
                )

    # ------------------------------------------------------------------
    # The days on site
    # ------------------------------------------------------------------
    def _onsite_period(self, now):
        """(first day, last day) of the stay on site in the calendar's zone,
        the last day being at most yesterday (today is not over); None
        without a stay."""
        self.ensure_one()
        if not self.date_onsite or self.state == "cancelled":
            return None
        zone = pytz.timezone(self.company_id._qms_calendar().tz or "UTC")

        def local_day(moment):
            return pytz.utc.localize(moment).astimezone(zone).date()

        end = min(self.date_onsite_end or self.date_resolved or now, now)
        last = min(local_day(end), local_day(now) - timedelta(days=1))
        first = local_day(self.date_onsite)
        return (first, last) if last >= first else None

    def _missing_work_days(self, now=None):
        """{request id: [working days of the stay without an on-site work
        record]}: one search of the work records for all of ``self``."""
        now = now or fields.Datetime.now()
        periods = {}
        for request in self:
            period = request._onsite_period(now) if request.id else None
            if period:
                periods[request.id] = period
        if not periods:
            return {}
        recorded = defaultdict(set)
        logs = (
            self.env["qms.service.work.log"]
            .sudo()
            .search_read(
                [("request_id", "in", list(periods)), ("is_onsite", "=", True)],
                ["request_id", "date"],
            )
        )
        for log in logs:
            recorded[log["request_id"][0]].add(log["date"])
        result = {}
        for request in self.filtered(lambda r: r.id in periods):
            first, last = periods[request.id]
            working = request._working_days(first, last)
            result[request.id] = sorted(working - recorded[request.id])
        return result

    def _working_days(self, first, last):
        """The local dates from ``first`` to ``last`` with working time on the
        company's calendar (weekends and public holidays out, make-up days in)."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        zone = pytz.timezone(calendar.tz or "UTC")

        def utc_midnight(day):
            local = zone.localize(datetime.combine(day, datetime.min.time()))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        intervals = calendar._qms_local_intervals(
            utc_midnight(first), utc_midnight(last + timedelta(days=1))
        )
        return {begin.date() for begin, _stop in intervals if first <= begin.date() <= last}

    # ------------------------------------------------------------------
    # The nightly check: a qms.deadline row, due at the end of each day
    # ------------------------------------------------------------------
    def _open_work_record_check(self, moment=None):
        """The engineer is on site: the day's work record is due by its end."""
        for request in self:
            start = moment or fields.Datetime.now()
            calendar = request.company_id._qms_calendar()
            request._qms_deadline_open(
                WORK_RECORD_KIND, start=start, due=calendar._qms_local_midnight(start, days=1)
            )

    def _qms_deadline_reached(self, deadlines, level):
        """The end of a day on site: a to-do for each day without a work
        record; the check moves to the next day while the stay goes on."""
        result = super()._qms_deadline_reached(deadlines, level)
        rows = deadlines.filtered(lambda d: d.kind_id.code == WORK_RECORD_KIND)
        if level != "owner" or not rows:
            return result
        now = fields.Datetime.now()
        requests = self.filtered(lambda r: r.id in set(rows.mapped("res_id")))
        missing = requests._missing_work_days(now=now)
        for request in requests:
            request._schedule_work_record_todos(missing.get(request.id, []))
        # the to-dos per day replace the row's own "Overdue" notice
        rows._close(done=now)
        still_onsite = requests.filtered(
            lambda r: (
                r.state in ONSITE_STATES
                and r.date_onsite
                and not (r.date_onsite_end and r.date_onsite_end <= now)
            )
        )
        still_onsite._open_work_record_check(moment=now)
        return result

    def _schedule_work_record_todos(self, days):
        """One to-do per day for the engineer; a day that has one keeps it."""
        self.ensure_one()
        activity_type = self.env.ref(WORK_RECORD_ACTIVITY)
        engineer = self.user_id or self._qms_deadline_owner(None)
        have = set(
            self.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            .mapped("date_deadline")
        )
        for day in days:
            if day in have:
                continue
            self.sudo().activity_schedule(
                WORK_RECORD_ACTIVITY,
                date_deadline=day,
                summary=self.env._("On-site work record of %(day)s", day=day),
                note=self.env._(
                    "You were on site for %(number)s on %(day)s: submit the visit report "
                    "(working paper) of that day so that its work record exists.",
                    number=self.name,
                    day=day,
                ),
                user_id=engineer.id or self.env.user.id,
            )

    def _work_days_recorded(self, days):
        """Work records now exist for ``days``: their to-dos are done."""
        activity_type = self.env.ref(WORK_RECORD_ACTIVITY)
        for request in self:
            todos = request.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type and a.date_deadline in days
            )
            if todos:
                todos.action_feedback(
                    feedback=self.env._("The work record was generated from a visit report.")
                )
