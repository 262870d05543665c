from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsHsfReport(models.Model):
    """An environmental / HSF test report (环保测试信息清单, 004 5.3.1 e):
    the twelve fields of the list, reminders before it expires, and the basis
    for accepting later deliveries of the material from the supplier."""

    _name = "qms.hsf.report"
    _description = "HSF Test Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.deadline.mixin", "qms.workflow.mixin"]
    # written by the reminders only (_qms_workflow_write)
    _qms_workflow_fields = ("date_reminded",)
    _order = "date_expiry, id"
    _rec_name = "report_number"

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Supplier", required=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    product_id = fields.Many2one("product.product", string="Material", required=True, index=True)
    material_code = fields.Char(
        "Material number", compute="_compute_material_code", store=True, readonly=False
    )
    date_test = fields.Date("Test date", required=True, tracking=True)
    laboratory = fields.Char(required=True)
    report_number = fields.Char("Report number", required=True, tracking=True)
    validity_months = fields.Integer(
        "Validity period (months)",
        default=lambda self: self.env.company.qms_sample_hsf_validity_months,
    )
    date_expiry = fields.Date(
        "Valid until", compute="_compute_date_expiry", store=True, readonly=False, tracking=True
    )
    test_items = fields.Text("Test items", help="E.g. RoHS 10 substances, REACH SVHC, halogens.")
    result = fields.Selection([("pass", "Pass"), ("fail", "Fail")], required=True, default="pass")
    result_detail = fields.Text("Valid test results")
    date_next_request = fields.Date(
        "Request a new report on",
        compute="_compute_date_next_request",
        store=True,
        readonly=False,
    )
    is_chemical = fields.Boolean("Chemical product")
    msds_file = fields.Binary("MSDS", attachment=True)
    msds_filename = fields.Char("MSDS file name")
    report_file = fields.Binary("Report", attachment=True)
    report_filename = fields.Char("Report file name")
    user_id = fields.Many2one(
        "res.users",
        string="QA responsible",
        default=lambda self: self.env.user if not self.env.user.share else False,
        domain=[("share", "=", False)],
    )
    date_reminded = fields.Datetime("Supplier asked for a new report on", readonly=True, copy=False)
    is_valid = fields.Boolean("Valid", compute="_compute_is_valid", search="_search_is_valid")

    _sql_constraints = [
        (
            "report_uniq",
            "unique(company_id, partner_id, report_number)",
            "A supplier's report number is registered once.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("product_id")
    def _compute_material_code(self):
        for report in self:
            report.material_code = report.product_id.default_code or report.material_code

    @api.depends("date_test", "validity_months")
    def _compute_date_expiry(self):
        for report in self:
            if report.date_test and report.validity_months:
                report.date_expiry = report.date_test + relativedelta(months=report.validity_months)
            elif not report.date_expiry:
                report.date_expiry = False

    @api.depends("date_expiry", "company_id")
    def _compute_date_next_request(self):
        for report in self:
            days = report.company_id.qms_sample_hsf_request_days
            report.date_next_request = (
                report.date_expiry - timedelta(days=days) if report.date_expiry else False
            )

    @api.depends("date_expiry", "result")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for report in self:
            report.is_valid = (
                report.result == "pass" and bool(report.date_expiry) and report.date_expiry >= today
            )

    def _search_is_valid(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on valid reports."))
        valid = [("result", "=", "pass"), ("date_expiry", ">=", fields.Date.context_today(self))]
        return valid if (operator == "=") == bool(value) else ["!", "&", *valid]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_test", "date_expiry", "validity_months")
    def _check_dates(self):
        for report in self:
            if report.validity_months < 0:
                raise ValidationError(self.env._("A validity period cannot be negative."))
            if not report.date_expiry:
                raise ValidationError(
                    self.env._("Give the report a validity period or an expiry date.")
                )
            if report.date_expiry < report.date_test:
                raise ValidationError(
                    self.env._(
                        "Report %(number)s expires (%(expiry)s) before its test date (%(test)s).",
                        number=report.report_number,
                        expiry=report.date_expiry,
                        test=report.date_test,
                    )
                )
            if report.date_test > fields.Date.context_today(report):
                raise ValidationError(
                    self.env._(
                        "Report %(number)s: the test date cannot be in the future.",
                        number=report.report_number,
                    )
                )

    @api.constrains("is_chemical", "msds_file")
    def _check_msds(self):
        for report in self:
            if report.is_chemical and not report.msds_file:
                raise ValidationError(
                    self.env._(
                        "Report %(number)s is for a chemical: attach its MSDS.",
                        number=report.report_number,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports._plan_expiry()
        return reports

    def write(self, vals):
        result = super().write(vals)
        if {"date_test", "validity_months", "date_expiry", "active"} & set(vals):
            self._qms_deadline_cancel("expiry")
            self._plan_expiry()
        return result

    def _plan_expiry(self):
        """The expiry deadline: reminders before it (the supplier is asked once per
        reminder), the QA responsible alerted when it passes."""
        now = fields.Datetime.now()
        for report in self.filtered(lambda r: r.active and r.date_expiry):
            due = report._end_of_day(report.date_expiry)
            if due > now:
                report._qms_deadline_open("expiry", start=now, due=due)

    def _end_of_day(self, day):
        calendar = self.company_id._qms_calendar()
        zone = pytz.timezone(calendar.tz or "UTC")
        local = zone.localize(datetime.combine(day, time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _qms_deadline_owner(self, kind):
        self.ensure_one()
        return self.user_id or self.company_id.qms_escalation_user_id

    def _qms_deadline_remind(self, deadlines):
        """Each reminder asks the supplier for a new report (once: the deadline
        engine acts on each reminder time once) and reminds QA."""
        template = self.env.ref("qms_sample.mail_template_hsf_expiry", raise_if_not_found=False)
        for report in self:
            if template:
                report.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
            report.sudo()._qms_workflow_write({"date_reminded": fields.Datetime.now()})
        deadlines._remind_owners()

    @api.model
    def _valid_for(self, supplier, products, company):
        """{product id: valid report} of ``supplier`` for ``products``."""
        reports = self.search(
            [
                ("commercial_partner_id", "=", supplier.commercial_partner_id.id),
                ("product_id", "in", products.ids),
                ("company_id", "=", company.id),
                ("is_valid", "=", True),
            ]
        )
        return {report.product_id.id: report for report in reports}
