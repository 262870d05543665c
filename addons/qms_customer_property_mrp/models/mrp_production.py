from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MrpProduction(models.Model):
    """A manufacturing order made with customer material: its components of that
    material are the customer's own quants (reserved by owner, consumed with it)."""

    _inherit = "mrp.production"

    qms_property_flow_id = fields.Many2one(
        "qms.property.flow",
        string="Customer material flow record",
        index="btree_not_null",
        copy=False,
        domain="[('state', '=', 'open')]",
    )

    @api.constrains("qms_property_flow_id", "state")
    def _check_qms_property_flow(self):
        for production in self.filtered("qms_property_flow_id"):
            if production.qms_property_flow_id.state != "open" and production.state not in (
                "done",
                "cancel",
            ):
                raise ValidationError(
                    self.env._(
                        "%(flow)s is closed: reopen it before manufacturing with its material.",
                        flow=production.qms_property_flow_id.name,
                    )
                )

    def _qms_property_customer_moves(self):
        """Component moves of the flow record's material."""
        return self.move_raw_ids.filtered(
            lambda m: (
                m.raw_material_production_id.qms_property_flow_id
                and m.product_id == m.raw_material_production_id.qms_property_flow_id.product_id
            )
        )

    def _qms_property_restrict_owner(self):
        for production in self.filtered("qms_property_flow_id"):
            customer = production.qms_property_flow_id.commercial_partner_id
            moves = production.move_raw_ids._qms_property_customer_moves().filtered(
                lambda m, c=customer: (
                    m.state not in ("done", "cancel") and m.restrict_partner_id != c
                )
            )
            moves.write({"restrict_partner_id": customer.id})

    def action_confirm(self):
        self._qms_property_restrict_owner()
        return super().action_confirm()

    def write(self, vals):
        result = super().write(vals)
        if "qms_property_flow_id" in vals or "move_raw_ids" in vals:
            self._qms_property_restrict_owner()
        return result
