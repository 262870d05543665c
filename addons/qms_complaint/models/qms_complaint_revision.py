from odoo import fields, models


class QmsComplaintRevision(models.Model):
    """A closed 8D kept as it was when a recurrence reopened the complaint."""

    _name = "qms.complaint.revision"
    _description = "8D Revision"
    _order = "complaint_id, revision"

    complaint_id = fields.Many2one("qms.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    revision = fields.Integer(required=True, readonly=True)
    team_leader_id = fields.Many2one("res.users", readonly=True)
    d2_what = fields.Text("What", readonly=True)
    d2_why = fields.Text("Why", readonly=True)
    d2_where = fields.Text("Where", readonly=True)
    d2_when = fields.Text("When", readonly=True)
    d2_who = fields.Text("Who", readonly=True)
    d2_how = fields.Text("How", readonly=True)
    d2_how_many = fields.Text("How many", readonly=True)
    qty_stock_found = fields.Float("Suspect stock isolated", readonly=True)
    qty_wip = fields.Float("Suspect WIP isolated", readonly=True)
    qty_transit = fields.Float("Suspect in transit", readonly=True)
    qty_customer = fields.Float("Suspect at the customer", readonly=True)
    containment_note = fields.Text("Containment status", readonly=True)
    root_cause_occurrence = fields.Text("Root cause (occurrence)", readonly=True)
    root_cause_escape = fields.Text("Root cause (non-detection)", readonly=True)
    why_1 = fields.Char(readonly=True)
    why_2 = fields.Char(readonly=True)
    why_3 = fields.Char(readonly=True)
    why_4 = fields.Char(readonly=True)
    why_5 = fields.Char(readonly=True)
    action_summary = fields.Text("Actions", readonly=True)
    lessons_learned = fields.Html("Lessons learned", readonly=True)
    training_note = fields.Text("Training", readonly=True)
    recognition = fields.Text("Team recognition", readonly=True)
    auditor_id = fields.Many2one("res.users", string="Process auditor", readonly=True)
    auditor_confirmed = fields.Datetime("Effect confirmed by auditor", readonly=True)
    project_owner_id = fields.Many2one("res.users", string="Project owner", readonly=True)
    project_owner_confirmed = fields.Datetime("Effect confirmed by project owner", readonly=True)
    date_confirmed = fields.Datetime("Defect confirmed on", readonly=True)
    date_contained = fields.Datetime("Containment reported on", readonly=True)
    date_report_sent = fields.Datetime("8D report sent on", readonly=True)
    date_closed = fields.Datetime("Closed on", readonly=True)
