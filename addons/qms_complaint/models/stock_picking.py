from odoo import models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        """A whole batch returned on a complaint is received once QA confirmed it."""
        complaints = (
            self.env["qms.complaint"]
            .sudo()
            .search([("return_picking_id", "in", self.ids), ("return_whole_batch", "=", True)])
        )
        blocked = complaints.filtered(lambda c: c._return_blocking_reception())
        if blocked:
            raise UserError(
                self.env._(
                    "QA confirms the returned batch of %(complaints)s before the warehouse "
                    "receives it.",
                    complaints=", ".join(blocked.mapped("name")),
                )
            )
        return super().button_validate()
