from odoo import fields, models


class QmsDeskCustomerClass(models.Model):
    """A customer classification (004 客户服务管理程序 5.1.2: owners, intended
    and potential customers), set up by each company; a key class keeps a
    key-customer file (重要客户档案)."""

    _name = "qms.desk.customer.class"
    _description = "Customer Classification"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    is_key = fields.Boolean(
        "Key customers",
        help="Customers of this class have a key-customer file: every batch ordered with "
        "its specification and quantity.",
    )
    company_id = fields.Many2one("res.company", help="Empty: shared by all companies.")
