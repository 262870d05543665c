from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted to quality"),
    ("accepted", "Handed over"),
    ("not_accepted", "Not ready"),
    ("cancelled", "Cancelled"),
]
RECEIPT_CHANNELS = [
    ("portal", "By the customer on the portal"),
    ("phone", "By phone"),
    ("paper", "On paper"),
]
# The ways the backend records a receipt (the portal records its own).
BACKEND_CHANNELS = ("phone", "paper")
NOTICE_REPORT = "qms_service_contract.action_report_customer_notice"
NOTICE_TEMPLATE = "qms_service_contract.mail_template_customer_notice"


class QmsServiceHandover(models.Model):
    """项目移交申请单: the handover of an accepted project to service (002 一).

    Within 5 working days of the customer's acceptance the project sends the
    application with its working papers (工作底稿) and acceptance documents;
    quality confirms with the regional manager within 10 working days.
    Accepted: the free maintenance period starts at the acceptance, the
    maintenance-contract tracking list shows the project, the customer gets
    the service notice letter (客户服务告知书) and its receipt is confirmed.
    Not ready: how long until it is is tracked (the expected date)."""

    _name = "qms.service.handover"
    _description = "Project Handover"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {
        "contract_id": ("draft",),
        "date_acceptance": ("draft",),
        "date_expected": ("submitted", "not_accepted"),
    }
    _inherit = [
        "qms.frozen.mixin",
        "qms.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
    ]
    _order = "date_acceptance desc, id desc"
    _qms_sequence_code = "qms.service.handover"
    _qms_workflow_fields = frozenset(
        {
            "state",
            "name",
            "date_submitted",
            "date_confirmed",
            "date_notice_sent",
            "date_notice_received",
            "notice_receipt_partner_id",
            "notice_receipt_user_id",
            "notice_receipt_channel",
        }
    )

    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    contract_id = fields.Many2one(
        "qms.service.contract",
        string="Service contract",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(related="contract_id.commercial_partner_id", store=True)
    project_name = fields.Char(related="contract_id.project_name")
    modules = fields.Text(
        "Modules handed over", help="The modules or systems the service takes over."
    )
    date_acceptance = fields.Date(
        "Customer acceptance", required=True, tracking=True, help="The project's acceptance date."
    )
    project_manager_id = fields.Many2one(
        "res.users",
        string="Project manager",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
        help="Sends the application within the working days of the settings.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Quality control",
        domain=[("share", "=", False)],
        help="Quality control centre: confirms the handover with the regional manager.",
    )
    regional_manager_id = fields.Many2one(
        "res.users", string="Regional manager", domain=[("share", "=", False)]
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Working papers",
        help="工作底稿 and the acceptance documents of the implementation.",
    )
    date_submitted = fields.Datetime("Submitted on", readonly=True, tracking=True)
    date_confirmed = fields.Datetime("Confirmed on", readonly=True, tracking=True)
    date_expected = fields.Date(
        "Expected ready on",
        tracking=True,
        help="Not ready: when the project is expected to meet the handover conditions.",
    )
    not_ready_reason = fields.Text("What is missing")
    date_notice_sent = fields.Datetime("Notice letter sent on", readonly=True, tracking=True)
    date_notice_received = fields.Datetime(
        "Notice receipt confirmed on", readonly=True, tracking=True
    )
    notice_receipt_partner_id = fields.Many2one(
        "res.partner",
        string="Receipt confirmed by",
        readonly=True,
        help="The customer's person who confirmed the notice letter was received.",
    )
    notice_receipt_user_id = fields.Many2one(
        "res.users", string="Receipt recorded by", readonly=True
    )
    notice_receipt_channel = fields.Selection(
        RECEIPT_CHANNELS, string="Receipt confirmed", readonly=True, tracking=True
    )
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)

    @api.constrains("date_acceptance", "date_expected")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for handover in self:
            if handover.date_acceptance > today:
                raise ValidationError(
                    self.env._(
                        "The customer's acceptance (%(date)s) cannot be in the future.",
                        date=handover.date_acceptance,
                    )
                )
            if handover.date_expected and handover.date_expected < handover.date_acceptance:
                raise ValidationError(
                    self.env._("The expected date cannot be before the customer's acceptance.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        for handover in handovers:
            # 5 working days from the acceptance to send the application
            handover._qms_deadline_open(
                "submit", start=handover.contract_id._local_datetime(handover.date_acceptance)
            )
        return handovers

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(handover.state != "draft" for handover in self):
            raise UserError(self.env._("A submitted handover is archived, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """The application goes to quality with its working papers."""
        self._qms_ensure_state("draft", "not_accepted")
        for handover in self:
            if not handover.attachment_ids:
                raise UserError(
                    self.env._(
                        "%(handover)s: attach the working papers and acceptance documents first.",
                        handover=handover.name,
                    )
                )
            now = fields.Datetime.now()
            handover._qms_workflow_write({"state": "submitted", "date_submitted": now})
            handover._qms_deadline_close("submit")
            handover._qms_deadline_close("expected")
            handover._qms_deadline_open("confirm", start=now)
        return True

    def action_accept(self):
        """Ready for service: free maintenance from the acceptance, tracking list, notice letter."""
        self._qms_ensure_state("submitted")
        for handover in self:
            contract = handover.contract_id
            handover._qms_workflow_write(
                {"state": "accepted", "date_confirmed": fields.Datetime.now()}
            )
            handover._qms_deadline_close("confirm")
            if contract.state == "draft":
                contract.date_acceptance = handover.date_acceptance
                contract._start(handover.date_acceptance)
            handover._send_notice()
        return True

    def action_not_accept(self):
        """Not ready yet: the expected date is tracked as a deadline."""
        self._qms_ensure_state("submitted")
        for handover in self:
            if not handover.date_expected:
                raise UserError(
                    self.env._(
                        "%(handover)s: give the date the project is expected to be ready.",
                        handover=handover.name,
                    )
                )
            handover._qms_workflow_write({"state": "not_accepted"})
            handover._qms_deadline_close("confirm")
            handover._qms_deadline_open(
                "expected",
                due=handover.contract_id._local_datetime(handover.date_expected),
                owner=handover.user_id or None,
            )
        return True

    def action_send_notice(self):
        """Send the customer service notice letter again."""
        self._qms_ensure_state("accepted")
        for handover in self:
            handover._send_notice()
        return True

    def action_confirm_notice_receipt(self):
        """The customer confirmed by phone (or on paper, context
        ``qms_notice_channel``) that it received the notice letter: recorded
        with the customer's contact and the user who recorded it."""
        self._qms_ensure_state("accepted")
        channel = self.env.context.get("qms_notice_channel")
        channel = channel if channel in BACKEND_CHANNELS else "phone"
        for handover in self:
            handover._confirm_notice_receipt(channel, handover._notice_recipient(), self.env.user)
        return True

    def _confirm_notice_receipt(self, channel, partner, user):
        self.ensure_one()
        if not self.date_notice_sent:
            raise UserError(self.env._("The notice letter was not sent yet."))
        if self.date_notice_received:
            raise UserError(self.env._("The receipt of the notice letter is confirmed already."))
        self._qms_workflow_write(
            {
                "date_notice_received": fields.Datetime.now(),
                "notice_receipt_partner_id": partner.id,
                "notice_receipt_user_id": user.id,
                "notice_receipt_channel": channel,
            }
        )
        self._qms_deadline_close("notice_receipt")
        labels = dict(self._fields["notice_receipt_channel"]._description_selection(self.env))
        body = self.env._(
            "Receipt of the customer service notice letter confirmed by %(partner)s "
            "(%(channel)s), recorded by %(user)s.",
            partner=partner.display_name,
            channel=labels[channel],
            user=user.name,
        )
        author = partner if channel == "portal" else user.partner_id
        self.sudo().message_post(body=body, author_id=author.id)
        self.contract_id.sudo().message_post(body=body, author_id=author.id)

    def action_cancel(self):
        self._qms_ensure_state("draft", "submitted", "not_accepted")
        self._qms_workflow_write({"state": "cancelled"})
        self._qms_deadline_cancel()
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _send_notice(self):
        """客户服务告知书 (PDF in the customer's language) by the mail template."""
        self.ensure_one()
        contract = self.contract_id
        recipient = contract.contact_id or contract.partner_id
        if not recipient.email:
            raise UserError(
                self.env._(
                    "%(partner)s has no e-mail address for the customer service notice letter.",
                    partner=recipient.display_name,
                )
            )
        template = self.env.ref(NOTICE_TEMPLATE)
        self.message_post_with_source(
            template, subtype_xmlid="mail.mt_comment", partner_ids=recipient.ids
        )
        now = fields.Datetime.now()
        self._qms_workflow_write(
            {
                "date_notice_sent": now,
                "date_notice_received": False,
                "notice_receipt_partner_id": False,
                "notice_receipt_user_id": False,
                "notice_receipt_channel": False,
            }
        )
        self._qms_deadline_cancel("notice_receipt")
        self._qms_deadline_open("notice_receipt", start=now)

    def _notice_recipient(self):
        self.ensure_one()
        return self.contract_id.contact_id or self.contract_id.partner_id

    def _qms_deadline_owner(self, kind):
        if kind.code == "submit":
            return self.project_manager_id or self.env.user
        return self.user_id or self.contract_id.user_id or self.env.user
