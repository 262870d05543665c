from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_complaint_repeat_count = fields.Integer(
        "Complaints from one customer that make it severe", default=3
    )
    qms_complaint_repeat_days = fields.Integer(
        "Rolling window (days)",
        default=90,
        help="The procedure (004 4.7.3.2) names no period for “the same customer complaining "
        "3 times or more”: the complaints counted are those received within this many calendar "
        "days. 90 days is our default, not the procedure's.",
    )
    qms_complaint_multi_customer_count = fields.Integer(
        "Customers with the same defect that make it severe", default=2
    )
    qms_complaint_severe_user_id = fields.Many2one(
        "res.users", string="Severe complaints go to", help="Sales head or general manager."
    )
    qms_complaint_oqc_user_id = fields.Many2one(
        "res.users", string="OQC (finished stock)", help="Informed to isolate and count stock."
    )
    qms_complaint_process_qa_user_id = fields.Many2one(
        "res.users", string="Process QA (WIP)", help="Informed to isolate and count the WIP."
    )
    qms_complaint_gm_user_id = fields.Many2one(
        "res.users",
        string="Approves corrective actions",
        help="The general manager (003 5.4.7): approves the corrective actions of a complaint.",
    )
    qms_complaint_supervisor_id = fields.Many2one(
        "res.users",
        string="Quality supervisor",
        help="Approves the minutes of complaint review meetings (000 5.8.6).",
    )
    qms_quarantine_location_id = fields.Many2one(
        "stock.location",
        string="Quarantine location",
        domain="[('usage', '=', 'internal'), ('company_id', 'in', [id, False])]",
    )

    @api.constrains(
        "qms_complaint_repeat_count",
        "qms_complaint_repeat_days",
        "qms_complaint_multi_customer_count",
        "qms_complaint_severe_user_id",
    )
    def _check_qms_complaint_settings(self):
        for company in self:
            for name in (
                "qms_complaint_repeat_count",
                "qms_complaint_repeat_days",
                "qms_complaint_multi_customer_count",
            ):
                if not 1 <= company[name] <= 3650:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s must be between 1 and 3650, not %(value)s.",
                            setting=self._fields[name]._description_string(self.env),
                            value=company[name],
                        )
                    )
            if company.qms_complaint_severe_user_id.share:
                raise ValidationError(
                    self.env._("Severe complaints go to an internal user, not a portal user.")
                )

    def _qms_quarantine_location(self):
        """The company's quarantine location, created on first use."""
        self.ensure_one()
        if not self.qms_quarantine_location_id:
            warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
            self.sudo().qms_quarantine_location_id = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Quarantine"),
                        "usage": "internal",
                        "location_id": warehouse.view_location_id.id,
                        "company_id": self.id,
                    }
                )
            )
        return self.qms_quarantine_location_id
