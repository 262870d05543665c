from odoo import fields, models


class QmsComplaintRevision(models.Model):
    """A closed 8D, kept when a recurrence reopened the complaint: its dates,
    a summary of its root causes and actions, and its 8D report as printed then."""

    _name = "qms.complaint.revision"
    _description = "8D Revision"
    _order = "complaint_id, revision"
    _rec_name = "revision"

    complaint_id = fields.Many2one("qms.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    revision = fields.Integer(required=True, readonly=True)
    date_confirmed = fields.Datetime("Defect confirmed on", readonly=True)
    date_contained = fields.Datetime("Containment reported on", readonly=True)
    date_report_sent = fields.Datetime("8D report sent on", readonly=True)
    date_closed = fields.Datetime("Closed on", readonly=True)
    summary = fields.Html("Root causes and actions", readonly=True, sanitize=True)
    report_attachment_id = fields.Many2one("ir.attachment", string="8D report", readonly=True)
