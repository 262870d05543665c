from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.qms_base.tools.composer import composer_action, sent_document

REPORT_HANDLING = "qms_complaint.action_report_qms_complaint_handling"
# The context key of the composer opened by action_send_handling_report.
HANDLING_SEND_KEY = "mark_handling_report_sent"


class QmsComplaint(models.Model):
    """Corrective actions as 顾客投诉处理 (003 5.4.7-5.4.9, 4.5.4) wants them:
    approved by the general manager, their implementation verified by QC, the
    improvement verified on a prototype and on a production batch (flow chart)
    before closure, and the complaint handling report sent to the customer.
    A minor problem corrected on the spot may skip the corrective action, with
    the reason recorded."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    skip_corrective = fields.Boolean(
        "Corrected on the spot",
        tracking=True,
        help="003 4.5.4: a minor problem corrected on the spot needs no corrective action; "
        "the reason is recorded.",
        groups="qms_base.group_qms_user",
    )
    skip_corrective_reason = fields.Text(
        "Why no corrective action", tracking=True, groups="qms_base.group_qms_user"
    )
    ca_approver_id = fields.Many2one(
        "res.users",
        string="Approved by",
        readonly=True,
        copy=False,
        groups="qms_base.group_qms_user",
    )
    date_ca_approved = fields.Datetime(
        "Corrective actions approved on",
        readonly=True,
        copy=False,
        tracking=True,
        groups="qms_base.group_qms_user",
    )
    qc_user_id = fields.Many2one(
        "res.users",
        string="QC verifier",
        domain=[("share", "=", False)],
        help="质检部: verifies that the corrective actions were implemented (003 5.4.8).",
        groups="qms_base.group_qms_user",
    )
    qc_note = fields.Text("QC verification", groups="qms_base.group_qms_user")
    date_qc_verified = fields.Datetime(
        "Verified by QC on", readonly=True, copy=False, groups="qms_base.group_qms_user"
    )
    date_handling_report_sent = fields.Datetime(
        "Handling report sent on",
        readonly=True,
        copy=False,
        tracking=True,
        groups="qms_base.group_qms_user",
    )
    handling_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Handling report sent",
        readonly=True,
        copy=False,
        help="顾客投诉处理报告 as the customer received it.",
        groups="qms_base.group_qms_user",
    )

    @api.constrains("skip_corrective", "skip_corrective_reason", "severity")
    def _check_skip_corrective(self):
        for complaint in self.filtered("skip_corrective"):
            if complaint.severity != "minor":
                raise ValidationError(
                    self.env._("Only a minor problem may go without a corrective action.")
                )
            if not (complaint.skip_corrective_reason or "").strip():
                raise ValidationError(
                    self.env._("Record why the problem needs no corrective action.")
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_approve_corrective_actions(self):
        """The general manager approves the planned corrective actions (5.4.7)."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            if not complaint._corrective_actions():
                raise UserError(self.env._("Plan the corrective actions before approving them."))
            approver = complaint.company_id.qms_complaint_gm_user_id
            allowed = (
                self.env.user == approver
                if approver
                else self.env.user.has_group("qms_base.group_qms_manager")
            )
            if not allowed:
                raise UserError(
                    self.env._(
                        "Only %(user)s approves corrective actions.",
                        user=approver.name or self.env._("a QMS manager"),
                    )
                )
            complaint._qms_workflow_write(
                {"date_ca_approved": fields.Datetime.now(), "ca_approver_id": self.env.user.id}
            )
            complaint.message_post(
                body=self.env._(
                    "Corrective actions approved by %(user)s: %(actions)s",
                    user=self.env.user.name,
                    actions=", ".join(complaint._corrective_actions().mapped("title")),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_qc_verify(self):
        """QC verified the implementation; the result goes back to sales (5.4.8)."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            verifier = complaint.qc_user_id
            if not verifier:
                raise UserError(self.env._("Name the QC verifier first."))
            if verifier != self.env.user and not self.env.user.has_group(
                "qms_base.group_qms_manager"
            ):
                raise UserError(
                    self.env._("Only %(user)s can record this verification.", user=verifier.name)
                )
            if not (complaint.qc_note or "").strip():
                raise UserError(self.env._("Write what QC verified."))
            complaint._qms_workflow_write({"date_qc_verified": fields.Datetime.now()})
            complaint.message_post(
                body=self.env._("QC verification: %(note)s", note=complaint.qc_note),
                partner_ids=complaint.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_send_handling_report(self):
        """The mail composer with the complaint handling report (顾客投诉处理报告)."""
        self.ensure_one()
        self._qms_ensure_state("in_progress", "closed")
        template = self.env.ref("qms_complaint.mail_template_qms_complaint_handling", False)
        return composer_action(
            self,
            template,
            self.env._("Send the complaint handling report"),
            layout="mail.mail_notification_layout_with_responsible_signature",
            **{HANDLING_SEND_KEY: True},
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _message_post_after_hook(self, message, msg_vals):
        flagged = self.env.context.get(HANDLING_SEND_KEY) and len(self) == 1
        document = flagged and sent_document(message)
        if document:
            self.handling_attachment_id = document
            self._qms_workflow_write({"date_handling_report_sent": fields.Datetime.now()})
        return super()._message_post_after_hook(message, msg_vals)

    def action_next_step(self):
        """Completing D5 needs the general manager's approval, D6 the prototype and
        batch verifications and QC's (the 8D report itself may go out before)."""
        for complaint in self:
            code = complaint.current_step_id.code
            message = complaint._missing_for_completion(code) if code else None
            if message:
                raise UserError(message)
        return super().action_next_step()

    def _missing_for_step(self, code):
        self.ensure_one()
        if code == "d5" and self.skip_corrective:
            return None
        return super()._missing_for_step(code)

    def _missing_for_completion(self, code):
        """What step ``code`` needs besides its content before it is complete, or None."""
        self.ensure_one()
        if self.skip_corrective or self._missing_for_step(code):
            return None
        if code == "d5" and not self.date_ca_approved:
            return self.env._("D5: the general manager approves the corrective actions.")
        if code == "d6":
            passed = self.verification_ids.filtered(lambda v: v.result == "pass")
            missing = [
                label
                for stage, label in (
                    ("prototype", self.env._("an improved prototype")),
                    ("batch", self.env._("a production batch")),
                )
                if stage not in passed.mapped("stage")
            ]
            if missing:
                return self.env._(
                    "D6: verify the improvement on %(what)s before closure.",
                    what=self.env._(" and ").join(missing),
                )
            if not self.date_qc_verified:
                return self.env._("D6: QC verifies the implementation of the corrective actions.")
        return None

    def _get_handling_report_base_filename(self):
        self.ensure_one()
        return f"CHR-{self.name}"

    def action_reopen_recurrence(self):
        result = super().action_reopen_recurrence()
        self._qms_workflow_write(
            {
                "date_ca_approved": False,
                "ca_approver_id": False,
                "date_qc_verified": False,
                "date_handling_report_sent": False,
            }
        )
        return result
