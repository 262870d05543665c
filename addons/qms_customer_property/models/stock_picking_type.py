from odoo import fields, models

PROPERTY_ROLES = [
    ("receipt", "Receipt of customer property"),
    ("isolation", "Isolation of customer property"),
    ("return", "Return of customer property"),
    ("issue", "Issue of customer property to production"),
    ("production_return", "Return of customer property from production"),
]


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    qms_property_role = fields.Selection(
        PROPERTY_ROLES,
        string="Customer property",
        help="Operation type moving customer-owned stock: it reserves the picking's owner only.",
    )
