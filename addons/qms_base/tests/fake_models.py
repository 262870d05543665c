from odoo import fields, models


class QmsFakeDocument(models.Model):
    """A quality document as the QMS addons write them, for the mixin tests."""

    _name = "qms.fake.document"
    _description = "QMS test document"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.deadline.mixin", "qms.sequence.mixin"]
    _qms_sequence_code = "qms.fake.document"

    date = fields.Date(default=fields.Date.context_today)
    user_id = fields.Many2one("res.users")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    reached = fields.Char(default="")

    def _qms_deadline_reached(self, deadlines, level):
        for record in self:
            record.reached += f"{level};"


class QmsFakeSample(models.Model):
    """A sample for a customer, inspected before it is sent, for the inspection mixin tests."""

    _name = "qms.fake.sample"
    _description = "QMS test sample"
    _inherit = ["qms.inspection.mixin"]

    name = fields.Char()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    heard = fields.Char(default="")

    def _qms_inspection_finished(self, inspections):
        for record in self:
            record.heard += "".join(f"{i.name}:{i.state};" for i in inspections)
