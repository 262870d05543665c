from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.models import parse_read_group_spec
from odoo.tools import SQL, float_compare

FEEDBACK_TYPES = [
    ("complaint", "Complaint"),
    ("consultation", "Consultation"),
    ("suggestion", "Suggestion"),
    ("praise", "Praise"),
    ("internal", "Internal corrective action"),
]
CHANNELS = [
    ("phone", "Phone / hotline"),
    ("email", "Email"),
    ("fax", "Fax"),
    ("portal", "Portal"),
    ("visit", "Visit"),
    ("other", "Other"),
]
STATES = [
    ("draft", "Received"),
    ("in_progress", "8D in progress"),
    ("closed", "Closed"),
    ("rejected", "Not our responsibility"),
    ("cancelled", "Cancelled"),
]
# Customer complaints and internal corrective actions (e.g. from a low survey score)
# can run the 8D; other feedback is answered and closed.
EIGHT_D_TYPES = ("complaint", "internal")
RETURN_OUTCOMES = [("repair", "Repair"), ("replace", "Replace"), ("refund", "Refund")]


# Written by the action methods only (qms.workflow.mixin).
WORKFLOW_FIELDS = (
    "state",
    "name",
    "revision",
    "date_confirmed",
    "date_notified",
    "date_contained",
    "date_containment_informed",
    "date_stock_reported",
    "date_wip_reported",
    "date_ca_approved",
    "ca_approver_id",
    "date_qc_verified",
    "date_handling_report_sent",
    "date_report_sent",
    "date_closed",
    "date_handled",
    "date_auditor_confirmed",
    "date_owner_confirmed",
    # set by the actions that record them, never typed
    "parent_id",
    "not_ours_explanation",
    "cancel_reason",
    "is_severe",
    "severe_reason",
    "is_repeat",
    "report_attachment_id",
    "containment_picking_ids",
    "return_picking_id",
    "replacement_picking_id",
    "return_qa_user_id",
    "date_return_qa_confirmed",
)


