from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_service_level import URGENCIES

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

# Written by the action methods only (under WORKFLOW_KEY in the context).
WORKFLOW_FIELDS = {
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
}
WORKFLOW_KEY = "_qms_service_workflow"
# An object, not a string: an RPC call cannot pass it in its context.
WORKFLOW_TOKEN = object()


class QmsServiceRequest(models.Model):
    """An after-sales service request: one record per problem (002 POIS).

    This file: intake (fields, constraints, create/write, the SLA deadlines)
    and the state with its actions. Work records, results and closure,
    qualification, audit and KPIs extend it in ``qms_service_request_<concern>.py``.
    """

    _name = "qms.service.request"
    _description = "Service Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
    ]
    _order = "date_received desc, id desc"
    _qms_sequence_code = "qms.service.request"
    _mail_post_access = "read"

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
        string="Contact",
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
    problem = fields.Html("Problem", required=True)
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
    development_ref = fields.Char("Development request", readonly=True, copy=False)
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

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("partner_id"):
                raise ValidationError(self.env._("A service request needs a customer."))
            self._check_workflow_values(
                {
                    name: value
                    for name, value in vals.items()
                    if value
                    and not (name == "name" and value == "/")
                    and not (name == "state" and value == "new")
                }
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_values(vals)
        return super().write(vals)

    def _check_workflow_values(self, vals):
        """The number, the state and the dates it records change through the
        action methods only."""
        if self.env.context.get(WORKFLOW_KEY) is WORKFLOW_TOKEN:
            return
        refused = sorted(WORKFLOW_FIELDS & set(vals))
        if refused:
            raise UserError(
                self.env._(
                    "%(fields)s of a service request change only through its buttons "
                    "(accept, record the result, close…), never directly.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in refused
                    ),
                )
            )

    def _workflow_write(self, vals):
        """Write workflow fields (state, number, dates): for the action methods."""
        return self.with_context(**{WORKFLOW_KEY: WORKFLOW_TOKEN}).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_new(self):
        if any(request.state != "new" for request in self):
            raise UserError(
                self.env._("A service request that left “Received” is archived, never deleted.")
            )

    # ------------------------------------------------------------------
    # SLA
    # ------------------------------------------------------------------
    def _service_level(self):
        """The level that governs this request's SLA: its own, else the standard
        level. (qms_service_contract: the level of the covering contract.)"""
        self.ensure_one()
        return self.level_id or self.env["qms.service.level"]._standard()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _ensure_state(self, *states):
        for request in self:
            if request.state not in states:
                raise UserError(
                    self.env._(
                        "%(number)s is “%(state)s”: this action is not possible now.",
                        number=request.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            request.state
                        ],
                    )
                )
