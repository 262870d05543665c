from datetime import timedelta

from odoo import fields, models


class QmsComplaint(models.Model):
    """Severity (004 4.7.3.2): a return, repeated complaints of one customer or
    the same defect from several customers make a complaint severe."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    severity = fields.Selection(
        [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")],
        default="major",
        required=True,
        tracking=True,
    )
    is_severe = fields.Boolean("Severe", readonly=True, tracking=True)
    severe_reason = fields.Text("Why severe", readonly=True)

    def write(self, vals):
        result = super().write(vals)
        if "return_requested" in vals:
            self.filtered(lambda c: c.feedback_type == "complaint")._check_severity()
        return result

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_severity(self):
        for complaint in self:
            reasons = complaint._severity_reasons()
            if reasons and not complaint.is_severe:
                complaint._qms_workflow_write(
                    {"is_severe": True, "severe_reason": "\n".join(reasons)}
                )
                complaint._escalate_severe()
            elif reasons and "\n".join(reasons) != complaint.severe_reason:
                complaint._qms_workflow_write({"severe_reason": "\n".join(reasons)})

    def _severity_reasons(self):
        self.ensure_one()
        company = self.company_id
        reasons = []
        if self.return_requested:
            reasons.append(self.env._("The customer asks for a return or an exchange."))
        since = self.date_received - timedelta(days=company.qms_complaint_repeat_days)
        same_customer = self.search_count(
            [
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("feedback_type", "=", "complaint"),
                ("date_received", ">", since),
                ("date_received", "<=", self.date_received),
                ("company_id", "=", company.id),
            ]
        )
        if same_customer >= company.qms_complaint_repeat_count:
            reasons.append(
                self.env._(
                    "%(count)s complaints from this customer in %(days)s days.",
                    count=same_customer,
                    days=company.qms_complaint_repeat_days,
                )
            )
        if self.product_id:
            domain = [
                ("product_id", "=", self.product_id.id),
                ("feedback_type", "=", "complaint"),
                ("date_received", ">", since),
                ("date_received", "<=", self.date_received),
                ("company_id", "=", company.id),
            ]
            if self.defect_id:
                domain.append(("defect_id", "=", self.defect_id.id))
            customers = self.search(domain).commercial_partner_id
            if len(customers) >= company.qms_complaint_multi_customer_count:
                reasons.append(
                    self.env._(
                        "The same product defect comes from %(count)s customers.",
                        count=len(customers),
                    )
                )
        return reasons

    def _escalate_severe(self):
        self.ensure_one()
        manager = self.company_id.qms_complaint_severe_user_id
        body = self.env._("Severe complaint: %(reasons)s", reasons=self.severe_reason)
        if manager:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=self.env._("Severe complaint %(number)s", number=self.name),
                note=body,
            )
        self.message_post(
            body=body, subtype_xmlid="mail.mt_note", author_id=self._system_author().id
        )