class QmsComplaint(models.Model):
    """Customer feedback; a complaint runs the 8D method (IATF 16949 procedure 5.8).

    This file: intake and triage (fields, constraints, create/write, the state
    and its triage actions). The 8D, severity, stock and callbacks extend the
    same model in ``qms_complaint_<concern>.py``.
    """

    _name = "qms.complaint"
    _description = "Customer Complaint"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.capa.mixin",
        "qms.callback.mixin",
        "qms.portal.fields.mixin",
        "qms.workflow.mixin",
        "qms.frozen.mixin",
    ]
    _order = "date_received desc, id desc"
    _qms_sequence_code = "qms.complaint"
    _qms_workflow_fields = WORKFLOW_FIELDS
    # the customer and the type are triage's; the company never changes
    _qms_frozen_fields = {"partner_id": ("draft",), "feedback_type": ("draft",), "company_id": ()}
    _mail_post_access = "read"
    # What the customer reads of its complaint; everything else is internal.
    _qms_portal_fields = (
        "name",
        "title",
        "state",
        "feedback_type",
        "channel",
        "date_received",
        "date",
        "partner_id",
        "commercial_partner_id",
        "contact_id",
        "customer_ref",
        "product_id",
        "lot_id",
        "qty_defective",
        "qty_delivered",
        "description",
        "photo_ids",
        "customer_due_date",
        "step_ids",
        "current_step",
        "date_report_sent",
        "date_closed",
        "answer",
        "not_ours_explanation",
        "company_id",
        "access_url",
        "access_warning",
        "active",
    )

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    feedback_type = fields.Selection(
        FEEDBACK_TYPES, string="Type", required=True, default="complaint", tracking=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, copy=False, tracking=True, index=True
    )
    date_received = fields.Datetime(
        "Received on", required=True, default=fields.Datetime.now, tracking=True
    )
    date = fields.Date(compute="_compute_date", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Improvement engineer",
        default=lambda self: self.env.user if not self.env.user.share else False,
        tracking=True,
        domain=[("share", "=", False)],
        help="改善工程担当: drives the 8D and owns its deadlines.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    contact_id = fields.Many2one(
        "res.partner",
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
    )
    customer_ref = fields.Char("Customer reference")
    title = fields.Char("Subject", required=True, tracking=True)
    category_id = fields.Many2one(
        "qms.complaint.category", string="Dissatisfaction category", tracking=True
    )
    department_id = fields.Many2one("hr.department", string="Responsible department", tracking=True)
    defect_id = fields.Many2one("qms.complaint.defect", string="Defect type")
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale order",
        domain="[('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        domain="[('picking_type_code', '=', 'outgoing'),"
        " ('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    product_id = fields.Many2one("product.product", tracking=True)
    lot_id = fields.Many2one(
        "stock.lot", string="Lot/Serial", domain="[('product_id', '=', product_id)]"
    )
    qty_defective = fields.Float("Defective quantity", digits="Product Unit of Measure")
    qty_delivered = fields.Float("Delivered quantity", digits="Product Unit of Measure")
    # Grouped (pivot, graph, read_group), the ratios are those of the group's sums,
    # never an average of the complaints' ratios: see _read_group_select.
    defect_ratio = fields.Float(
        "Defect ratio (%)",
        compute="_compute_defect_ratio",
        store=True,
        aggregator="avg",
        help="Defective / delivered × 100; for a group, "
        "its total defective / total delivered × 100.",
    )
    defect_ppm = fields.Float(
        "Defect PPM",
        compute="_compute_defect_ratio",
        store=True,
        aggregator="avg",
        help="Defective / delivered × 1,000,000; for a group, "
        "its total defective / total delivered × 1,000,000.",
    )
    description = fields.Html("Defect description")
    customer_impact = fields.Text("Impact at the customer")
    photo_ids = fields.Many2many("ir.attachment", string="Photos and files")
    customer_due_date = fields.Date(
        "8D due (customer)",
        help="The customer's date for the 8D report, when it asks for one: it is the due date, "
        "earlier or later than the standard 3 working days.",
    )
    is_repeat = fields.Boolean(
        "Repeat", readonly=True, help="The same customer already complained of this product."
    )
    repeat_rate = fields.Float(
        "Repeat rate (%)",
        compute="_compute_repeat_rate",
        store=True,
        aggregator="avg",
        help="For a group: its repeat complaints / its complaints × 100.",
    )
    parent_id = fields.Many2one(
        "qms.complaint", string="Raised from", index="btree_not_null", readonly=True
    )
    child_ids = fields.One2many("qms.complaint", "parent_id", string="Follow-up complaints")
    answer = fields.Html("Answer to the customer", help="For consultations and suggestions.")
    # Triage: whose responsibility follows from the state, never set by hand.
    responsibility = fields.Selection(
        [("pending", "To decide"), ("ours", "Ours"), ("not_ours", "Not ours")],
        compute="_compute_responsibility",
        store=True,
    )
    not_ours_explanation = fields.Text("Explanation sent to the customer", readonly=True)
    cancel_reason = fields.Text("Why cancelled", readonly=True)
    date_confirmed = fields.Datetime("Defect confirmed on", readonly=True, copy=False)
    date_closed = fields.Datetime("Closed on", readonly=True, copy=False, tracking=True)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("date_received")
    def _compute_date(self):
        for complaint in self:
            complaint.date = fields.Date.to_date(complaint.date_received)

    @api.depends("qty_defective", "qty_delivered")
    def _compute_defect_ratio(self):
        for complaint in self:
            delivered = complaint.qty_delivered
            complaint.defect_ratio = 100.0 * complaint.qty_defective / delivered if delivered else 0
            complaint.defect_ppm = 1e6 * complaint.qty_defective / delivered if delivered else 0

    @api.depends("is_repeat")
    def _compute_repeat_rate(self):
        for complaint in self:
            complaint.repeat_rate = 100.0 if complaint.is_repeat else 0.0

    @api.depends("state", "date_confirmed")
    def _compute_responsibility(self):
        for complaint in self:
            if complaint.state == "rejected":
                complaint.responsibility = "not_ours"
            elif complaint.date_confirmed:
                complaint.responsibility = "ours"
            else:
                complaint.responsibility = "pending"

    @api.depends("name")
    def _compute_display_name(self):
        for complaint in self:
            numbered = complaint.name and complaint.name != "/"
            complaint.display_name = complaint.name if numbered else self.env._("New")

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"
        return result

    # ------------------------------------------------------------------
    # Grouped KPIs
    # ------------------------------------------------------------------
    def _read_group_select(self, aggregate_spec, query):
        """The ratios of a group are the ratios of its sums: PPM = Σ defective /
        Σ delivered × 10⁶ (a complaint of 10 pieces does not weigh as much as one
        of 10,000), repeat rate = repeat complaints / complaints × 100."""
        fname, __, func = parse_read_group_spec(aggregate_spec)
        factor = {"defect_ppm": 1e6, "defect_ratio": 100.0}.get(fname)
        if factor and func == "avg":
            defective = self._field_to_sql(self._table, "qty_defective", query)
            delivered = self._field_to_sql(self._table, "qty_delivered", query)
            return SQL(
                "COALESCE(SUM(%s) * %s / NULLIF(SUM(%s), 0), 0)::float8",
                defective,
                factor,
                delivered,
            )
        if fname == "repeat_rate" and func == "avg":
            repeat = self._field_to_sql(self._table, "is_repeat", query)
            feedback_type = self._field_to_sql(self._table, "feedback_type", query)
            return SQL(
                "COALESCE(100.0 * COUNT(*) FILTER (WHERE %s)"
                " / NULLIF(COUNT(*) FILTER (WHERE %s = 'complaint'), 0), 0)::float8",
                repeat,
                feedback_type,
            )
        return super()._read_group_select(aggregate_spec, query)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("qty_defective", "qty_delivered", "return_qty")
    def _check_quantities(self):
        for complaint in self:
            if min(complaint.qty_defective, complaint.qty_delivered, complaint.return_qty) < 0:
                raise ValidationError(self.env._("Quantities cannot be negative."))
            if (
                complaint.qty_delivered
                and float_compare(complaint.qty_defective, complaint.qty_delivered, 6) > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The defective quantity (%(defective)s) exceeds the "
                        "delivered quantity (%(delivered)s).",
                        defective=complaint.qty_defective,
                        delivered=complaint.qty_delivered,
                    )
                )

    @api.constrains("lot_id", "product_id")
    def _check_lot(self):
        for complaint in self.sudo():
            if complaint.lot_id and complaint.lot_id.product_id != complaint.product_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s belongs to %(lot_product)s, not to %(product)s.",
                        lot=complaint.lot_id.name,
                        lot_product=complaint.lot_id.product_id.display_name,
                        product=complaint.product_id.display_name or self.env._("no product"),
                    )
                )

    @api.constrains("customer_due_date", "date_received")
    def _check_customer_due_date(self):
        for complaint in self:
            if complaint.customer_due_date and complaint.customer_due_date < fields.Date.to_date(
                complaint.date_received
            ):
                raise ValidationError(
                    self.env._(
                        "The customer's 8D date cannot be before the complaint was received."
                    )
                )

    @api.constrains("picking_id", "sale_order_id", "partner_id")
    def _check_documents_customer(self):
        for complaint in self.sudo():
            customer = complaint.commercial_partner_id
            for document in (complaint.picking_id, complaint.sale_order_id):
                if document and document.partner_id.commercial_partner_id != customer:
                    raise ValidationError(
                        self.env._(
                            "%(document)s is not a document of %(customer)s.",
                            document=document.display_name,
                            customer=customer.display_name,
                        )
                    )

    @api.constrains("contact_id", "partner_id")
    def _check_contact(self):
        for complaint in self.sudo():
            contact = complaint.contact_id
            if contact and contact.commercial_partner_id != complaint.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=contact.display_name,
                        customer=complaint.commercial_partner_id.display_name,
                    )
                )

    @api.constrains("picking_id")
    def _check_delivery(self):
        for complaint in self.sudo():
            if complaint.picking_id and complaint.picking_id.picking_type_code != "outgoing":
                raise ValidationError(
                    self.env._(
                        "%(picking)s is not a delivery to the customer.",
                        picking=complaint.picking_id.display_name,
                    )
                )

    @api.constrains("date_received")
    def _check_date_received(self):
        # a day of slack for clocks and time zones
        latest = fields.Datetime.now() + timedelta(days=1)
        for complaint in self:
            if complaint.date_received > latest:
                raise ValidationError(
                    self.env._(
                        "%(number)s cannot be received in the future (%(date)s).",
                        number=complaint.name,
                        date=complaint.date_received,
                    )
                )

    @api.constrains("title")
    def _check_title(self):
        for complaint in self:
            if not (complaint.title or "").strip():
                raise ValidationError(self.env._("Give the complaint a subject."))

    @api.constrains("user_id")
    def _check_internal_users(self):
        for complaint in self:
            if complaint.user_id.share:
                raise ValidationError(
                    self.env._("The improvement engineer must be an internal user.")
                )

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id:
            self.department_id = self.category_id.department_id
            self.user_id = self.category_id._responsible_user() or self.user_id

    @api.onchange("picking_id", "product_id")
    def _onchange_delivery(self):
        if self.picking_id and not self.sale_order_id:
            self.sale_order_id = self.picking_id.sale_id
        if self.picking_id and self.product_id:
            moves = self.picking_id.move_ids.filtered(lambda m: m.product_id == self.product_id)
            self.qty_delivered = sum(moves.mapped("quantity"))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._qms_check_input(*vals_list)  # the category is read before the ORM converts it
        for vals in vals_list:
            if not vals.get("partner_id"):
                raise ValidationError(self.env._("A complaint needs a customer."))
            category = self.env["qms.complaint.category"].browse(vals.get("category_id"))
            if category and not vals.get("department_id"):
                vals["department_id"] = category.department_id.id
            if category and not vals.get("user_id") and category._responsible_user():
                vals["user_id"] = category._responsible_user().id
        complaints = super(QmsComplaint, self._qms_input_trusted()).create(vals_list)
        complaints = complaints.with_env(self.env)
        complaints._on_receipt()
        return complaints

    def write(self, vals):
        result = super().write(vals)
        if "customer_due_date" in vals:
            for complaint in self.filtered("qms_deadline_ids"):
                complaint._qms_deadline_reschedule("report_8d", complaint._report_due())
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(complaint.state != "draft" for complaint in self):
            raise UserError(
                self.env._("A complaint that left “Received” is archived, never deleted.")
            )

    # ------------------------------------------------------------------
    # Intake
    # ------------------------------------------------------------------
    def _on_receipt(self):
        """Whatever the path in (form, portal, mail, RPC): the same deadlines and checks."""
        for complaint in self.filtered(lambda c: c.feedback_type == "complaint"):
            complaint._qms_deadline_open("report_8d", start=complaint.date_received)
            complaint._qms_deadline_reschedule("report_8d", complaint._report_due())
            complaint._qms_deadline_open("handling", start=complaint.date_received, optional=True)
            complaint._qms_deadline_open("closure", start=complaint.date_received, optional=True)
            complaint._mark_repeat()
        self.filtered(lambda c: c.feedback_type == "complaint")._check_severity()

    def _report_due(self):
        """3 working days after receipt; when the customer sets a date, that date,
        earlier or later (000 5.8.7: 应以客户要求的期限为准)."""
        self.ensure_one()
        deadline = self._qms_open_deadlines("report_8d")
        if not deadline:
            return None
        calendar = self.company_id._qms_calendar()
        standard = deadline._standard_due()
        if not self.customer_due_date:
            return standard
        zone = pytz.timezone(calendar.tz or "UTC")
        end_of_day = zone.localize(datetime.combine(self.customer_due_date, time(23, 59, 59)))
        customer = end_of_day.astimezone(pytz.utc).replace(tzinfo=None)
        return max(customer, deadline.start)

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to the complaints alias: a complaint from the sender's company."""
        author = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not author:
            author = self.env["res.partner"].find_or_create(msg_dict.get("email_from"))
        values = {
            "title": msg_dict.get("subject") or self.env._("Complaint by email"),
            "partner_id": author.commercial_partner_id.id,
            "contact_id": author.id,
            "channel": "email",
            "description": msg_dict.get("body"),
            **(custom_values or {}),
            # mail.thread would put the subject in the number: the sequence gives it
            "name": "/",
        }
        return super().message_new(msg_dict, custom_values=values)

    def _mark_repeat(self):
        self.ensure_one()
        if not self.product_id:
            return
        earlier = self.search_count(
            [
                ("id", "!=", self.id),
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("product_id", "=", self.product_id.id),
                ("feedback_type", "=", "complaint"),
                ("date_received", "<=", self.date_received),
            ],
            limit=1,
        )
        self._qms_workflow_write({"is_repeat": bool(earlier)})

    # ------------------------------------------------------------------
    # Triage actions
    # ------------------------------------------------------------------
    def action_confirm_defect(self):
        """The defect is confirmed and ours: the 8D starts, containment clocks run."""
        self._qms_ensure_state("draft")
        now = fields.Datetime.now()
        for complaint in self:
            if complaint.feedback_type not in EIGHT_D_TYPES:
                raise UserError(self.env._("Only complaints run an 8D."))
            complaint._qms_workflow_write({"state": "in_progress", "date_confirmed": now})
            complaint._create_steps()
            complaint._qms_deadline_open("notify", start=now)
            complaint._qms_deadline_open("containment", start=now)
            complaint._complete_step("d0")
        return True

    def action_not_responsible(self, explanation):
        """Not our responsibility: explain to the customer and close, keeping everything."""
        self._qms_ensure_state("draft", "in_progress")
        if not isinstance(explanation, str) or not explanation.strip():
            raise UserError(self.env._("Explain to the customer why it is not our responsibility."))
        for complaint in self:
            complaint._qms_workflow_write(
                {
                    "state": "rejected",
                    "date_closed": fields.Datetime.now(),
                    "not_ours_explanation": explanation,
                }
            )
            complaint._qms_deadline_cancel()
            complaint._cancel_follow_ups()
            complaint.message_post(
                body=explanation,
                subject=self.env._("%(number)s: not our responsibility", number=complaint.name),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=complaint.partner_id.ids,
            )
        return True

    def action_answer(self):
        """Consultations, suggestions and praise close once answered."""
        self._qms_ensure_state("draft")
        for complaint in self:
            if complaint.feedback_type == "complaint":
                raise UserError(self.env._("A complaint closes through its 8D."))
            complaint._qms_workflow_write({"state": "closed", "date_closed": fields.Datetime.now()})
            complaint._qms_deadline_close()
        return True

    def action_cancel(self, reason=None):
        """Logged by mistake or withdrawn by the customer: cancelled with its reason,
        its deadlines and planned callbacks cancelled, nothing deleted."""
        self._qms_ensure_state("draft", "in_progress")
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason why the complaint is cancelled."))
        for complaint in self:
            complaint._qms_workflow_write({"state": "cancelled", "cancel_reason": reason})
            complaint._qms_deadline_cancel()
            complaint._cancel_follow_ups()
            complaint.message_post(
                body=self.env._("Cancelled: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _cancel_follow_ups(self):
        """What a complaint that stops without being closed still had planned
        (open actions, callbacks): the concerns extend this."""
        return None

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _qms_deadline_owner(self, kind):
        """The engineer; for a portal or mail complaint nobody picked up yet,
        the category's responsible, else the company's escalation user."""
        self.ensure_one()
        return (
            self.user_id
            or (self.category_id and self.category_id._responsible_user())
            or self.company_id.qms_escalation_user_id
        )

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        """A user without an e-mail address still saves a complaint and moves it
        through the 8D: what is posted on its behalf keeps the user as author and
        goes out from the company's address (else OdooBot's), instead of failing."""
        author_id, email_from = super()._message_compute_author(
            author_id=author_id, email_from=email_from, raise_on_email=False
        )
        if not email_from:
            company = self.company_id[:1] or self.env.company
            email_from = company.partner_id.email_formatted or self._system_author().email_formatted
        if not email_from:  # nobody to send from: mail's own error
            return super()._message_compute_author(author_id, email_from, raise_on_email)
        return author_id, email_from

    def _system_author(self):
        """Who writes what a complaint records by itself (severity, escalations):
        OdooBot, never the user who happened to save."""
        return self.env.ref("base.partner_root")

    def _get_report_base_filename(self):
        self.ensure_one()
        return f"8D-{self.name}"
