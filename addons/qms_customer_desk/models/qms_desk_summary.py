from datetime import date, datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

STATES = [("draft", "To do"), ("done", "Done")]


class QmsDeskSummary(models.Model):
    """The monthly summary of every problem customers reported (000 客服系统
    建立细则: 汇总客户所反馈的所有问题, 每月28日完成).

    One per company and month, planned by a cron on the first of the next
    month and due by the company's day of that month (28th by default)
    through the shared deadline engine. It reads the month's hotline calls
    and customer feedback (complaints, consultations, suggestions, praise)
    and prints as an XLSX workbook in the house style.
    """

    _name = "qms.desk.summary"
    _description = "Monthly Problem Summary"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.deadline.mixin", "qms.workflow.mixin"]
    _order = "date_month desc, id desc"
    _qms_workflow_fields = ("state", "date_done")

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_month = fields.Date("Month", required=True, help="The first day of the month summarised.")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, copy=False, tracking=True
    )
    date_done = fields.Datetime("Done on", readonly=True, copy=False)
    date_due = fields.Datetime("Due", compute="_compute_date_due")
    conclusions = fields.Html(help="Analysis of the month's problems and what the departments do.")
    call_count = fields.Integer("Calls", compute="_compute_counts")
    feedback_count = fields.Integer("Problems reported", compute="_compute_counts")
    complaint_count = fields.Integer("Complaints", compute="_compute_counts")
    consultation_count = fields.Integer("Consultations", compute="_compute_counts")
    suggestion_count = fields.Integer("Suggestions", compute="_compute_counts")

    _sql_constraints = [
        ("company_month_uniq", "unique(company_id, date_month)", "One summary per month."),
    ]

    @api.depends("date_month")
    def _compute_name(self):
        for summary in self:
            summary.name = summary.date_month.strftime("%Y-%m") if summary.date_month else ""

    @api.depends("qms_deadline_ids.due")
    def _compute_date_due(self):
        for summary in self:
            summary.date_due = summary.qms_deadline_ids[:1].due

    def _compute_counts(self):
        for summary in self:
            calls = summary._calls()
            feedback = summary._feedback()
            by_type = dict.fromkeys(("complaint", "consultation", "suggestion"), 0)
            for item in feedback:
                if item.feedback_type in by_type:
                    by_type[item.feedback_type] += 1
            summary.call_count = len(calls)
            summary.feedback_count = len(feedback)
            summary.complaint_count = by_type["complaint"]
            summary.consultation_count = by_type["consultation"]
            summary.suggestion_count = by_type["suggestion"]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_month"):
                vals["date_month"] = fields.Date.to_date(vals["date_month"]).replace(day=1)
        summaries = super().create(vals_list)
        for summary in summaries:
            due_month = summary.date_month + relativedelta(months=1)
            due = summary.company_id._qms_desk_day_deadline(
                due_month.year, due_month.month, summary.company_id.qms_desk_summary_day or 28
            )
            start = min(fields.Datetime.now(), due, summary._bounds()[1])
            summary._qms_deadline_open("summary", start=start, due=due)
        return summaries

    def write(self, vals):
        if "date_month" in vals:
            raise UserError(self.env._("Create the summary of another month instead."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_done(self):
        for summary in self:
            if summary.state != "draft":
                raise UserError(self.env._("%(month)s is already done.", month=summary.name))
            if not summary.conclusions or not summary.conclusions.striptags().strip():
                raise UserError(
                    self.env._(
                        "%(month)s: write the conclusions before closing the summary.",
                        month=summary.name,
                    )
                )
        now = fields.Datetime.now()
        self._qms_workflow_write({"state": "done", "date_done": now})
        self._qms_deadline_close("summary", done=now)
        return True

    def action_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_customer_desk.qms_desk_call_action"
        )
        action["domain"] = [("id", "in", self._calls().ids)]
        return action

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("qms_complaint.qms_complaint_action")
        action["domain"] = [("id", "in", self._feedback().ids)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _bounds(self):
        """(start, end) of the month on the company's calendar, naive UTC."""
        self.ensure_one()
        zone = pytz.timezone(self.company_id._qms_calendar().tz or "UTC")
        first = self.date_month
        after = first + relativedelta(months=1)

        def utc(day):
            local = zone.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(first), utc(after)

    def _calls(self):
        self.ensure_one()
        start, end = self._bounds()
        return self.env["qms.desk.call"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_call", ">=", start),
                ("date_call", "<", end),
            ],
            order="date_call",
        )

    def _feedback(self):
        """Every problem reported in the month, however it came in."""
        self.ensure_one()
        start, end = self._bounds()
        return self.env["qms.complaint"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("feedback_type", "!=", "internal"),
                ("date_received", ">=", start),
                ("date_received", "<", end),
            ],
            order="date_received",
        )

    @api.model
    def _cron_plan_last_month(self, today=None):
        """On each month: last month's summary for every company."""
        today = today or fields.Date.context_today(self)
        month = date(today.year, today.month, 1) - relativedelta(months=1)
        existing = self.search([("date_month", "=", month)]).company_id
        companies = self.env["res.company"].search([("id", "not in", existing.ids)])
        return self.create(
            [
                {"company_id": c.id, "date_month": month, "user_id": c.qms_desk_user_id.id}
                for c in companies
            ]
        )

    def _qms_deadline_owner(self, kind):
        self.ensure_one()
        return self.user_id or self.company_id.qms_escalation_user_id
