from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _qms_property_customer_moves(self):
        """Components of customer material for a flow record's manufacturing order."""
        return self.filtered(
            lambda m: (
                m.raw_material_production_id.qms_property_flow_id
                and m.product_id == m.raw_material_production_id.qms_property_flow_id.product_id
            )
        )

    def _action_assign(self, force_qty=False):
        """Customer material of a flow record's order is reserved from that
        customer's own quants only (OCA stock_owner_restriction's
        ``force_restricted_owner_id``); every other move keeps its operation
        type's rule (our own stock only)."""
        customer_moves = self._qms_property_customer_moves()
        result = super(StockMove, self - customer_moves)._action_assign(force_qty=force_qty)
        by_customer = customer_moves.grouped(
            lambda m: m.raw_material_production_id.qms_property_flow_id.commercial_partner_id
        )
        for customer, moves in by_customer.items():
            super(StockMove, moves.with_context(force_restricted_owner_id=customer))._action_assign(
                force_qty=force_qty
            )
        return result

    def _get_moves_to_assign_with_standard_behavior(self):
        """Customer moves are reserved under the owner put in the context above."""
        moves = super()._get_moves_to_assign_with_standard_behavior()
        if self.env.context.get("force_restricted_owner_id"):
            moves |= self._qms_property_customer_moves()
        return moves
