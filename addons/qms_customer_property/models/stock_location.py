from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    qms_property_partner_id = fields.Many2one(
        "res.partner",
        string="Customer property of",
        index="btree_not_null",
        help="This location holds the property of this customer only (and its owner-tagged "
        "stock is that customer's ledger).",
    )
    qms_property_nonconforming = fields.Boolean(
        "Nonconforming property", help="Isolated nonconforming property of the customer."
    )
