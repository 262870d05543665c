from odoo import fields, models


class QmsComplaintDefect(models.Model):
    """A defect type (不良现象): the same defect from several customers is severe."""

    _name = "qms.complaint.defect"
    _description = "Defect Type"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
