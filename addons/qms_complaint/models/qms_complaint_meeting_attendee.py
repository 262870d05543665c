from odoo import fields, models
from odoo.exceptions import UserError


class QmsComplaintMeetingAttendee(models.Model):
    _name = "qms.complaint.meeting.attendee"
    _description = "Complaint Review Meeting Attendee"
    _inherit = ["qms.workflow.mixin"]
    _qms_workflow_fields = ("date_signed",)

    meeting_id = fields.Many2one(
        "qms.complaint.meeting", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one("res.users", string="Attendee", required=True)
    department_id = fields.Many2one("hr.department")
    date_signed = fields.Datetime("Signed off on", readonly=True)

    def action_sign(self):
        """The attendee signs the minutes off (only the attendee)."""
        for attendee in self:
            if attendee.meeting_id.state != "signing":
                raise UserError(self.env._("The minutes are not out for sign-off."))
            if attendee.user_id != self.env.user:
                raise UserError(
                    self.env._("Only %(user)s signs for themself.", user=attendee.user_id.name)
                )
            attendee._qms_workflow_write({"date_signed": fields.Datetime.now()})
            attendee.meeting_id.activity_feedback(
                ["mail.mail_activity_data_todo"], user_id=attendee.user_id.id
            )
        return True
