from odoo import fields, models

SLOTS = [("morning", "Morning"), ("afternoon", "Afternoon"), ("evening", "Evening")]


class QmsComplaintCallback(models.Model):
    """A follow-up call after handling (回访): reached or not, and what was said."""

    _name = "qms.complaint.callback"
    _description = "Complaint Callback"
    _order = "complaint_id, attempt"

    complaint_id = fields.Many2one("qms.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    attempt = fields.Integer(required=True, default=1)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Called by", default=lambda self: self.env.user)
    slot = fields.Selection(SLOTS, string="Time slot", required=True)
    reached = fields.Boolean()
    answer = fields.Text("Customer's answer")
    new_complaint_id = fields.Many2one("qms.complaint", string="New complaint", readonly=True)
