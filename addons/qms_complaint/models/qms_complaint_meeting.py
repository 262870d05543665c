from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext


class QmsComplaintMeeting(models.Model):
    """品质检讨会议 (000 5.8.6): the review meeting of a complaint. Its minutes
    are signed off by the attendees, approved by the quality supervisor, then
    e-mailed to the responsible departments; each measure decided there has
    its owner and its time, and becomes a corrective action of the complaint."""

    _name = "qms.complaint.meeting"
    _description = "Complaint Review Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.workflow.mixin", "qms.frozen.mixin"]
    _qms_workflow_fields = ("state", "date_approved", "date_sent")
    # the attendees sign these minutes: once out of draft they are what was signed
    _qms_frozen_fields = {
        "complaint_id": (),
        **dict.fromkeys(
            ("name", "date", "organizer_id", "approver_id", "department_ids", "minutes"),
            ("draft",),
        ),
    }
    _order = "date desc, id desc"

    complaint_id = fields.Many2one(
        "qms.complaint", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    name = fields.Char("Subject", required=True, default=lambda self: self.env._("Quality review"))
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    organizer_id = fields.Many2one(
        "res.users", string="Convened by", default=lambda self: self.env.user
    )
    attendee_ids = fields.One2many(
        "qms.complaint.meeting.attendee", "meeting_id", string="Attendees"
    )
    department_ids = fields.Many2many("hr.department", string="Responsible departments")
    minutes = fields.Html(help="Causes found, short- and long-term measures.")
    measure_ids = fields.One2many("qms.complaint.meeting.measure", "meeting_id", string="Measures")
    approver_id = fields.Many2one(
        "res.users",
        string="Quality supervisor",
        default=lambda self: self.env.company.qms_complaint_supervisor_id,
    )
    date_approved = fields.Datetime("Approved on", readonly=True, copy=False)
    date_sent = fields.Datetime("Sent to the departments on", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signing", "Signing off"),
            ("approved", "Approved"),
            ("sent", "Sent"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    signed_all = fields.Boolean("All signed", compute="_compute_signed_all")

    @api.depends("attendee_ids.date_signed")
    def _compute_signed_all(self):
        for meeting in self:
            meeting.signed_all = bool(meeting.attendee_ids) and all(
                meeting.attendee_ids.mapped("date_signed")
            )

    def action_submit(self):
        """Minutes written, every measure with an owner and a time: to sign off."""
        self._qms_ensure_state("draft")
        for meeting in self:
            if not html2plaintext(meeting.minutes or "").strip():
                raise UserError(self.env._("Write the minutes first."))
            if not meeting.attendee_ids:
                raise UserError(self.env._("List the attendees of the meeting."))
            incomplete = meeting.measure_ids.filtered(lambda m: not (m.user_id and m.date_due))
            if incomplete:
                raise UserError(
                    self.env._(
                        "Each measure needs its owner and its time: %(measures)s",
                        measures=", ".join(incomplete.mapped("name")),
                    )
                )
            meeting._qms_workflow_write({"state": "signing"})
            for attendee in meeting.attendee_ids.filtered(lambda a: not a.user_id.share):
                meeting.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=attendee.user_id.id,
                    summary=self.env._("Sign off the review minutes"),
                )
        return True

    def action_approve(self):
        """The quality supervisor approves signed minutes; measures become actions."""
        self._qms_ensure_state("signing")
        for meeting in self:
            if not meeting.signed_all:
                raise UserError(self.env._("Every attendee signs the minutes off first."))
            if meeting.approver_id != self.env.user and not self.env.user.has_group(
                "qms_base.group_qms_manager"
            ):
                raise UserError(
                    self.env._(
                        "Only %(user)s approves these minutes.",
                        user=meeting.approver_id.name or self.env._("the quality supervisor"),
                    )
                )
            meeting._qms_workflow_write(
                {"state": "approved", "date_approved": fields.Datetime.now()}
            )
            meeting.measure_ids._create_capas()
            meeting._send_minutes()
        return True

    def _send_minutes(self):
        """E-mail the approved minutes to the heads of the responsible departments."""
        self._qms_ensure_state("approved")
        for meeting in self:
            heads = meeting.department_ids.manager_id.user_id.partner_id
            heads |= meeting.measure_ids.user_id.partner_id
            rows = Markup("").join(
                Markup("<li>%s</li>")
                % self.env._(
                    "%(measure)s — %(owner)s — %(date)s",
                    measure=measure.name,
                    owner=measure.user_id.name,
                    date=measure.date_due,
                )
                for measure in meeting.measure_ids
            )
            meeting.message_post(
                body=Markup("%s<ul>%s</ul>") % (meeting.minutes or "", rows),
                subject=self.env._(
                    "%(complaint)s: review minutes “%(meeting)s”",
                    complaint=meeting.complaint_id.name,
                    meeting=meeting.name,
                ),
                partner_ids=heads.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
            meeting._qms_workflow_write({"state": "sent", "date_sent": fields.Datetime.now()})
        return True
