from odoo import models

from .sale_order_change import LINE_CHANGE_FIELDS


class SaleOrderLine(models.Model):
    """Quantity, product, description or price changed on a confirmed order: a change notice."""

    _inherit = "sale.order.line"

    def write(self, vals):
        watched = [name for name in LINE_CHANGE_FIELDS if name in vals]
        orders = self.order_id
        before = orders._qms_snapshot(watched, records=self) if watched else {}
        result = super().write(vals)
        if before:
            orders._qms_notice_changes(before, LINE_CHANGE_FIELDS)
        return result
