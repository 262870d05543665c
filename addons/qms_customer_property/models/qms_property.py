from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero

STATES = [
    ("draft", "Announced"),
    ("received", "Received, to inspect"),
    ("accepted", "Accepted"),
    ("nonconforming", "Nonconforming, isolated"),
    ("returned", "Returned to the customer"),
    ("archived", "Archived"),
    ("cancelled", "Cancelled"),
]
# What we hold for the customer (portal, partner button, counts).
HELD_STATES = ("received", "accepted", "nonconforming")
# the activity that asks sales to agree a receipt difference with the customer
DIFFERENCE_ACTIVITY = "qms_customer_property.mail_activity_receipt_difference"
CONDITIONS = [
    ("good", "Good"),
    ("worn", "Worn"),
    ("damaged", "Damaged"),
    ("unusable", "Unusable"),
]
END_DISPOSITIONS = [
    ("return", "Return to the customer"),
    ("archive", "Archive (keep on file)"),
]


class QmsProperty(models.Model):
    """An item of customer property (IATF 16949 8.5.3, procedure 004/022/21).

    This file: the register (fields, constraints, state and its actions).
    Stock (receipt, isolation, return, quantities) is in
    ``qms_property_stock.py``; tooling and gauges in ``qms_property_equipment.py``.
    """

    _name = "qms.property"
    _description = "Customer Property"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {
        "kind_id": ("draft",),
        "partner_id": ("draft",),
        "product_id": ("draft",),
        "qty_announced": ("draft",),
    }
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.inspection.mixin",
        "qms.capa.mixin",
        "qms.loan.mixin",
        "qms.portal.fields.mixin",
        "qms.workflow.mixin",
    ]
    _qms_workflow_fields = (
        "state",
        "name",
        "date_received",
        "date_closed",
        "location_id",
        "date_last_check",
    )
    _qms_portal_fields = (
        "active",
        "name",
        "title",
        "state",
        "kind_id",
        "category",
        "partner_id",
        "commercial_partner_id",
        "company_id",
        "date_received",
        "date_expiry",
        "qty_on_hand",
        "uom_id",
        "product_id",
        "access_url",
        "access_token",
        "access_warning",
    )
    _order = "id desc"
    _qms_sequence_code = "qms.property"
    _rec_names_search = ["name", "title"]

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    title = fields.Char("Description", required=True, tracking=True)
    kind_id = fields.Many2one(
        "qms.property.kind", required=True, tracking=True, ondelete="restrict"
    )
    category = fields.Selection(related="kind_id.category", store=True)
    custodian_department = fields.Selection(related="kind_id.custodian_department", store=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    customer_short_name = fields.Char(
        related="commercial_partner_id.qms_short_name", string="Customer short name"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Custodian",
        tracking=True,
        domain=[("share", "=", False)],
        compute="_compute_user_id",
        store=True,
        readonly=False,
        help="Keeps the item, consents to its loans and owns its deadlines.",
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, copy=False, tracking=True, index=True
    )
    date_received = fields.Datetime("Received on", readonly=True, copy=False, tracking=True)
    date_closed = fields.Datetime("Closed on", readonly=True, copy=False)
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Order",
        domain="[('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
        help="The order the customer supplies this property for (contract terms).",
    )
    customer_ref = fields.Char("Customer delivery list", help="Number of the customer's list.")
    specification = fields.Char(help="Specification / model on the customer's delivery list.")
    product_id = fields.Many2one(
        "product.product",
        domain=[("is_storable", "=", True)],
        help="For property held as stock: the product its quants are counted in.",
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    qty_announced = fields.Float(
        "Quantity on the delivery list", digits="Product Unit of Measure", tracking=True
    )
    difference_note = fields.Text(
        "Receipt differences",
        help="Differences against the customer's delivery list and what was agreed.",
        groups="qms_base.group_qms_user",
    )
    date_expiry = fields.Date("Expiry date", tracking=True)
    date_last_check = fields.Date("Last spot check", readonly=True, copy=False)
    is_expired = fields.Boolean(compute="_compute_is_expired", search="_search_is_expired")
    condition = fields.Selection(CONDITIONS, default="good", tracking=True)
    storage_conditions = fields.Text(help="Storage and use conditions agreed with the customer.")
    end_disposition = fields.Selection(
        END_DISPOSITIONS,
        string="At project end",
        tracking=True,
        help="What the customer chose for the end of the project: returned to it, or archived.",
    )
    note = fields.Html(groups="qms_base.group_qms_user")
    incident_ids = fields.One2many("qms.property.incident", "property_id", string="Incidents")
    incident_count = fields.Integer(compute="_compute_incident_count")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("kind_id")
    def _compute_user_id(self):
        for item in self:
            if not item.user_id:
                item.user_id = item.kind_id.custodian_user_id or (
                    self.env.user if not self.env.user.share else False
                )

    @api.depends("date_expiry")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for item in self:
            item.is_expired = bool(item.date_expiry and item.date_expiry <= today)

    def _search_is_expired(self, operator, value):
        today = fields.Date.context_today(self)
        positive = (operator == "=") == bool(value)
        if positive:
            return [("date_expiry", "<=", today)]
        return ["|", ("date_expiry", "=", False), ("date_expiry", ">", today)]

    @api.depends("incident_ids")
    def _compute_incident_count(self):
        for item in self:
            item.incident_count = len(item.incident_ids)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for item in self:
            item.access_url = f"/my/property/{item.id}"
        return result

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("qty_announced")
    def _check_quantities(self):
        for item in self:
            if item.qty_announced < 0:
                raise ValidationError(self.env._("Quantities cannot be negative."))

    @api.constrains("kind_id", "product_id")
    def _check_stock_product(self):
        for item in self:
            if item.category == "stock" and not item.product_id:
                raise ValidationError(
                    self.env._(
                        "%(kind)s is held as stock: choose the product it is counted in.",
                        kind=item.kind_id.name,
                    )
                )

    @api.constrains("sale_order_id", "partner_id")
    def _check_order_customer(self):
        for item in self.sudo():
            order = item.sale_order_id
            if order and order.partner_id.commercial_partner_id != item.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(order)s is not an order of %(customer)s.",
                        order=order.display_name,
                        customer=item.commercial_partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("partner_id"):
                raise ValidationError(self.env._("Customer property needs a customer."))
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(item.state not in ("draft", "cancelled") for item in self):
            raise UserError(self.env._("Property that was received is archived, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_receive(self):
        """Items that are not stock (tools, drawings…) are received here;
        stock arrives through its receipt (``action_create_receipt``)."""
        self._qms_ensure_state("draft")
        for item in self:
            if item.category == "stock":
                raise UserError(
                    self.env._(
                        "%(number)s is stock: it is received when its receipt is validated.",
                        number=item.name,
                    )
                )
        self._on_received()
        return True

    def _on_received(self):
        for item in self:
            item._qms_workflow_write({"state": "received", "date_received": fields.Datetime.now()})
            if item._receipt_difference_open():
                item._schedule_difference_negotiation()
            if item.kind_id.inspection_required:
                item._start_inspection()
            else:
                item._qms_workflow_write({"state": "accepted"})

    def action_inspect(self):
        """A new incoming inspection (e.g. a re-inspection the customer asked for)."""
        self._qms_ensure_state("received", "nonconforming")
        for item in self:
            if item.state == "nonconforming":
                item._qms_workflow_write({"state": "received"})
            item._start_inspection()
        return True

    def _start_inspection(self):
        self.ensure_one()
        test = self.company_id.qms_property_inspection_test_id or self.env.ref(
            "qms_customer_property.qc_test_property_receipt", raise_if_not_found=False
        )
        if not test:
            raise UserError(self.env._("Choose the incoming inspection test in the settings."))
        qty = self.qty_received if self.category == "stock" else 1.0
        return self._qms_inspection_create(test, qty=qty or 1.0)

    def _qms_inspection_finished(self, inspections):
        for item in self.filtered(lambda i: i.state == "received"):
            result = item.qms_inspection_result
            if result == "passed" and item._receipt_difference_open():
                item.message_post(
                    body=self.env._(
                        "Incoming inspection passed. The property is accepted once the "
                        "difference against the delivery list is agreed with the customer."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            elif result == "passed":
                item.action_accept()
            elif result == "failed":
                item.action_reject()

    def action_accept(self):
        self._qms_ensure_state("received")
        for item in self:
            if item.kind_id.inspection_required and item.qms_inspection_result != "passed":
                raise UserError(
                    self.env._(
                        "%(number)s: the incoming inspection must pass first.", number=item.name
                    )
                )
            if item._receipt_difference_open():
                raise UserError(
                    self.env._(
                        "%(number)s: %(received)s received against %(listed)s on the customer's "
                        "delivery list. Record what was agreed with the customer about the "
                        "difference first.",
                        number=item.name,
                        received=item.qty_received,
                        listed=item.qty_announced,
                    )
                )
        self._qms_workflow_write({"state": "accepted"})
        self.activity_feedback(
            [DIFFERENCE_ACTIVITY], feedback=self.env._("Difference agreed; property accepted.")
        )
        return True

    def _receipt_difference_open(self):
        """Received differs from the customer's delivery list and nothing agreed yet."""
        self.ensure_one()
        rounding = self.product_id.uom_id.rounding or 0.01
        return (
            not float_is_zero(self.qty_difference, precision_rounding=rounding)
            and not (self.sudo().difference_note or "").strip()
        )

    def _schedule_difference_negotiation(self):
        """差异协商: the customer's salesperson settles the difference with the customer."""
        self.ensure_one()
        self.activity_schedule(
            DIFFERENCE_ACTIVITY,
            user_id=(self.commercial_partner_id.user_id or self.user_id or self.env.user).id,
            note=self.env._(
                "%(item)s: %(received)s received, %(listed)s on delivery list %(list)s. "
                "Agree the difference with the customer and record it.",
                item=self.display_name,
                received=self.qty_received,
                listed=self.qty_announced,
                list=self.customer_ref or "-",
            ),
        )

    def action_reject(self):
        """Nonconforming: isolated, and the customer is told (nonconforming report)."""
        self._qms_ensure_state("received")
        self._qms_workflow_write({"state": "nonconforming"})
        for item in self:
            item._isolate()
            item._notify_customer("qms_customer_property.mail_template_property_nonconforming")
        return True

    def action_spot_check(self):
        self._qms_ensure_state("accepted", "nonconforming")
        self._qms_workflow_write({"date_last_check": fields.Date.context_today(self)})
        for item in self:
            item.message_post(body=self.env._("Spot check done."))
        return True

    def action_return(self):
        """Back to the customer: stock goes out on a return transfer (owner kept)."""
        self._qms_ensure_state("received", "accepted", "nonconforming")
        self._check_not_lent()
        for item in self:
            if item.category == "stock" and item.qty_on_hand:
                item._create_return()
            else:
                item._qms_workflow_write(
                    {"state": "returned", "date_closed": fields.Datetime.now()}
                )
        return True

    def action_archive_property(self):
        """End of project, the customer chose to have it archived (kept on file)."""
        self._qms_ensure_state("accepted", "nonconforming")
        self._check_not_lent()
        self._qms_workflow_write({"state": "archived", "date_closed": fields.Datetime.now()})
        return True

    def action_end_project(self):
        """Checked at project end, then returned or archived as the customer chose."""
        for item in self:
            if not item.end_disposition:
                raise UserError(
                    self.env._(
                        "%(number)s: record what the customer chose for the end of the project.",
                        number=item.name,
                    )
                )
            if item.end_disposition == "return":
                item.action_return()
            else:
                item.action_archive_property()
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft")
        self._qms_workflow_write({"state": "cancelled"})
        return True

    def action_view_incidents(self):
        self.ensure_one()
        return self.incident_ids._get_records_action(
            name=self.env._("Incidents"),
            context={"default_property_id": self.id, "default_partner_id": self.partner_id.id},
        )

    def action_report_incident(self):
        """Loss, damage or unsuitability found: a new incident of this item."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "qms.property.incident",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_property_id": self.id, "default_partner_id": self.partner_id.id},
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_not_lent(self):
        """An item requested or lent out is not returned or archived before it is back."""
        for item in self:
            if item.qms_loan_state != "available":
                raise UserError(
                    self.env._(
                        "%(item)s is lent out (or requested): it must be back first.",
                        item=item.display_name,
                    )
                )

    def action_request_loan(self):
        """借用登记: ask the custodian to lend the item (drawing, prototype, tool)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Borrow %(item)s", item=self.display_name),
            "res_model": "qms.property.loan.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_property_id": self.id},
        }

    def _qms_loan_request(self, borrower, purpose, kind_code=None, custodian=None, partner=None):
        """The item's own loan kind (drawing, prototype, tool) and its custodian's consent."""
        self.ensure_one()
        self._check_can_issue()
        return super()._qms_loan_request(
            borrower,
            purpose,
            kind_code=kind_code or self.kind_id.loan_kind_code or "default",
            custodian=custodian or self.user_id or None,
            partner=partner,
        )

    def _qms_loan_check_lend(self, loan):
        """Our rule: a tool or gauge whose calibration is overdue is not issued."""
        self._check_can_issue()

    def _notify_customer(self, template_xmlid):
        self.ensure_one()
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if template:
            self.message_post_with_source(template, subtype_xmlid="mail.mt_comment")

    def _qms_deadline_company(self):
        self.ensure_one()
        return self.company_id

    @api.model
    def _cron_check_expiry(self):
        """Expired material → a re-inspection task for QA (once per item and expiry date)."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        items = self.search([("state", "in", ("accepted", "received")), ("is_expired", "=", True)])
        for item in items:
            summary = self.env._("Re-inspect expired property")
            if item.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                continue
            qa_user = item.company_id.qms_property_qa_user_id or item.user_id or self.env.user
            item.activity_schedule(
                activity_type_id=activity_type.id,
                summary=summary,
                note=self.env._(
                    "%(item)s expired on %(date)s: re-inspect it before use.",
                    item=item.display_name,
                    date=item.date_expiry,
                ),
                user_id=qa_user.id,
            )
        return True
