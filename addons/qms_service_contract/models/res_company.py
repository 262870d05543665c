from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_service_free_months = fields.Integer(
        "Free maintenance period (months)",
        default=12,
        help="002 一: the free maintenance period a new contract starts with at acceptance.",
    )
    qms_service_paperwork_penalty = fields.Monetary(
        "Penalty for a contract not back in time",
        currency_field="currency_id",
        default=100.0,
        help="002 二.3: charged to the salesperson when the stamped contract is not back "
        "within the month.",
    )
    qms_service_cadence_first_months = fields.Integer(
        "Weekly contact during (months)",
        default=1,
        help="003 4.3.2 a): the first months after installation.",
    )
    qms_service_cadence_first_days = fields.Integer(
        "Contact every (days) at first", default=7, help="003 4.3.2 a): at least weekly."
    )
    qms_service_cadence_warranty_months = fields.Integer(
        "Contact every (months) during the warranty",
        default=1,
        help="003 4.3.2 b): at least monthly.",
    )
    qms_service_cadence_after_months = fields.Integer(
        "Contact every (months) after the warranty",
        default=3,
        help="003 4.3.2 c): at least every three months.",
    )
    qms_service_draw_size = fields.Integer(
        "Customers drawn per engineer and quarter", default=5, help="002 六."
    )
    qms_service_renewal_months = fields.Integer(
        "Renewal period (months)",
        default=12,
        help="The paid maintenance period a confirmed renewal order adds.",
    )
    qms_service_draw_target = fields.Integer(
        "Draws per customer and year (target)", default=2, help="002 六: a target, not a cap."
    )

    @api.constrains(
        "qms_service_free_months",
        "qms_service_paperwork_penalty",
        "qms_service_cadence_first_months",
        "qms_service_cadence_first_days",
        "qms_service_cadence_warranty_months",
        "qms_service_cadence_after_months",
        "qms_service_draw_size",
        "qms_service_draw_target",
        "qms_service_renewal_months",
    )
    def _check_qms_service_numbers(self):
        for company in self:
            positive = (
                company.qms_service_cadence_first_days,
                company.qms_service_cadence_warranty_months,
                company.qms_service_cadence_after_months,
                company.qms_service_draw_size,
                company.qms_service_draw_target,
                company.qms_service_renewal_months,
            )
            not_negative = (
                company.qms_service_free_months,
                company.qms_service_cadence_first_months,
                company.qms_service_paperwork_penalty,
            )
            if min(positive) <= 0 or min(not_negative) < 0:
                raise ValidationError(
                    self.env._("Service contract settings: intervals and counts must be positive.")
                )
