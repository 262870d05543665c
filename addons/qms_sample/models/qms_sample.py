from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.qms_base.models.qms_workflow_mixin import WORKFLOW_KEY, WORKFLOW_TOKEN

STATES = [
    ("draft", "Requested"),
    ("making", "Being made"),
    ("inspection", "In inspection"),
    ("approved", "Approved"),
    ("shipped", "Sent to customer"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("sealed", "Sealed"),
    ("disposed", "Disposed"),
    ("cancelled", "Cancelled"),
]
SOURCES = [
    ("customer", "Customer"),
    ("engineering", "Engineering"),
    ("marketing", "Marketing"),
    ("supplier", "Supplier"),
]
CUSTOMER_TYPES = [
    ("color_board", "Colour board"),
    ("structure", "Structure"),
    ("circuit", "Circuit"),
    ("function", "Function"),
]
OPEN_STATES = ("draft", "making", "inspection", "approved", "shipped")
QMS_USER = "qms_base.group_qms_user"


class QmsSample(models.Model):
    """A sample (004 样品管理控制程序): from request to sealed reference.

    This file: the record, its numbers and the steps every kind shares. The
    customer, supplier, sealing and concession flows extend the same model in
    ``qms_sample_<concern>.py``.
    """

    _name = "qms.sample"
    _description = "Sample"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {"kind_id": ("draft",)}
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.capa.mixin",
        "qms.inspection.mixin",
        "qms.portal.fields.mixin",
        "qms.workflow.mixin",
    ]
    _order = "date_requested desc, id desc"
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = (
        "state",
        "name",
        "date_accepted",
        "date_rejected",
        "date_sealed",
        "date_validity_start",
        "date_disposed",
        "date_shipped",
        "engineering_signer_id",
        "qa_signer_id",
        "date_engineering_signed",
        "date_qa_signed",
        "revision",
        "parent_id",
        "rejection_reason",
        "cancel_reason",
        # qms_sample_customer.py
        "picking_id",
        "decision_channel",
        "customer_comment",
        "customer_signed_by",
        # qms_sample_supplier.py
        "date_ecn_approved",
        "date_returned_to_purchasing",
        "date_confirmation_sent",
        "confirmation_original_partner_ids",
        "confirmation_purchase_copy_id",
        "confirmation_qa_copy_id",
        # qms_sample_concession.py, qms_sample_seal.py
        "concession_signatory_id",
        "disposal_method",
        "disposal_reason",
        "disposed_by_id",
    )
    # What the customer sees of its samples on /my/samples; the rest is internal.
    _qms_portal_fields = (
        "active",
        "company_id",
        "name",
        "title",
        "state",
        "partner_id",
        "commercial_partner_id",
        "kind_id",
        "product_id",
        "quantity",
        "revision",
        "customer_ref",
        "customer_comment",
        "description",
        "date_requested",
        "date_shipped",
        "date_accepted",
        "access_url",
    )
    _qms_sequence_code = "qms.sample"
    _mail_post_access = "read"

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind_id = fields.Many2one("qms.sample.kind", required=True, tracking=True)
    category = fields.Selection(related="kind_id.category", store=True)
    customer_type = fields.Selection(
        CUSTOMER_TYPES, string="Customer sample type", help="004 5.2.2: what the sample shows."
    )
    source = fields.Selection(
        SOURCES, required=True, default="customer", help="004 5.1.1: who provides the sample."
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, copy=False, tracking=True, index=True
    )
    title = fields.Char("Subject", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        tracking=True,
        help="The customer the sample is for, or the supplier that sent it.",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    product_id = fields.Many2one("product.product", tracking=True)
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    revision = fields.Integer(default=1, readonly=True, copy=False)
    parent_id = fields.Many2one(
        "qms.sample", string="Previous revision", readonly=True, index="btree_not_null"
    )
    date_requested = fields.Datetime("Requested on", required=True, default=fields.Datetime.now)
    date_due = fields.Date(
        "Wanted by", help="When the sample must be made; empty: the company's standard delay."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Engineer",
        default=lambda self: self.env.user if not self.env.user.share else False,
        domain=[("share", "=", False)],
        tracking=True,
        groups=QMS_USER,
        help="Engineering makes the sample and owns its deadlines.",
    )
    qa_user_id = fields.Many2one(
        "res.users",
        string="QA inspector",
        domain=[("share", "=", False)],
        tracking=True,
        groups=QMS_USER,
    )
    sale_user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        domain=[("share", "=", False)],
        groups=QMS_USER,
        help="Sales records the customer's decision when it does not use the portal.",
    )
    description = fields.Html("Requirements")
    internal_note = fields.Text("Internal notes", groups=QMS_USER)
    test_id = fields.Many2one(
        "qc.test",
        string="Inspection test",
        groups=QMS_USER,
        help="Empty: the test of the sample kind.",
    )
    qty_tested = fields.Float(
        "Pieces to test", digits="Product Unit of Measure", help="样品检验记录: quantity inspected."
    )
    date_accepted = fields.Datetime("Accepted on", readonly=True, copy=False, tracking=True)
    date_rejected = fields.Datetime("Rejected on", readonly=True, copy=False)
    rejection_reason = fields.Text("Rejection reason", readonly=True, copy=False)
    cancel_reason = fields.Text("Why cancelled", readonly=True, copy=False)
    child_ids = fields.One2many("qms.sample", "parent_id", string="Later revisions")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _compute_access_url(self):
        result = super()._compute_access_url()
        for sample in self:
            sample.access_url = f"/my/samples/{sample.id}"
        return result

    @api.depends("name", "title")
    def _compute_display_name(self):
        for sample in self:
            sample.display_name = (
                f"{sample.name} {sample.title}" if sample.title and sample.name else sample.name
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("quantity", "qty_tested")
    def _check_quantities(self):
        for sample in self:
            if sample.quantity < 0 or sample.qty_tested < 0:
                raise ValidationError(self.env._("Sample quantities cannot be negative."))
            if sample.qty_tested > sample.quantity:
                raise ValidationError(
                    self.env._(
                        "%(tested)s pieces to test, but the sample has %(quantity)s.",
                        tested=sample.qty_tested,
                        quantity=sample.quantity,
                    )
                )

    @api.constrains("date_due", "date_requested")
    def _check_date_due(self):
        for sample in self:
            if sample.date_due and sample.date_due < fields.Date.to_date(sample.date_requested):
                raise ValidationError(
                    self.env._("A sample cannot be wanted before it is requested.")
                )

    @api.constrains("kind_id", "partner_id")
    def _check_partner(self):
        for sample in self:
            needs_partner = sample.kind_id.requires_shipment or sample.category == "supplier"
            if needs_partner and not sample.partner_id:
                raise ValidationError(
                    self.env._(
                        "A %(kind)s needs its partner (customer or supplier).",
                        kind=sample.kind_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("kind_id"):
                raise ValidationError(self.env._("A sample needs its kind."))
        return super().create(vals_list)

    @api.model
    def _qms_number_group(self, vals):
        return (*super()._qms_number_group(vals), vals.get("kind_id"))

    @api.model
    def _qms_number_sequence(self, vals):
        """The kind's own sequence numbers the sample."""
        kind = self.env["qms.sample.kind"].browse(vals.get("kind_id")).exists()
        if not kind:
            raise ValidationError(self.env._("A sample needs its kind."))
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        return kind.sequence_id.sudo().with_company(company)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(sample.state != "draft" for sample in self):
            raise UserError(
                self.env._("A sample that left “Requested” is archived, never deleted.")
            )

    # ------------------------------------------------------------------
    # Shared steps
    # ------------------------------------------------------------------
    def _state_label(self, state=None):
        return dict(self._fields["state"]._description_selection(self.env))[state or self.state]

    def _end_of_day(self, day):
        """The last second of ``day`` on the company calendar, as naive UTC."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        zone = pytz.timezone(calendar.tz or "UTC")
        local = zone.localize(datetime.combine(day, time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def action_start(self):
        """Engineering starts making the sample (004 4.1.2; 000 4.1.4)."""
        self._qms_ensure_state("draft")
        for sample in self:
            if sample.category in ("supplier", "concession"):
                raise UserError(
                    self.env._("A %(kind)s is not made here.", kind=sample.kind_id.name)
                )
            if not sample.user_id:
                raise UserError(self.env._("Choose the engineer who makes the sample."))
            sample._qms_workflow_write({"state": "making"})
            due = sample._end_of_day(sample.date_due) if sample.date_due else None
            now = fields.Datetime.now()
            sample._qms_deadline_open("making", start=now, due=due and max(due, now))
        return True

    def action_start_inspection(self):
        """QA inspects the sample (样品检验记录) on the shared inspection engine."""
        for sample in self:
            sample._qms_ensure_state("making" if sample.category != "supplier" else "draft")
            sample._check_inspection_ready()
            test = sample.test_id or sample.kind_id.test_id
            if not test:
                raise UserError(
                    self.env._(
                        "Choose the inspection test of %(number)s (or of its kind).",
                        number=sample.name,
                    )
                )
            sample._qms_workflow_write({"state": "inspection"})
            sample._qms_deadline_close("making")
            sample._qms_inspection_create(
                test, qty=sample.qty_tested or sample.quantity, user=sample.qa_user_id or None
            )
        return True

    def _check_inspection_ready(self):
        """What must be there before QA inspects: the concerns add their checks."""
        self.ensure_one()
        minimum = self.kind_id._min_test_qty(self.company_id)
        tested = self.qty_tested or self.quantity
        if minimum and tested < minimum:
            raise UserError(
                self.env._(
                    "%(number)s: at least %(minimum)s pieces are tested, not %(tested)s.",
                    number=self.name,
                    minimum=minimum,
                    tested=tested,
                )
            )

    def _qms_inspection_finished(self, inspections):
        for sample in self:
            result = inspections._qms_result()
            sample.message_post(
                body=self.env._(
                    "Inspection %(inspections)s finished: %(result)s.",
                    inspections=", ".join(inspections.mapped("name")),
                    result=dict(
                        self._fields["qms_inspection_result"]._description_selection(self.env)
                    )[result],
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_approve(self):
        """Inspection passed: approved (to ship, or accepted for internal kinds)."""
        self._qms_ensure_state("inspection", "making")
        for sample in self:
            if sample.state == "making" and sample.kind_id.requires_inspection:
                raise UserError(self.env._("%(number)s is inspected first.", number=sample.name))
            if sample.kind_id.requires_inspection and sample.qms_inspection_result != "passed":
                raise UserError(
                    self.env._(
                        "%(number)s can be approved once its inspection passed.",
                        number=sample.name,
                    )
                )
            sample._check_approval_ready()
            sample._qms_deadline_close("making")
            if sample.kind_id.requires_shipment:
                sample._qms_workflow_write({"state": "approved"})
            else:
                sample._accept()
        return True

    def _check_approval_ready(self):
        """Before approval: the concerns add their checks (trial, change approval)."""
        return None

    def _accept(self):
        now = fields.Datetime.now()
        for sample in self:
            sample._qms_workflow_write({"state": "accepted", "date_accepted": now})
            sample._qms_deadline_close("decision")
        return True

    def action_reject(self, reason=None):
        """Not OK (NG): rejected with its reason; the concerns add what follows."""
        self._qms_ensure_state("inspection", "approved", "shipped", "making")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the sample is rejected."))
        now = fields.Datetime.now()
        for sample in self:
            sample._qms_workflow_write(
                {"state": "rejected", "date_rejected": now, "rejection_reason": reason}
            )
            sample._qms_deadline_cancel()
            sample.message_post(
                body=self.env._("Rejected: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
            sample._on_rejected(reason)
        return True

    def _on_rejected(self, reason):
        """Hook after a rejection: the concerns extend it."""
        return None

    def action_new_revision(self):
        """A rejected sample is made again: the next revision, from the same request."""
        self._qms_ensure_state("rejected")
        self.ensure_one()
        # the revision and its parent are workflow fields: the copy is the action's own
        new = self.with_context(**{WORKFLOW_KEY: WORKFLOW_TOKEN}).copy(
            {
                "parent_id": self.id,
                "title": self.title,
                "date_requested": fields.Datetime.now(),
                "date_due": False,
                "revision": self.revision + 1,
            }
        )
        return new.with_env(self.env)._get_records_action(name=self.env._("New revision"))

    def action_cancel(self, reason=None):
        self._qms_ensure_state("draft", "making", "inspection")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the sample is cancelled."))
        for sample in self:
            sample._qms_workflow_write({"state": "cancelled", "cancel_reason": reason})
            sample._qms_deadline_cancel()
            sample.qms_inspection_ids.filtered(
                lambda i: i.state not in ("success", "failed", "canceled")
            ).action_cancel()
        return True

    def action_open_reason_wizard(self):
        """A button that needs a text (reject, cancel, dispose, borrow) asks for it first."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sample %(number)s", number=self.name),
            "res_model": "qms.sample.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_sample_id": self.id,
                "default_action": self.env.context.get("reason_action", "reject"),
            },
        }

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _qms_deadline_owner(self, kind):
        self.ensure_one()
        if kind.code == "decision":
            return self.sale_user_id or self.user_id or self.company_id.qms_escalation_user_id
        if kind.code in ("validity", "concession"):
            return self.qa_user_id or self.user_id or self.company_id.qms_escalation_user_id
        return self.user_id or self.company_id.qms_escalation_user_id

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Sample confirmation %(number)s", number=self.name)
