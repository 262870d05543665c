from odoo import fields, models


class QmsOrderLostReason(models.Model):
    """Why a quotation did not become a signed contract (seed 001 6.1.4)."""

    _name = "qms.order.lost.reason"
    _description = "Lost Quotation Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
