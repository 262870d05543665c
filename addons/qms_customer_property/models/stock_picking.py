from odoo import fields, models

from .stock_picking_type import PROPERTY_ROLES


class StockPicking(models.Model):
    _inherit = "stock.picking"

    qms_property_id = fields.Many2one(
        "qms.property", string="Customer property", index="btree_not_null", copy=False
    )
    qms_property_role = fields.Selection(PROPERTY_ROLES, string="Property transfer", copy=False)

    def _action_done(self):
        result = super()._action_done()
        for picking in self.filtered(lambda p: p.qms_property_id and p.state == "done"):
            picking.qms_property_id._on_picking_done(picking)
        return result
