from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsPropertySupply(models.Model):
    """A contract term of a sale order: goods the customer supplies for it
    (004 5.1: name, quantity, delivery date)."""

    _name = "qms.property.supply"
    _description = "Customer-supplied Goods (contract term)"
    _order = "sale_order_id, date_delivery, id"

    sale_order_id = fields.Many2one("sale.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="sale_order_id.company_id", store=True)
    kind_id = fields.Many2one("qms.property.kind")
    name = fields.Char("Goods", required=True)
    product_id = fields.Many2one("product.product")
    specification = fields.Char()
    quantity = fields.Float(digits="Product Unit of Measure", required=True)
    uom_id = fields.Many2one("uom.uom", string="Unit")
    date_delivery = fields.Date("Delivery date", required=True)

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._("The quantity the customer supplies must be positive.")
                )

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.name or self.product_id.display_name
            self.uom_id = self.product_id.uom_id
