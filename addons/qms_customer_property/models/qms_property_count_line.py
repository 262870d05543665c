import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsPropertyCountLine(models.Model):
    """A line of a count that the customer disputes: our book quantity, as the
    count's snapshot holds it, against the customer's, and how the difference
    was resolved. The lines the customer confirms need no record of their own:
    the count's book says what they were."""

    _name = "qms.property.count.line"
    _inherit = ["qms.portal.fields.mixin", "qms.workflow.mixin"]
    _description = "Customer Property Count Difference"
    _order = "count_id, sequence, id"
    _qms_portal_fields = (
        "count_id",
        "company_id",
        "commercial_partner_id",
        "sequence",
        "product_id",
        "lot_id",
        "uom_id",
        "qty_book",
        "qty_customer",
        "customer_remark",
    )
    # what the customer answered about a line of the book: only the answer makes it
    _qms_workflow_fields = (
        "count_id",
        "sequence",
        "product_id",
        "location_id",
        "lot_id",
        "qty_book",
        "qty_customer",
        "customer_remark",
    )

    count_id = fields.Many2one(
        "qms.property.count", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="count_id.company_id")
    commercial_partner_id = fields.Many2one(related="count_id.commercial_partner_id")
    sequence = fields.Integer("Line", readonly=True, help="The line's number on the count.")
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
    customer_remark = fields.Char("Customer's remark", readonly=True)
    resolution = fields.Text(groups="qms_base.group_qms_user")

    @api.depends("qty_book", "qty_customer")
    def _compute_qty_difference(self):
        for line in self:
            line.qty_difference = line.qty_customer - line.qty_book

    @api.model
    def _customer_quantity(self, qty, product):
        """The customer's quantity of ``product``, refused unless a number ≥ 0."""
        try:
            qty = float(qty)
        except (TypeError, ValueError):
            qty = math.nan
        if not math.isfinite(qty):
            raise ValidationError(
                self.env._(
                    "Give your quantity of %(product)s as a number.",
                    product=product.display_name,
                )
            )
        if qty < 0:
            raise ValidationError(self.env._("Quantities cannot be negative."))
        return qty
