from odoo import fields, models

MEASURE_KINDS = [
    ("containment", "Short-term"),
    ("corrective", "Long-term"),
    ("preventive", "Preventive"),
]


class QmsComplaintMeetingMeasure(models.Model):
    """A measure decided in a review meeting: what, who, by when (5.8.6)."""

    _name = "qms.complaint.meeting.measure"
    _description = "Complaint Review Measure"

    meeting_id = fields.Many2one(
        "qms.complaint.meeting", required=True, ondelete="cascade", index=True
    )
    name = fields.Char("Measure", required=True)
    kind = fields.Selection(MEASURE_KINDS, required=True, default="corrective")
    user_id = fields.Many2one("res.users", string="Owner", domain=[("share", "=", False)])
    department_id = fields.Many2one("hr.department")
    date_due = fields.Date("Due date")
    capa_id = fields.Many2one("qms.capa", string="Action", readonly=True)

    def _create_capas(self):
        """Each measure becomes a corrective action of the complaint, once."""
        for measure in self.filtered(lambda m: not m.capa_id):
            complaint = measure.meeting_id.complaint_id
            measure.capa_id = complaint._qms_capa_create(
                [
                    {
                        "title": measure.name,
                        "kind": measure.kind,
                        "user_id": measure.user_id.id,
                        "department_id": measure.department_id.id,
                        "date_deadline": measure.date_due,
                    }
                ]
            )
        return True
