from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsServiceContractPeriod(models.Model):
    """A paid maintenance period of a contract (after the free one)."""

    _name = "qms.service.contract.period"
    _description = "Paid Maintenance Period"
    _inherit = ["qms.portal.fields.mixin", "qms.service.contract.coverage.mixin"]
    _qms_portal_fields = ("contract_id", "company_id", "date_start", "date_end")
    _order = "contract_id, date_start, id"

    contract_id = fields.Many2one(
        "qms.service.contract", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    date_start = fields.Date("From", required=True)
    date_end = fields.Date("Until", required=True)
    amount = fields.Monetary("Fee", currency_field="currency_id")
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale order",
        help="The order of this maintenance period (renewal).",
    )
    note = fields.Char()

    @api.constrains("date_start", "date_end", "amount")
    def _check_dates(self):
        for period in self:
            if period.date_end < period.date_start:
                raise ValidationError(
                    self.env._(
                        "A maintenance period cannot end (%(end)s) before it starts (%(start)s).",
                        end=period.date_end,
                        start=period.date_start,
                    )
                )
            if period.amount < 0:
                raise ValidationError(self.env._("A maintenance fee cannot be negative."))
            others = period.contract_id.period_ids - period
            if any(
                other.date_start <= period.date_end and period.date_start <= other.date_end
                for other in others
            ):
                raise ValidationError(
                    self.env._(
                        "%(contract)s: maintenance periods cannot overlap.",
                        contract=period.contract_id.display_name,
                    )
                )
