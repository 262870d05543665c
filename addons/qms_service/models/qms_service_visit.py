from datetime import datetime, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_service_request_result import VISIT_RESULTS


class QmsServiceVisit(models.Model):
    """A visit report / working paper (工作底稿处理过程) of a request.

    002 POIS: work records are never typed by hand afterwards: submitting the
    report generates them, one per working day on site (现场服务工作记录表,
    004 4.1.4), and records its result on the request."""

    _name = "qms.service.visit"
    _description = "Service Visit Report"
    _inherit = ["mail.thread", "qms.workflow.mixin"]
    _order = "date_start desc, id desc"
    _qms_workflow_fields = ("state",)

    request_id = fields.Many2one(
        "qms.service.request",
        string="Service request",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="request_id.commercial_partner_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Engineer",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date_start = fields.Datetime("From", required=True, default=fields.Datetime.now)
    date_end = fields.Datetime("To", required=True, default=fields.Datetime.now)
    is_onsite = fields.Boolean("On site", default=True)
    description = fields.Html("Work done", required=True)
    result = fields.Selection(
        VISIT_RESULTS, required=True, default="ongoing", string="Result of the visit"
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Working papers")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Submitted")],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
    )
    work_log_ids = fields.One2many("qms.service.work.log", "visit_id", string="Work records")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for visit in self:
            if visit.date_end < visit.date_start:
                raise ValidationError(self.env._("A visit cannot end before it starts."))

    def write(self, vals):
        if self.filtered(lambda v: v.state == "done") and set(vals) - {
            "message_main_attachment_id"
        }:
            raise UserError(
                self.env._("A submitted visit report is the record: it is no longer changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(visit.state == "done" for visit in self):
            raise UserError(self.env._("A submitted visit report is never deleted."))

    def action_submit(self):
        """The report is the record: it generates the work records and gives
        its result to the request."""
        for visit in self:
            if visit.state != "draft":
                raise UserError(self.env._("This visit report is submitted already."))
            request = visit.request_id
            request._qms_ensure_state("accepted", "in_progress", "follow_up")
            visit._qms_workflow_write({"state": "done"})
            logs = visit._generate_work_logs()
            if visit.is_onsite and not request.date_onsite:
                request._qms_workflow_write({"date_onsite": visit.date_start})
                request._qms_deadline_close("onsite", done=visit.date_start)
                # 现场服务工作记录表: from now on each day on site has its record
                request._open_work_record_check(moment=visit.date_start)
            request._work_days_recorded(set(logs.filtered("is_onsite").mapped("date")))
            if request.state == "accepted":
                request.action_start()
            if visit.result != "ongoing":
                request._record_result(visit.result, moment=visit.date_end)
        return True

    def _generate_work_logs(self):
        """One work record per working day on site (each day of the visit
        when remote); hours are the time spent within that day."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        zone = pytz.timezone(calendar.tz or "UTC")
        local_start = pytz.utc.localize(self.date_start).astimezone(zone)
        local_end = pytz.utc.localize(self.date_end).astimezone(zone)
        vals_list = []
        day = local_start.date()
        while day <= local_end.date():
            begin = zone.localize(datetime.combine(day, datetime.min.time()))
            end = begin + timedelta(days=1)
            begin_utc = begin.astimezone(pytz.utc).replace(tzinfo=None)
            end_utc = end.astimezone(pytz.utc).replace(tzinfo=None)
            working_day = bool(calendar._qms_local_intervals(begin_utc, end_utc))
            if working_day or not self.is_onsite or day == local_start.date():
                spent = min(self.date_end, end_utc) - max(self.date_start, begin_utc)
                vals_list.append(
                    {
                        "visit_id": self.id,
                        "request_id": self.request_id.id,
                        "user_id": self.user_id.id,
                        "date": day,
                        "hours": round(spent.total_seconds() / 3600, 2),
                        "is_onsite": self.is_onsite,
                        "description": self.description,
                    }
                )
            day += timedelta(days=1)
        return self.env["qms.service.work.log"]._generate(vals_list)
