from odoo import api, fields, models
from odoo.exceptions import ValidationError


class StockScrap(models.Model):
    """A scrap form of customer material keeps its owner and counts in one unit
    of measure, the product's (022 6.9.5)."""

    _inherit = "stock.scrap"

    qms_property_flow_id = fields.Many2one(
        "qms.property.flow", string="Flow record", index="btree_not_null"
    )

    @api.depends("company_id", "picking_id", "qms_property_flow_id")
    def _compute_location_id(self):
        """A scrap of a flow record's material starts in the customer's location."""
        result = super()._compute_location_id()
        for scrap in self.filtered(lambda s: s.qms_property_flow_id and not s.picking_id):
            scrap.location_id = scrap.qms_property_flow_id._material_location()
        return result

    @api.constrains("qms_property_flow_id", "product_uom_id", "owner_id", "product_id")
    def _check_qms_property_flow(self):
        for scrap in self.filtered("qms_property_flow_id"):
            flow = scrap.qms_property_flow_id
            if scrap.product_uom_id != scrap.product_id.uom_id:
                raise ValidationError(
                    self.env._(
                        "Scrap of customer material is counted in %(uom)s, the unit of "
                        "its flow record.",
                        uom=scrap.product_id.uom_id.name,
                    )
                )
            if scrap.owner_id != flow.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Scrap of %(customer)s's material keeps %(customer)s as owner.",
                        customer=flow.commercial_partner_id.display_name,
                    )
                )
            if scrap.product_id != flow.product_id:
                raise ValidationError(
                    self.env._(
                        "%(flow)s is the flow record of %(product)s.",
                        flow=flow.name,
                        product=flow.product_id.display_name,
                    )
                )
