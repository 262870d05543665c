from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsServiceContractLine(models.Model):
    """A product or piece of equipment the contract covers, with its serial number."""

    _name = "qms.service.contract.line"
    _description = "Covered Product"
    _inherit = ["qms.portal.fields.mixin", "qms.service.contract.coverage.mixin"]
    _qms_portal_fields = ("contract_id", "company_id", "sequence", "product_id", "lot_id", "name")
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one(
        "qms.service.contract", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", required=True, index=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial number",
        index=True,
        domain="[('product_id', '=', product_id)]",
        help="Empty: every unit of the product the customer has is covered.",
    )
    name = fields.Char("Equipment", help="Where it is installed, what it is called on site.")

    _sql_constraints = [
        (
            "lot_uniq",
            "unique(contract_id, product_id, lot_id)",
            "A product and serial number is listed once per contract.",
        ),
    ]

    @api.constrains("lot_id", "product_id")
    def _check_lot(self):
        for line in self:
            if line.lot_id and line.lot_id.product_id != line.product_id:
                raise ValidationError(
                    self.env._(
                        "Serial number %(lot)s belongs to %(lot_product)s, not to %(product)s.",
                        lot=line.lot_id.name,
                        lot_product=line.lot_id.product_id.display_name,
                        product=line.product_id.display_name,
                    )
                )
