from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_service_level import TARGET_KINDS, URGENCIES

CHANNELS = [
    ("phone", "Hotline"),
    ("email", "Email"),
    ("portal", "Portal"),
    ("visit", "Visit"),
    ("api", "Other system (RPC)"),
    ("other", "Other"),
]
STATES = [
    ("new", "Received"),
    ("accepted", "Accepted"),
    ("in_progress", "In progress"),
    ("resolved", "Resolved"),
    ("follow_up", "Follow-up"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
# 002 POIS: what the engineer found; "resolved" closes by itself, the others
# need a follow-up and a manual close.
RESULTS = [
    ("resolved", "Resolved"),
    ("observation", "Resolved – under observation"),
    ("analysis", "Taken back for analysis"),
    ("development", "Handed to development"),
]
OPEN_STATES = ("new", "accepted", "in_progress", "resolved", "follow_up")


class QmsServiceRequest(models.Model):
    """An after-sales service request: one record per problem (002 POIS).

    This file: intake (fields, constraints, create/write, the SLA deadlines)
    and the state with its actions. Work records, results and closure,
    qualification, audit and KPIs extend it in ``qms_service_request_<concern>.py``.
    """

    _name = "qms.service.request"
    _description = "Service Request"
    # What the form shows read-only once the record has left new.
    _qms_frozen_fields = {"partner_id": ("new",)}
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.portal.fields.mixin",
        "qms.workflow.mixin",
    ]
    _order = "date_received desc, id desc"
    _qms_sequence_code = "qms.service.request"
    # the number, the state and the dates it records: written by the action methods only
    _qms_workflow_fields = (
        "state",
        "name",
        "result",
        "date_accepted",
        "date_responded",
        "date_onsite",
        "date_resolved",
        "date_closed",
        "date_customer_accepted",
        "development_ref",
        "development_id",
        "reopen_count",
        "customer_feedback",
        "duplicate_of_id",
    )
    _mail_post_access = "read"
    # What the customer reads of its request; everything else is internal.
    _qms_portal_fields = (
        "name",
        "title",
        "state",
        "channel",
        "date_received",
        "partner_id",
        "commercial_partner_id",
        "contact_id",
        "project_name",
        "product_id",
        "lot_id",
        "problem",
        "special_requirements",
        "date_required",
        "urgency",
        "result",
        "resolution",
        "expected_resolution",
        "date_resolved",
        "date_closed",
        "date_customer_accepted",
        "customer_feedback",
        "duplicate_of_id",
        "company_id",
        "access_url",
        "access_warning",
        "active",
    )

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    state = fields.Selection(
        STATES, required=True, default="new", readonly=True, copy=False, tracking=True, index=True
    )
    date_received = fields.Datetime(
        "Received on", required=True, default=fields.Datetime.now, tracking=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    contact_id = fields.Many2one(
        "res.partner",
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
    )
    contact_phone = fields.Char("Contact phone")
    project_name = fields.Char("Project")
    lead_ref = fields.Char(
        "Lead / opportunity", help="The sales lead or opportunity of the project."
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale order",
        domain="[('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    product_id = fields.Many2one("product.product", string="Product / equipment", tracking=True)
    lot_id = fields.Many2one(
        "stock.lot", string="Serial number", domain="[('product_id', '=', product_id)]"
    )
    title = fields.Char("Subject", required=True, tracking=True)
    problem = fields.Html(required=True)
    special_requirements = fields.Text("Special requirements")
    date_required = fields.Datetime("Required by", tracking=True)
    urgency = fields.Selection(
        URGENCIES, required=True, default="normal", tracking=True, index=True
    )
    is_quality_problem = fields.Boolean(
        "Quality problem",
        tracking=True,
        help="004 4.2.2: a quality problem always brings someone on site.",
    )
    level_id = fields.Many2one(
        "qms.service.level",
        string="Service level",
        tracking=True,
        help="Empty: the standard level (or the one of the customer's service contract).",
    )
    effective_level_id = fields.Many2one(
        "qms.service.level", string="SLA level", compute="_compute_effective_level_id"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Service engineer",
        tracking=True,
        domain=[("share", "=", False)],
        index=True,
    )
    result = fields.Selection(RESULTS, readonly=True, copy=False, tracking=True)
    resolution = fields.Html("Solution")
    expected_resolution = fields.Datetime(
        "Expected resolution",
        compute="_compute_expected_resolution",
        help="When the customer can expect the problem solved: the resolution target.",
    )
    date_accepted = fields.Datetime("Accepted on", readonly=True, copy=False)
    date_responded = fields.Datetime("Replied on", readonly=True, copy=False)
    date_onsite = fields.Datetime("On site on", readonly=True, copy=False)
    date_resolved = fields.Datetime("Resolved on", readonly=True, copy=False, tracking=True)
    date_closed = fields.Datetime("Closed on", readonly=True, copy=False, tracking=True)
    date_customer_accepted = fields.Datetime(
        "Accepted by the customer on", readonly=True, copy=False, tracking=True
    )
    development_ref = fields.Char(
        "Development request number",
        readonly=True,
        copy=False,
        groups="qms_base.group_qms_user",
    )
    is_misuse = fields.Boolean(
        "Misuse",
        tracking=True,
        help="004 4.2.3: the problem comes from improper use by the customer.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Files from the customer")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("level_id")
    def _compute_effective_level_id(self):
        for request in self:
            request.effective_level_id = request._service_level()

    @api.depends("qms_deadline_ids.due", "qms_deadline_ids.state")
    def _compute_expected_resolution(self):
        for request in self:
            rows = request.sudo().qms_deadline_ids.filtered(
                lambda d: d.kind_id.code == "resolution" and d.state != "cancelled"
            )
            request.expected_resolution = rows[:1].due if rows else False

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/service-requests/{request.id}"
        return result

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("lot_id", "product_id")
    def _check_lot(self):
        for request in self.sudo():
            if request.lot_id and request.lot_id.product_id != request.product_id:
                raise ValidationError(
                    self.env._(
                        "Serial number %(lot)s belongs to %(lot_product)s, not to %(product)s.",
                        lot=request.lot_id.name,
                        lot_product=request.lot_id.product_id.display_name,
                        product=request.product_id.display_name or self.env._("no product"),
                    )
                )

    @api.constrains("date_required", "date_received")
    def _check_date_required(self):
        for request in self:
            if request.date_required and request.date_required < request.date_received:
                raise ValidationError(
                    self.env._(
                        "%(number)s: the required date cannot be before the request was received.",
                        number=request.name,
                    )
                )

    @api.constrains("sale_order_id", "contact_id", "partner_id")
    def _check_documents_customer(self):
        for request in self.sudo():
            customer = request.commercial_partner_id
            for document in (request.sale_order_id, request.contact_id):
                partner = document.partner_id if document._name == "sale.order" else document
                if document and partner.commercial_partner_id != customer:
                    raise ValidationError(
                        self.env._(
                            "%(document)s does not belong to %(customer)s.",
                            document=document.display_name,
                            customer=customer.display_name,
                        )
                    )

    @api.constrains("user_id", "company_id")
    def _check_engineer_qualified(self):
        """002 附件5: only an engineer who passed the service training exam."""
        Qualification = self.env["qms.service.qualification"]
        for request in self.filtered("user_id"):
            company = request.company_id
            if not company.qms_service_require_qualification:
                continue
            if not Qualification._qualified_users(request.user_id, company):
                raise ValidationError(
                    self.env._(
                        "%(engineer)s has not passed the service training exam: "
                        "only qualified engineers are assigned to service requests.",
                        engineer=request.user_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("partner_id"):
                raise ValidationError(self.env._("A service request needs a customer."))
        requests = super().create(vals_list)
        requests._on_receipt()
        requests._note_duplicates()
        return requests

    def write(self, vals):
        result = super().write(vals)
        if {"urgency", "level_id"} & set(vals):
            self._sla_reschedule()
        if "user_id" in vals:
            self._sla_reassign()
        if vals.get("is_quality_problem"):
            self.filtered(lambda r: r.state in ("new", "accepted", "in_progress"))._open_onsite()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_new(self):
        if any(request.state != "new" for request in self):
            raise UserError(
                self.env._("A service request that left “Received” is archived, never deleted.")
            )

    # ------------------------------------------------------------------
    # Intake: form, hotline, portal, mail alias and RPC all end here
    # ------------------------------------------------------------------
    def _on_receipt(self):
        """The SLA of a new request: reply, resolution, closure cycle, and on
        site at once for a quality problem (004 4.2.2)."""
        for request in self:
            start = request.date_received
            for code in ("response", "resolution"):
                request._qms_deadline_open(code, start=start, due=request._sla_due(code, start))
            request._qms_deadline_open("closure", start=start, due=request._closure_due())
        self.filtered("is_quality_problem")._open_onsite()

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to the service@ alias: a request from the sender's company."""
        author = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not author:
            author = self.env["res.partner"].find_or_create(msg_dict.get("email_from"))
        values = {
            "title": msg_dict.get("subject") or self.env._("Service request by email"),
            "partner_id": author.commercial_partner_id.id,
            "contact_id": author.id,
            "channel": "email",
            "problem": msg_dict.get("body") or msg_dict.get("subject") or "-",
            **(custom_values or {}),
            # mail.thread would put the subject in the number: the sequence gives it
            "name": "/",
        }
        return super().message_new(msg_dict, custom_values=values)

    # ------------------------------------------------------------------
    # SLA
    # ------------------------------------------------------------------
    def _service_level(self):
        """The level that governs this request's SLA: its own, else the standard
        level. (qms_service_contract: the level of the covering contract.)"""
        self.ensure_one()
        return self.level_id or self.env["qms.service.level"]._standard()

    def _sla_due(self, code, start):
        """When SLA target ``code`` (response, onsite, resolution) falls for a
        start at ``start``: the level's working hours for the urgency, else the
        deadline kind's duration; on the company's working calendar."""
        self.ensure_one()
        kind = self._qms_deadline_kind(code)
        calendar = self.company_id._qms_calendar()
        hours = self._service_level()._target_hours(self.urgency, code)
        if hours is None:
            return kind._due_from(calendar, start)
        return kind._add_duration(calendar, start, hours, "working_hours")

    def _closure_due(self):
        """002 POIS: the closure cycle, in calendar months from the receipt."""
        self.ensure_one()
        return self.date_received + relativedelta(months=self.company_id.qms_service_closure_months)

    def _open_onsite(self, start=None):
        """Someone must be on site within the level's hours (004 4.2.2)."""
        for request in self.filtered(lambda r: not r.date_onsite):
            moment = start or fields.Datetime.now()
            request._qms_deadline_open(
                "onsite", start=moment, due=request._sla_due("onsite", moment)
            )

    def _sla_reschedule(self):
        """The urgency or the level changed: the open SLA rows follow."""
        for request in self:
            for deadline in request._qms_open_deadlines().filtered(
                lambda d: d.kind_id.code in TARGET_KINDS
            ):
                deadline._reschedule(request._sla_due(deadline.kind_id.code, deadline.start))

    def _sla_reassign(self):
        """The engineer owns the open SLA rows from the assignment on."""
        for request in self:
            deadlines = request._qms_open_deadlines().filtered(
                lambda d: d.kind_id.code != "auto_close"
            )
            owner = request._qms_deadline_owner(None)
            if owner and deadlines:
                deadlines.write({"owner_id": owner.id})

    def _qms_deadline_owner(self, kind):
        """The engineer; before the assignment the service dispatcher (the
        hotline), else whoever logged the request. The automatic close has none."""
        self.ensure_one()
        if kind and kind.code == "auto_close":
            return self.env["res.users"]
        return (
            self.user_id
            or self.company_id.qms_service_dispatcher_id
            or (self.create_uid if not self.create_uid.share else self.env["res.users"])
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_accept(self):
        """Accepted with an engineer: the customer is answered with the
        expected resolution time (工程项目售后服务流程规范 3), which is the reply."""
        self._qms_ensure_state("new")
        for request in self:
            if not request.user_id:
                raise UserError(
                    self.env._("%(number)s: assign a service engineer first.", number=request.name)
                )
        now = fields.Datetime.now()
        self._qms_workflow_write({"state": "accepted", "date_accepted": now, "date_responded": now})
        self._qms_deadline_close("response", done=now)
        template = self.env.ref(
            "qms_service.mail_template_service_accepted", raise_if_not_found=False
        )
        for request in self:
            if template:
                request.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return True

    def action_start(self):
        """The engineer starts working on the problem."""
        self._qms_ensure_state("accepted")
        self._qms_workflow_write({"state": "in_progress"})
        return True

    def action_require_onsite(self):
        """The phone cannot solve it: on site within the level's hours (004 4.2.2)."""
        self._qms_ensure_state("new", "accepted", "in_progress")
        already = self.filtered("date_onsite")
        if already:
            raise UserError(
                self.env._("%(number)s: the engineer is on site already.", number=already[0].name)
            )
        self._open_onsite()
        return True

    def action_cancel(self):
        """A duplicate or a request withdrawn by the customer."""
        self._qms_ensure_state("new", "accepted", "in_progress")
        self._qms_workflow_write({"state": "cancelled"})
        self._qms_deadline_cancel()
        return True
