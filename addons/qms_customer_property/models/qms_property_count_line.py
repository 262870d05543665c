from odoo import api, fields, models
from odoo.exceptions import ValidationError

LINE_STATES = [("pending", "To confirm"), ("confirmed", "Confirmed"), ("disputed", "Disputed")]


class QmsPropertyCountLine(models.Model):
    """One product (lot, location) of a count: our book quantity from the
    quants, the customer's answer."""

    _name = "qms.property.count.line"
    _inherit = ["qms.portal.fields.mixin"]
    _description = "Customer Property Count Line"
    _order = "count_id, id"
    _qms_portal_fields = (
        "count_id",
        "company_id",
        "commercial_partner_id",
        "product_id",
        "lot_id",
        "uom_id",
        "qty_book",
        "qty_customer",
        "customer_remark",
        "state",
    )

    count_id = fields.Many2one("qms.property.count", required=True, ondelete="cascade", index=True)
    # not stored: a count's lines are written by the hundred thousand (one INSERT),
    # every stored many2one is a foreign-key check per line
    company_id = fields.Many2one(related="count_id.company_id")
    commercial_partner_id = fields.Many2one(related="count_id.commercial_partner_id")
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    location_id = fields.Many2one("stock.location", readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial", readonly=True)
    qty_book = fields.Float("Our count", digits="Product Unit of Measure", readonly=True)
    qty_customer = fields.Float(
        "Customer's quantity", digits="Product Unit of Measure", readonly=True
    )
    qty_difference = fields.Float(
        "Difference",
        digits="Product Unit of Measure",
        compute="_compute_qty_difference",
        store=True,
    )
    state = fields.Selection(LINE_STATES, default="pending", required=True, readonly=True)
    customer_remark = fields.Char("Customer's remark", readonly=True)
    resolution = fields.Text(groups="qms_base.group_qms_user")

    @api.depends("qty_book", "qty_customer", "state")
    def _compute_qty_difference(self):
        for line in self:
            line.qty_difference = (
                line.qty_customer - line.qty_book if line.state == "disputed" else 0.0
            )

    def _set_answer(self, state, qty=None, remark=None):
        for line in self:
            if state == "disputed":
                try:
                    qty = float(qty)
                except (TypeError, ValueError):
                    raise ValidationError(
                        self.env._(
                            "Give your quantity of %(product)s as a number.",
                            product=line.product_id.display_name,
                        )
                    ) from None
                if qty < 0:
                    raise ValidationError(self.env._("Quantities cannot be negative."))
            line.write(
                {
                    "state": state,
                    "qty_customer": line.qty_book if state == "confirmed" else qty,
                    "customer_remark": (remark or "").strip()[:500] or False,
                }
            )
