from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ("draft", "Draft"),
    ("active", "In force"),
    ("ended", "Ended"),
    ("cancelled", "Cancelled"),
]
COVERAGE = [
    ("none", "Not covered"),
    ("not_started", "Not started"),
    ("free", "Free maintenance"),
    ("paid", "Paid maintenance"),
    ("expired", "Expired"),
]
# What the coverage of the customer's service requests depends on.
COVERAGE_FIELDS = frozenset(
    {"state", "partner_id", "company_id", "date_free_start", "free_months", "active"}
)
PROJECT_CLASSES = [("a", "Class A"), ("b", "Class B"), ("c", "Class C")]


class QmsServiceContract(models.Model):
    """A service (maintenance) contract: the customer's covered products and
    equipment, the free maintenance period that starts at the customer's
    acceptance (002 一), the paid maintenance periods after it, the SLA level,
    the sale order, renewal reminders and the communication cadence (003 4.3.2).

    This file: the contract, its periods and its coverage. The cadence, the
    warranty callback and the renewal live in ``qms_service_contract_follow_up.py``.
    """

    _name = "qms.service.contract"
    _description = "Service Contract"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {"date_acceptance": ("draft",), "free_months": ("draft",)}
    _inherit = [
        "qms.frozen.mixin",
        "qms.workflow.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.callback.mixin",
        "qms.portal.fields.mixin",
    ]
    _order = "date_free_start desc, id desc"
    _qms_sequence_code = "qms.service.contract"
    # What /my/service-contracts shows the customer; every other field is internal.
    _qms_portal_fields = (
        "name",
        "project_name",
        "state",
        "active",
        "company_id",
        "partner_id",
        "commercial_partner_id",
        "contact_id",
        "engineer_id",
        "level_id",
        "date_free_start",
        "date_free_end",
        "date_end",
        "coverage_state",
        "line_ids",
        "period_ids",
        "access_url",
        "access_warning",
    )
    _qms_workflow_fields = frozenset(
        {
            "state",
            "name",
            "date_free_start",
            "date_ended",
            "date_last_contact",
            "date_next_contact",
            "renewal_order_id",
        }
    )

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Customer company",
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Customer contact",
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
        help="The customer's person in charge (e.g. head of IT), called back and sent the notices.",
    )
    project_name = fields.Char("Project", tracking=True)
    project_code = fields.Char("Project number")
    project_class = fields.Selection(
        PROJECT_CLASSES,
        default="b",
        required=True,
        help="Class-A projects get one warranty callback planned within a month of the "
        "warranty start (003 4.4.1.1).",
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale order",
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
        tracking=True,
        groups="qms_base.group_qms_user",
    )
    level_id = fields.Many2one(
        "qms.service.level",
        string="SLA level",
        tracking=True,
        help="The response and resolution targets of this customer's service requests.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
        tracking=True,
        help="Quality control centre: follows the contract, its handover and its paperwork.",
        groups="qms_base.group_qms_user",
    )
    engineer_id = fields.Many2one(
        "res.users",
        string="Service engineer",
        domain=[("share", "=", False)],
        tracking=True,
        help="The engineer who looks after the customer (the quarterly callback draw is "
        "per engineer).",
    )
    customer_manager_id = fields.Many2one(
        "res.users",
        string="Customer manager",
        domain=[("share", "=", False)],
        help="客户经理: coordinates upgrades and receives the callback results.",
        groups="qms_base.group_qms_user",
    )
    salesperson_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        compute="_compute_salesperson_id",
        store=True,
        readonly=False,
        help="Brings the stamped contract back (contract paperwork).",
        groups="qms_base.group_qms_user",
    )
    line_ids = fields.One2many(
        "qms.service.contract.line", "contract_id", string="Covered products", copy=True
    )
    period_ids = fields.One2many(
        "qms.service.contract.period", "contract_id", string="Paid maintenance periods"
    )
    date_acceptance = fields.Date(
        "Customer acceptance", tracking=True, help="The free maintenance period starts on it."
    )
    free_months = fields.Integer(
        "Free maintenance (months)",
        default=lambda self: self.env.company.qms_service_free_months,
        tracking=True,
    )
    date_free_start = fields.Date("Free maintenance from", readonly=True, tracking=True)
    date_free_end = fields.Date(
        "Free maintenance until", compute="_compute_dates", store=True, tracking=True
    )
    date_end = fields.Date("Covered until", compute="_compute_dates", store=True)
    date_ended = fields.Date("Ended on", readonly=True)
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, readonly=True)
    coverage_state = fields.Selection(
        COVERAGE, string="Coverage today", compute="_compute_coverage_state"
    )

    @api.depends("sale_order_id.user_id")
    def _compute_salesperson_id(self):
        for contract in self:
            if contract.sale_order_id.user_id:
                contract.salesperson_id = contract.sale_order_id.user_id

    @api.depends("date_free_start", "free_months", "period_ids.date_end")
    def _compute_dates(self):
        for contract in self:
            free_end = (
                contract.date_free_start
                + relativedelta(months=contract.free_months)
                - timedelta(days=1)
                if contract.date_free_start and contract.free_months > 0
                else False
            )
            contract.date_free_end = free_end
            ends = [d for d in [free_end, *contract.period_ids.mapped("date_end")] if d]
            contract.date_end = max(ends) if ends else False

    @api.depends_context("date")
    @api.depends("state", "date_free_start", "date_free_end", "period_ids")
    def _compute_coverage_state(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.coverage_state = contract._coverage_on(today)

    @api.constrains("free_months")
    def _check_free_months(self):
        for contract in self:
            if contract.free_months < 0:
                raise ValidationError(
                    self.env._(
                        "%(contract)s: the free maintenance period cannot be negative.",
                        contract=contract.display_name,
                    )
                )

    @api.constrains("partner_id", "contact_id", "sale_order_id")
    def _check_customer(self):
        for contract in self:
            customer = contract.commercial_partner_id
            if contract.contact_id and contract.contact_id.commercial_partner_id != customer:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=contract.contact_id.display_name,
                        customer=customer.display_name,
                    )
                )
            order = contract.sale_order_id
            if order and order.partner_id.commercial_partner_id != customer:
                raise ValidationError(
                    self.env._(
                        "Sale order %(order)s is not an order of %(customer)s.",
                        order=order.name,
                        customer=customer.display_name,
                    )
                )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for contract in self:
            contract.access_url = f"/my/service-contracts/{contract.id}"
        return result

    @api.depends("name", "project_name")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = (
                f"{contract.name} {contract.project_name}"
                if contract.project_name
                else contract.name
            )

    def write(self, vals):
        # the customer's open requests look their contract up again
        customers = self.commercial_partner_id if COVERAGE_FIELDS & set(vals) else None
        result = super().write(vals)
        if customers is not None:
            self._coverage_changed(customers)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(contract.state != "draft" for contract in self):
            raise UserError(self.env._("A contract that was in force is archived, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_activate(self):
        """In force without a handover (e.g. a paid maintenance contract): the
        free maintenance period, if any, starts at the customer's acceptance."""
        self._qms_ensure_state("draft")
        for contract in self:
            if not contract.date_acceptance and not contract.period_ids:
                raise UserError(
                    self.env._(
                        "%(contract)s: give the customer's acceptance date or a paid "
                        "maintenance period first.",
                        contract=contract.display_name,
                    )
                )
            contract._start(contract.date_acceptance)
        return True

    def action_end(self):
        """The contract ended: its communication cadence and reminders stop."""
        self._qms_ensure_state("active")
        self._end()
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft")
        self._qms_workflow_write({"state": "cancelled"})
        self._qms_deadline_cancel()
        return True

    def action_reset_draft(self):
        self._qms_ensure_state("cancelled")
        self._qms_workflow_write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Coverage
    # ------------------------------------------------------------------
    def _coverage_on(self, day):
        """How the contract covers ``day``: free, paid, not started, expired."""
        self.ensure_one()
        if self.state != "active":
            return "expired" if self.state == "ended" else "none"
        if self.date_free_start and self.date_free_start <= day <= (self.date_free_end or day):
            return "free"
        for period in self.period_ids:
            if period.date_start <= day <= period.date_end:
                return "paid"
        starts = [d for d in [self.date_free_start, *self.period_ids.mapped("date_start")] if d]
        if starts and day < min(starts):
            return "not_started"
        return "expired" if self.date_end and day > self.date_end else "none"

    @api.model
    def _find_covering(self, partner, product=None, lot=None, day=None, company=None):
        """The contract of ``partner``'s company for ``product`` (and its serial
        number ``lot``): a line with that serial number first, then a line of
        the product without serial number; contracts covering ``day`` first."""
        if not partner:
            return self.browse()
        day = day or fields.Date.context_today(self)
        domain = [
            ("commercial_partner_id", "=", partner.commercial_partner_id.id),
            ("state", "in", ("active", "ended")),
        ]
        if company:
            domain.append(("company_id", "=", company.id))
        contracts = self.search(domain, order="date_end desc, id desc")
        ranked = contracts.sorted(lambda c: c._coverage_on(day) not in ("free", "paid"))

        def lines_of(contract):
            lines = contract.line_ids
            return lines.filtered(lambda line: line.product_id == product) if product else lines

        if lot:
            for contract in ranked:
                if any(line.lot_id == lot for line in lines_of(contract)):
                    return contract
        for contract in ranked:
            lines = lines_of(contract)
            if lines.filtered(lambda line: not line.lot_id) if product else lines:
                return contract
        return self.browse()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _start(self, day):
        """In force: the free maintenance period starts on ``day`` (acceptance)."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(
                self.env._(
                    "%(contract)s: list the covered products or equipment first.",
                    contract=self.display_name,
                )
            )
        values = {"state": "active"}
        if day and self.free_months:
            values["date_free_start"] = day
        self._qms_workflow_write(values)
        self._on_start()

    def _on_start(self):
        """Hook of the follow-ups (renewal, cadence, warranty callback)."""
        self._open_requests()._refresh_coverage()

    def _end(self):
        self._qms_workflow_write({"state": "ended", "date_ended": fields.Date.context_today(self)})
        self._on_end()

    def _on_end(self):
        """Hook of the follow-ups: stop them."""
        self._open_requests()._refresh_coverage()

    def _coverage_changed(self, customers=None):
        """Covered products, periods or the state changed: the open requests
        of the customers (and of ``customers``, the former ones) look their
        contract up again. A draft or cancelled contract covers nothing: its
        lines change no request."""
        covering = self.filtered(lambda c: c.state in ("active", "ended"))
        partners = covering.commercial_partner_id | (customers or self.env["res.partner"])
        if not partners:
            return
        self.env["qms.service.request"].sudo().search(
            [
                ("commercial_partner_id", "in", partners.ids),
                ("state", "not in", ("closed", "cancelled")),
            ]
        )._refresh_coverage()

    def _open_requests(self):
        """The customers' service requests still open (their coverage may change)."""
        return (
            self.env["qms.service.request"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                    ("state", "not in", ("closed", "cancelled")),
                ]
            )
        )

    def _local_datetime(self, day, hour=9):
        """Naive UTC of ``hour`` o'clock on ``day`` in the company's calendar zone."""
        self.ensure_one()
        zone = pytz.timezone(self.company_id._qms_calendar().tz or "UTC")
        local = zone.localize(datetime.combine(day, time(hour)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _qms_deadline_company(self):
        return self.company_id
