from odoo import api, fields, models

STEPS = [
    ("d0", "D0 Emergency response"),
    ("d1", "D1 Team"),
    ("d2", "D2 Problem description"),
    ("d3", "D3 Containment"),
    ("d4", "D4 Root cause"),
    ("d5", "D5 Permanent corrective actions"),
    ("d6", "D6 Implementation and verification"),
    ("d7", "D7 Prevention"),
    ("d8", "D8 Closure and recognition"),
]


class QmsComplaintStep(models.Model):
    """One 8D discipline of a complaint: who owns it, when due, when done."""

    _name = "qms.complaint.step"
    _description = "8D Step"
    _order = "complaint_id, sequence"

    complaint_id = fields.Many2one("qms.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    code = fields.Selection(STEPS, string="Step", required=True)
    sequence = fields.Integer()
    user_id = fields.Many2one("res.users", string="Owner")
    due = fields.Datetime()
    done = fields.Datetime()
    state = fields.Selection(
        [("todo", "To do"), ("late", "Late"), ("done", "Done")], compute="_compute_state"
    )

    _sql_constraints = [
        ("code_uniq", "unique(complaint_id, code)", "Each 8D step appears once per complaint."),
    ]

    @api.depends("done", "due")
    def _compute_state(self):
        now = fields.Datetime.now()
        for step in self:
            if step.done:
                step.state = "done"
            else:
                step.state = "late" if step.due and step.due < now else "todo"
