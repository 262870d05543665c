from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.qms_base.tools.composer import composer_action, sent_document

# The composer's flag: this send is the confirmation sheet (see qms_base tools.composer).
CONFIRMATION_SEND_KEY = "qms_mark_confirmation_sent"

QMS_USER = "qms_base.group_qms_user"


class QmsSample(models.Model):
    """Supplier samples (004 5.3.1): sent with the supplier's self-inspection
    report and material certificate, tested on enough pieces, tried in
    production, confirmed on the sample confirmation sheet (样品确认单) or
    returned to purchasing; a change the customer must approve waits for its
    engineering change notice (工程更改通知单)."""

    _inherit = "qms.sample"  # pylint: disable=consider-merging-classes-inherited

    supplier_trigger = fields.Selection(
        [
            ("new_supplier", "New supplier"),
            ("material_change", "Material change"),
            ("process_change", "Process change"),
        ],
        string="Why the supplier sends it",
    )
    purchase_order_id = fields.Many2one(
        "purchase.order", string="Purchase order", index="btree_not_null", groups=QMS_USER
    )
    purchase_user_id = fields.Many2one(
        "res.users", string="Purchaser", domain=[("share", "=", False)], groups=QMS_USER
    )
    self_inspection_report_ids = fields.Many2many(
        "ir.attachment",
        "qms_sample_self_inspection_rel",
        "sample_id",
        "attachment_id",
        string="Self-inspection report (自检报告)",
        groups=QMS_USER,
    )
    material_certificate_ids = fields.Many2many(
        "ir.attachment",
        "qms_sample_material_certificate_rel",
        "sample_id",
        "attachment_id",
        string="Material certificate (材质证明)",
        groups=QMS_USER,
    )
    fit_test_result = fields.Selection(
        [("pending", "Pending"), ("ok", "OK"), ("ng", "NG")],
        string="Fit test",
        default="pending",
        tracking=True,
        groups=QMS_USER,
    )
    trial_result = fields.Selection(
        [("pending", "Pending"), ("ok", "OK"), ("ng", "NG")],
        string="Production trial",
        default="pending",
        tracking=True,
        groups=QMS_USER,
    )
    trial_note = fields.Text("Trial notes", groups=QMS_USER)
    affects_customer = fields.Boolean(
        "Changes the customer's product", groups=QMS_USER, help="004 5.3.1 c."
    )
    customer_requires_approval = fields.Boolean(
        "The customer requires to approve it", groups=QMS_USER
    )
    ecn_required = fields.Boolean(
        "Engineering change notice needed", compute="_compute_ecn_required"
    )
    ecn_reference = fields.Char("Engineering change notice (工程更改通知单)", groups=QMS_USER)
    date_ecn_approved = fields.Datetime(
        "Customer approved the change on", readonly=True, copy=False
    )
    date_returned_to_purchasing = fields.Datetime(
        "Returned to purchasing on", readonly=True, copy=False, groups=QMS_USER
    )

    # 004 5.3.1 d: the original of the confirmation sheet to the supplier, a copy
    # each to purchasing and QA.
    date_confirmation_sent = fields.Datetime(
        "Confirmation sheet sent on", readonly=True, copy=False, groups=QMS_USER
    )
    confirmation_original_partner_ids = fields.Many2many(
        "res.partner",
        "qms_sample_confirmation_original_rel",
        "sample_id",
        "partner_id",
        string="Original sent to",
        readonly=True,
        copy=False,
        groups=QMS_USER,
    )
    confirmation_purchase_copy_id = fields.Many2one(
        "res.users", string="Copy to purchasing", readonly=True, copy=False, groups=QMS_USER
    )
    confirmation_qa_copy_id = fields.Many2one(
        "res.users", string="Copy to QA", readonly=True, copy=False, groups=QMS_USER
    )

    @api.depends("affects_customer", "customer_requires_approval")
    def _compute_ecn_required(self):
        for sample in self:
            sample.ecn_required = sample.affects_customer or sample.customer_requires_approval

    @api.onchange("purchase_order_id")
    def _onchange_purchase_order_id(self):
        if self.purchase_order_id:
            self.partner_id = self.purchase_order_id.partner_id
            self.purchase_user_id = self.purchase_order_id.user_id

    # ------------------------------------------------------------------
    # Checks of the shared steps
    # ------------------------------------------------------------------
    def _check_inspection_ready(self):
        result = super()._check_inspection_ready()
        if self.kind_id.requires_documents:
            missing = []
            if not self.self_inspection_report_ids:
                missing.append(self.env._("the self-inspection report (自检报告)"))
            if not self.material_certificate_ids:
                missing.append(self.env._("the material certificate (材质证明)"))
            if missing:
                raise UserError(
                    self.env._(
                        "%(number)s: attach %(documents)s before the inspection starts.",
                        number=self.name,
                        documents=self.env._(" and ").join(missing),
                    )
                )
        return result

    def _check_approval_ready(self):
        result = super()._check_approval_ready()
        if self.kind_id.requires_trial and (
            self.fit_test_result != "ok" or self.trial_result != "ok"
        ):
            raise UserError(
                self.env._(
                    "%(number)s: the fit test and the production trial must be OK first.",
                    number=self.name,
                )
            )
        if self.ecn_required and not self.date_ecn_approved:
            raise UserError(
                self.env._(
                    "%(number)s changes the customer's product: the customer approves the "
                    "engineering change notice first.",
                    number=self.name,
                )
            )
        return result

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_ecn_approved(self):
        """The customer approved the change through its engineering change notice."""
        self._qms_ensure_state("draft", "inspection")
        for sample in self:
            if not sample.ecn_required:
                raise UserError(
                    self.env._("%(number)s needs no customer approval.", number=sample.name)
                )
            if not sample.ecn_reference:
                raise UserError(
                    self.env._("Give the number of the engineering change notice first.")
                )
            sample.sudo()._qms_workflow_write({"date_ecn_approved": fields.Datetime.now()})
            sample.message_post(
                body=self.env._(
                    "The customer approved engineering change notice %(ecn)s.",
                    ecn=sample.ecn_reference,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _on_rejected(self, reason):
        """NG: the samples and every document go back to purchasing (004 5.3.1 c)."""
        result = super()._on_rejected(reason)
        now = fields.Datetime.now()
        for sample in self.filtered(lambda s: s.category == "supplier"):
            sample.sudo()._qms_workflow_write({"date_returned_to_purchasing": now})
            purchaser = (
                sample.purchase_user_id
                or sample.company_id.qms_sample_purchase_user_id
                or sample.user_id
            )
            if purchaser:
                documents = (
                    sample.sudo().self_inspection_report_ids
                    | sample.sudo().material_certificate_ids
                )
                note = Markup("<p>%s</p>") % reason
                if documents:
                    note += Markup("<p>%s</p>") % self.env._(
                        "Documents to return: %(documents)s",
                        documents=", ".join(documents.mapped("name")),
                    )
                sample.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=purchaser.id,
                    summary=self.env._("Return the sample and its documents to the supplier"),
                    note=note,
                )
        return result

    def action_print_confirmation(self):
        self.ensure_one()
        return self.env.ref("qms_sample.action_report_qms_sample_confirmation").report_action(
            self, data={}
        )

    # ------------------------------------------------------------------
    # Distribution of the confirmation sheet (004 5.3.1 d)
    # ------------------------------------------------------------------
    def _confirmation_copy_users(self):
        """(purchasing, QA): who gets a copy of the confirmation sheet."""
        self.ensure_one()
        company = self.company_id
        purchaser = self.purchase_user_id or company.qms_sample_purchase_user_id
        qa = self.qa_user_id or company.qms_sample_qa_user_id
        return purchaser, qa

    def action_send_confirmation(self):
        """Send the confirmation sheet: the original to the supplier (mail composer,
        the PDF attached); on sending, purchasing and QA get their copy."""
        self.ensure_one()
        if self.category != "supplier":
            raise UserError(self.env._("%(number)s is not a supplier sample.", number=self.name))
        if self.state not in ("accepted", "sealed"):
            raise UserError(
                self.env._(
                    "%(number)s is not confirmed OK yet: the confirmation sheet is sent once "
                    "the sample is approved.",
                    number=self.name,
                )
            )
        purchaser, qa = self._confirmation_copy_users()
        if not purchaser or not qa:
            raise UserError(
                self.env._(
                    "%(number)s: choose the purchaser and the QA inspector (or set them in "
                    "the settings) who get a copy of the confirmation sheet.",
                    number=self.name,
                )
            )
        template = self.env.ref("qms_sample.mail_template_sample_confirmation")
        return composer_action(
            self,
            template,
            self.env._("Send the confirmation sheet"),
            **{CONFIRMATION_SEND_KEY: True},
        )

    def message_post(self, **kwargs):
        if not (self.env.context.get(CONFIRMATION_SEND_KEY) and len(self) == 1):
            return super().message_post(**kwargs)
        sample = self.with_context(**{CONFIRMATION_SEND_KEY: False})
        purchaser, qa = sample._confirmation_copy_users()
        # purchasing and QA follow first, so the same mail brings them the sheet
        sample.message_subscribe(partner_ids=(purchaser | qa).partner_id.ids)
        message = super(QmsSample, sample).message_post(**kwargs)
        if sent_document(message):
            sample._record_confirmation_sent(message)
        return message

    def _record_confirmation_sent(self, message):
        """The original went to the supplier (``message``'s recipients): purchasing
        and QA, notified as followers with the sheet attached, get a to-do each."""
        self.ensure_one()
        purchaser, qa = self._confirmation_copy_users()
        partners = message.partner_ids
        self.sudo()._qms_workflow_write(
            {
                "date_confirmation_sent": fields.Datetime.now(),
                "confirmation_original_partner_ids": [Command.set(partners.ids)],
                "confirmation_purchase_copy_id": purchaser.id,
                "confirmation_qa_copy_id": qa.id,
            }
        )
        for user, department in (
            (purchaser, self.env._("purchasing")),
            (qa, self.env._("QA")),
        ):
            if user:
                self.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.env._(
                        "File the copy of the sample confirmation sheet (%(department)s)",
                        department=department,
                    ),
                    note=self.env._(
                        "The original was sent to %(supplier)s.",
                        supplier=", ".join(partners.mapped("display_name")),
                    ),
                )
