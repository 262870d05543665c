from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    qms_deadline_id = fields.Many2one(
        "qms.deadline", string="QMS deadline", index="btree_not_null", ondelete="cascade"
    )
