from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_complaint_repeat_count = fields.Integer(
        "Complaints from one customer that make it severe", default=3
    )
    qms_complaint_repeat_days = fields.Integer("Rolling window (days)", default=90)
    qms_complaint_multi_customer_count = fields.Integer(
        "Customers with the same defect that make it severe", default=2
    )
    qms_complaint_severe_user_id = fields.Many2one(
        "res.users", string="Severe complaints go to", help="Sales head or general manager."
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
