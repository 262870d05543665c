from odoo import fields, models


class SaleOrder(models.Model):
    """A renewal quotation of a service contract: confirmed, the contract gets
    its next paid maintenance period."""

    _inherit = "sale.order"

    qms_renewal_contract_id = fields.Many2one(
        "qms.service.contract",
        string="Renewal of service contract",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="qms_base.group_qms_user",
    )

    def action_confirm(self):
        result = super().action_confirm()
        for order in self.sudo().filtered("qms_renewal_contract_id"):
            order.qms_renewal_contract_id._renewal_confirmed(order)
        return result
