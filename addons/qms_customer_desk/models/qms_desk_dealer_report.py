from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError

STATES = [("expected", "Expected"), ("received", "Received")]


class QmsDeskDealerReport(models.Model):
    """A store's or dealer's monthly customer data (000 客户资料收集: 店长、店员
    收集客户资料, 每月25日回传给工厂客服).

    One per dealer and month, planned on the first of the month by a cron;
    due by the company's day (25th by default) through the shared deadline
    engine (kind “Dealer customer data”: its escalation numbers).
    """

    _name = "qms.desk.dealer.report"
    _description = "Dealer Customer Data"
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.workflow.mixin",
    ]
    # A month's report is the dealer's it was opened for (no state may change it).
    _qms_frozen_fields = {"dealer_id": ()}
    _order = "date_month desc, dealer_id"
    _qms_workflow_fields = ("state", "date_received")

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    dealer_id = fields.Many2one(
        "res.partner",
        string="Store / dealer",
        required=True,
        index=True,
        domain=[("qms_desk_is_dealer", "=", True)],
    )
    date_month = fields.Date("Month", required=True, help="The first day of the month.")
    user_id = fields.Many2one(
        "res.users",
        string="Customer service",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        STATES, required=True, default="expected", readonly=True, copy=False, tracking=True
    )
    date_received = fields.Datetime("Received on", readonly=True, copy=False)
    date_due = fields.Datetime("Due", compute="_compute_date_due")
    customer_ids = fields.One2many(
        "qms.desk.customer",
        "dealer_report_id",
        string="Customers sent",
        groups="qms_customer_desk.group_qms_desk_confidential",
    )
    customer_count = fields.Integer("Customers", compute="_compute_customer_count")
    note = fields.Text()

    _sql_constraints = [
        (
            "dealer_month_uniq",
            "unique(company_id, dealer_id, date_month)",
            "A dealer sends its customer data once a month.",
        ),
    ]

    @api.depends("dealer_id", "date_month")
    def _compute_name(self):
        for report in self:
            month = report.date_month.strftime("%Y-%m") if report.date_month else ""
            report.name = f"{report.dealer_id.display_name or ''} {month}".strip()

    @api.depends("qms_deadline_ids.due")
    def _compute_date_due(self):
        for report in self:
            report.date_due = report.qms_deadline_ids[:1].due

    def _compute_customer_count(self):
        groups = (
            self.env["qms.desk.customer"]
            .sudo()
            ._read_group([("dealer_report_id", "in", self.ids)], ["dealer_report_id"], ["__count"])
        )
        counts = {report.id: count for report, count in groups}
        for report in self:
            report.customer_count = counts.get(report.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "expected") != "expected":
                raise UserError(self.env._("Dealer data are marked received through the button."))
            if vals.get("date_month"):
                vals["date_month"] = fields.Date.to_date(vals["date_month"]).replace(day=1)
        reports = super().create(vals_list)
        for report in reports:
            month = report.date_month
            start = min(fields.Datetime.now(), fields.Datetime.to_datetime(month))
            due = report.company_id._qms_desk_day_deadline(
                month.year, month.month, report.company_id.qms_desk_dealer_day or 25
            )
            report._qms_deadline_open("dealer_data", start=min(start, due), due=due)
        return reports

    def write(self, vals):
        if "date_month" in vals:
            raise UserError(self.env._("Plan another month instead of moving this one."))
        return super().write(vals)

    def action_receive(self):
        for report in self:
            if report.state != "expected":
                raise UserError(self.env._("%(report)s was already received.", report=report.name))
        now = fields.Datetime.now()
        self._qms_workflow_write({"state": "received", "date_received": now})
        self._qms_deadline_close("dealer_data", done=now)
        return True

    @api.model
    def _cron_plan_month(self, today=None):
        """On each month: one expected report per active dealer and company."""
        today = today or fields.Date.context_today(self)
        month = date(today.year, today.month, 1)
        dealers = self.env["res.partner"].search([("qms_desk_is_dealer", "=", True)])
        existing = {
            (r.company_id.id, r.dealer_id.id) for r in self.search([("date_month", "=", month)])
        }
        vals_list = []
        for dealer in dealers:
            # a dealer shared by all companies reports to the scheduler's company
            company = dealer.company_id or self.env.company
            if (company.id, dealer.id) not in existing:
                vals_list.append(
                    {
                        "company_id": company.id,
                        "dealer_id": dealer.id,
                        "date_month": month,
                        "user_id": company.qms_desk_user_id.id,
                    }
                )
        return self.create(vals_list)

    def _qms_deadline_owner(self, kind):
        self.ensure_one()
        return self.user_id or self.company_id.qms_escalation_user_id
