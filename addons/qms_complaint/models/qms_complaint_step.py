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
# The steps with a clock: the deadline kind (qms.deadline.kind code) behind their due time.
STEP_DEADLINE_KINDS = {
    "d0": "notify",
    "d3": "containment",
    "d5": "report_8d",
    "d8": "closure",
}


class QmsComplaintStep(models.Model):
    """One 8D discipline of a complaint: who owns it, when due, when done."""

    _name = "qms.complaint.step"
    _inherit = ["qms.portal.fields.mixin"]
    _description = "8D Step"
    _qms_portal_fields = (
        "complaint_id",
        "company_id",
        "code",
        "sequence",
        "due",
        "date_done",
        "state",
    )
    _order = "complaint_id, sequence"

    complaint_id = fields.Many2one("qms.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    code = fields.Selection(STEPS, string="Step", required=True)
    sequence = fields.Integer()
    user_id = fields.Many2one("res.users", string="Owner")
    due = fields.Datetime(
        compute="_compute_due",
        compute_sudo=True,  # the customer reads its steps' due dates, not the deadline rows
        help="The due time of the step's deadline, when it has one.",
    )
    due_by = fields.Datetime(
        "Due by",
        compute="_compute_due_by",
        compute_sudo=True,
        help="The step's own due time, else that of the next step with a clock: "
        "D1-D2 are due with containment, D4 with the 8D report, D6-D7 with closure.",
    )
    date_done = fields.Datetime("Done on")
    state = fields.Selection(
        [("todo", "To do"), ("late", "Late"), ("done", "Done")], compute="_compute_state"
    )

    _sql_constraints = [
        ("code_uniq", "unique(complaint_id, code)", "Each 8D step appears once per complaint."),
    ]

    @api.depends(
        "code",
        "complaint_id.qms_deadline_ids.due",
        "complaint_id.qms_deadline_ids.state",
    )
    def _compute_due(self):
        for step in self:
            kind = STEP_DEADLINE_KINDS.get(step.code)
            deadlines = step.complaint_id.qms_deadline_ids.filtered(
                lambda d, kind=kind: d.kind_id.code == kind and d.state != "cancelled"
            )
            # The latest row: a recurrence opens new ones, the old ones stay done.
            step.due = deadlines.sorted(lambda d: (d.start, d.id))[-1:].due if kind else False

    @api.depends("sequence", "due", "complaint_id.step_ids.due")
    def _compute_due_by(self):
        for step in self:
            clocked = step.complaint_id.step_ids.filtered(
                lambda s, step=step: s.sequence >= step.sequence and s.due
            ).sorted("sequence")
            step.due_by = clocked[:1].due

    @api.depends("date_done", "due")
    def _compute_state(self):
        now = fields.Datetime.now()
        for step in self:
            if step.date_done:
                step.state = "done"
            else:
                step.state = "late" if step.due and step.due < now else "todo"
