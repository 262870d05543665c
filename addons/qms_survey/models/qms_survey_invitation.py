from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_capa import CAPA_KIND

BAND_SELECTION = [
    ("very_satisfied", "Very satisfied"),
    ("satisfied", "Satisfied"),
    ("average", "Average"),
    ("dissatisfied", "Dissatisfied"),
]


class QmsSurveyInvitation(models.Model):
    """One contact of one customer invited to one campaign, with its answer and score."""

    _name = "qms.survey.invitation"
    _inherit = [
        "qms.deadline.mixin",
        "qms.workflow.mixin",
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.portal.fields.mixin",
    ]
    _description = "Satisfaction Survey Invitation"
    _order = "campaign_id desc, partner_id, id"
    _rec_name = "contact_id"
    _qms_portal_fields = (
        "campaign_id",
        "campaign_state",
        "campaign_date",
        "company_id",
        "partner_id",
        "contact_id",
        "channel",
        "state",
        "date_sent",
        "return_due",
        "answer_date",
    )
    _qms_workflow_fields = (
        "state",
        "date_sent",
        "answer_date",
        "user_input_id",
        "scored",
        "score_total",
        "grade",
        "band",
        "receipt_confirmed",
    )
    # who was invited, and how: what the campaign sent
    _qms_frozen_fields = {
        "campaign_id": (),
        **dict.fromkeys(("partner_id", "contact_id", "channel"), ("draft",)),
    }

    campaign_id = fields.Many2one(
        "qms.survey.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    user_id = fields.Many2one(related="campaign_id.user_id", store=True)
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign status")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    contact_id = fields.Many2one("res.partner", required=True, index=True)
    channel = fields.Selection(
        [
            ("email", "Email"),
            ("fax", "Fax"),
            ("visit", "Visit"),
            ("hand", "Hand-carried form"),
            ("phone", "Phone interview"),
        ],
        required=True,
        default="email",
        tracking=True,
    )
    source = fields.Selection(
        [
            ("customer", "The customer"),
            ("dealer", "Dealer feedback"),
            ("service_station", "Service station feedback"),
        ],
        string="Answered by",
        required=True,
        default="customer",
        help="Who gave the answers: the customer, or a dealer or service station on the "
        "customer's behalf.",
    )
    praise = fields.Text(help="What the customer praised, kept with the answers.")
    state = fields.Selection(
        [
            ("draft", "To send"),
            ("sent", "Sent"),
            ("returned", "Returned"),
            ("late", "Returned late"),
            ("expired", "Not returned"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    date_sent = fields.Datetime(readonly=True, copy=False)
    return_due = fields.Datetime(
        "Return by",
        compute="_compute_return_due",
        compute_sudo=True,
        help="Due date of the contact's return deadline: answers after it count as not returned.",
    )
    answer_date = fields.Datetime(readonly=True, copy=False)
    receipt_confirmed = fields.Boolean(tracking=True, copy=False)
    user_input_id = fields.Many2one("survey.user_input", string="Answer", readonly=True, copy=False)
    access_url = fields.Char("Questionnaire link", compute="_compute_access_url")
    sent_count = fields.Integer(compute="_compute_counts", store=True, aggregator="sum")
    returned_count = fields.Integer(
        "Returned in time", compute="_compute_counts", store=True, aggregator="sum"
    )
    scored = fields.Boolean(readonly=True, copy=False)
    score_total = fields.Float("Total score", readonly=True, copy=False, aggregator="avg")
    grade = fields.Selection([("A", "A"), ("B", "B")], readonly=True, copy=False)
    band = fields.Selection(BAND_SELECTION, string="Index band", readonly=True, copy=False)
    score_ids = fields.One2many("qms.survey.score", "invitation_id", string="Module scores")
    capa_ids = fields.Many2many(
        "qms.capa", string="Corrective actions", compute="_compute_capa_ids"
    )
    suggestion = fields.Text(compute="_compute_suggestion")
    campaign_date = fields.Datetime(
        related="campaign_id.date_send", store=True, string="Campaign date"
    )

    _sql_constraints = [
        (
            "campaign_contact_uniq",
            "unique(campaign_id, contact_id)",
            "A contact is invited once per campaign.",
        ),
    ]

    def init(self):
        # Rows are written again when answered and scored: leave room for
        # heap-only updates so that scoring a campaign does not rewrite indexes.
        self.env.cr.execute(f"ALTER TABLE {self._table} SET (fillfactor = 70)")

    @api.depends("contact_id")
    def _compute_partner_id(self):
        for invitation in self:
            if invitation.contact_id:
                invitation.partner_id = invitation.contact_id.commercial_partner_id

    @api.depends("state")
    def _compute_counts(self):
        for invitation in self:
            invitation.sent_count = int(invitation.state != "draft")
            invitation.returned_count = int(invitation.state == "returned")

    @api.depends("qms_deadline_ids.due", "qms_deadline_ids.kind_id")
    def _compute_return_due(self):
        for invitation in self:
            rows = invitation.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "return")
            invitation.return_due = rows.sorted("id")[-1:].due

    def _compute_access_url(self):
        for invitation in self:
            answer = invitation.user_input_id
            invitation.access_url = (
                f"{invitation.get_base_url()}{answer.get_start_url()}" if answer else False
            )

    def _compute_capa_ids(self):
        capas = self.env["qms.capa"].search([("survey_invitation_id", "in", self.ids)])
        for invitation in self:
            invitation.capa_ids = capas.filtered(
                lambda c, i=invitation: c.survey_invitation_id == i
            )

    def _compute_suggestion(self):
        for invitation in self:
            invitation.suggestion = "\n".join(
                invitation.capa_ids.filtered(lambda c: c.survey_kind == "suggestion").mapped(
                    "survey_suggestion"
                )
            )

    @api.constrains("contact_id", "partner_id")
    def _check_contact(self):
        for invitation in self:
            if invitation.contact_id.commercial_partner_id != invitation.partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=invitation.contact_id.display_name,
                        customer=invitation.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        invitations = super().create(vals_list)
        if any(i.campaign_id.state not in ("draft", "sent") for i in invitations):
            raise UserError(self.env._("Contacts can only be added to an open campaign."))
        return invitations

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(invitation.state != "draft" for invitation in self):
            raise UserError(self.env._("A sent invitation cannot be deleted."))

    @api.model
    def _values_for_customers(self, customers):
        """Commands inviting each customer's contacts that have an email (or the customer)."""
        commands = []
        for customer in customers:
            contacts = customer.child_ids.filtered(lambda c: c.type == "contact" and c.email)
            for contact in contacts or customer:
                commands.append(
                    fields.Command.create(
                        {
                            "partner_id": customer.id,
                            "contact_id": contact.id,
                            "channel": "email" if contact.email else "fax",
                        }
                    )
                )
        return commands

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_send(self):
        """Send contacts added to a campaign that is already out."""
        for campaign in self.campaign_id:
            if campaign.state != "sent":
                raise UserError(
                    self.env._(
                        "Send campaign %(campaign)s itself first.", campaign=campaign.display_name
                    )
                )
            campaign._check_ready()
        self.filtered(lambda i: i.state == "draft")._send()
        return True

    def action_confirm_receipt(self):
        self._qms_ensure_state("sent")
        self._qms_workflow_write({"receipt_confirmed": True})
        activity_type = self.env.ref("mail.mail_activity_data_call")
        self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).action_done()
        return True

    def action_open_answer(self):
        self.ensure_one()
        if not self.user_input_id:
            raise UserError(self.env._("This invitation has not been sent yet."))
        return {
            "type": "ir.actions.act_url",
            "url": self.access_url,
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _send(self, now=None, due=None):
        """Send in bulk: personal answer tokens, one return deadline per contact
        (computed once per company), queued emails, receipt-confirmation calls."""
        now = now or fields.Datetime.now()
        template = self.env.ref("qms_survey.mail_template_survey_invitation")
        call = self.env.ref("mail.mail_activity_data_call")
        kind = self.env["qms.deadline.kind"]._get_kind(self._name, "return")
        for invitation in self.filtered(lambda i: not i.user_input_id):
            answer = invitation.campaign_id.survey_id.sudo()._create_answer(
                partner=invitation.contact_id,
                check_attempts=False,
                qms_invitation_id=invitation.id,
            )
            invitation._qms_workflow_write({"user_input_id": answer.id})
        for company, invitations in self.grouped("company_id").items():
            return_due = due or kind.with_company(company)._due_from(company._qms_calendar(), now)
            invitations._qms_deadline_open("return", start=now, due=return_due)
            invitations._qms_workflow_write({"state": "sent", "date_sent": now})
        by_email = self.filtered(lambda i: i.channel == "email")
        if by_email:
            template.send_mail_batch(
                by_email.ids, email_layout_xmlid="mail.mail_notification_light"
            )
        for campaign, invitations in self.grouped("campaign_id").items():
            invitations.activity_schedule(
                activity_type_id=call.id,
                summary=self.env._("Confirm the contact received the questionnaire"),
                user_id=campaign.user_id.id or self.env.uid,
            )

    def _register_answer(self, when):
        """The contact submitted: returned if in the window, late otherwise; then scored.

        After the campaign is closed its figures are frozen: the answer is kept
        (its date) but counts as not returned and is not scored."""
        closed = self.filtered(lambda i: i.campaign_id.state in ("closed", "cancelled"))
        for invitation in closed.filtered(lambda i: not i.answer_date):
            invitation._qms_workflow_write({"answer_date": when})
            invitation.message_post(
                body=self.env._(
                    "Answered after campaign %(campaign)s was closed: kept, counted as not "
                    "returned.",
                    campaign=invitation.campaign_id.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        answered = self - closed
        for invitation in answered.filtered(lambda i: i.state in ("sent", "expired")):
            in_time = bool(invitation.return_due) and when <= invitation.return_due
            invitation._qms_workflow_write(
                {"state": "returned" if in_time else "late", "answer_date": when}
            )
            invitation._qms_deadline_close("return", done=when)
        for campaign in answered.campaign_id:
            campaign._score_answers(answered.filtered(lambda i, c=campaign: i.campaign_id == c))

    def _qms_deadline_reached(self, deadlines, level):
        if level == "owner":
            self.filtered(lambda i: i.state == "sent")._qms_workflow_write({"state": "expired"})
        return super()._qms_deadline_reached(deadlines, level)

    def _qms_deadline_remind(self, deadlines):
        """The return window closes soon: remind the contacts who have not answered,
        by email (the reminder template) or, for fax and visit, with a call for the
        campaign owner. A contact who answered is never reminded."""
        waiting = self.filtered(lambda i: i.state == "sent" and i.campaign_state == "sent")
        by_email = waiting.filtered(lambda i: i.channel == "email")
        if by_email:
            self.env.ref("qms_survey.mail_template_survey_reminder").send_mail_batch(
                by_email.ids, email_layout_xmlid="mail.mail_notification_light"
            )
        for invitation in waiting - by_email:
            invitation.activity_schedule(
                "mail.mail_activity_data_call",
                summary=self.env._(
                    "Remind %(contact)s to return the questionnaire",
                    contact=invitation.contact_id.display_name,
                ),
                user_id=invitation.user_id.id or self.env.uid,
            )
        return True

    def _capa_values(self, kind, score, module, question, title):
        """Values of a corrective action (``qms.capa``) about this questionnaire,
        owned by the module's responsible, or the campaign's."""
        self.ensure_one()
        responsible = module._responsible_user() if module else self.env["res.users"]
        return {
            "survey_invitation_id": self.id,
            "partner_id": self.partner_id.id,
            "survey_kind": kind,
            "kind": CAPA_KIND[kind],
            "title": title,
            "survey_score": score or 0.0,
            "survey_module_id": module.id,
            "survey_question_id": question.id,
            "department_id": module.department_id.id,
            "user_id": (responsible or self.campaign_id.user_id or self.env.user).id,
        }
