from odoo import api, fields, models
from odoo.exceptions import UserError

# Internal QMS fields of an order: never readable by the customer (portal).
SALES_GROUPS = "sales_team.group_sale_salesman,qms_base.group_qms_user"
CHANNELS = [
    ("email", "E-mail"),
    ("fax", "Fax"),
    ("written", "Written order or contract"),
    ("portal", "Portal"),
    ("phone", "Phone (verbal)"),
    ("visit", "In person (verbal)"),
]
VERBAL_CHANNELS = ("phone", "visit")
CONFIRMATION_METHODS = [
    ("fax_signature", "Faxed to the customer for signature"),
    ("email_signature", "E-mailed to the customer for signature"),
    ("phone_recorded", "Confirmed by phone and recorded"),
]


class SaleOrder(models.Model):
    """Requirement capture at order receipt (seed 004 4.1.1, 003 §5.1): the
    order already holds customer, contact, delivery date, products, quantities,
    prices and payment terms; what is added is how the order came in, who
    received it, the special requirements, and for a verbal order how it was
    confirmed back to the customer. Lost quotations keep their reason."""

    _name = "sale.order"
    _inherit = ["sale.order", "qms.deadline.mixin"]

    # The deadline rows are internal: never read by the customer (portal).
    qms_deadline_ids = fields.One2many(groups=SALES_GROUPS)
    qms_overdue = fields.Boolean(groups=SALES_GROUPS)
    qms_next_due = fields.Datetime(groups=SALES_GROUPS)
    qms_order_channel = fields.Selection(
        CHANNELS,
        string="Order received by",
        groups=SALES_GROUPS,
        tracking=True,
        help="A verbal order (phone, in person) is confirmed back to the customer before review.",
    )
    qms_received_by_id = fields.Many2one(
        "res.users",
        string="Received by",
        default=lambda self: self.env.user,
        groups=SALES_GROUPS,
        copy=False,
    )
    qms_contact_phone = fields.Char(
        "Phone / fax",
        compute="_compute_qms_contact_phone",
        store=True,
        readonly=False,
        groups=SALES_GROUPS,
        help="The customer's phone or fax for this order (the contact's by default).",
    )
    qms_special_requirements = fields.Text(
        "Special requirements",
        groups=SALES_GROUPS,
        help="Technical, packaging, testing or legal requirements beyond the catalogue: "
        "they call for a review.",
    )
    qms_confirmation_method = fields.Selection(
        CONFIRMATION_METHODS,
        string="Confirmed back by",
        groups=SALES_GROUPS,
        copy=False,
        help="How the verbal order was confirmed back to the customer.",
    )
    qms_confirmation_note = fields.Text(
        "Confirmation record", groups=SALES_GROUPS, copy=False, help="Who confirmed, when, what."
    )
    qms_date_confirmed_back = fields.Datetime(
        "Confirmed back on", readonly=True, copy=False, groups=SALES_GROUPS
    )
    qms_lost_reason_id = fields.Many2one(
        "qms.order.lost.reason", string="Lost reason", copy=False, groups=SALES_GROUPS
    )
    qms_lost_analysis = fields.Text(
        "Lost analysis",
        copy=False,
        groups=SALES_GROUPS,
        help="Why the contract was not signed and what to improve (seed 001 6.1.4).",
    )

    @api.depends("partner_id")
    def _compute_qms_contact_phone(self):
        for order in self:
            order.qms_contact_phone = order.partner_id.phone or order.partner_id.mobile or False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_qms_confirm_back(self):
        """Record that the verbal order was confirmed back to the customer."""
        for order in self:
            if order.qms_order_channel not in VERBAL_CHANNELS:
                raise UserError(
                    self.env._(
                        "%(order)s was not received verbally: nothing to confirm back.",
                        order=order.name,
                    )
                )
            if order.qms_date_confirmed_back:
                raise UserError(
                    self.env._("%(order)s was already confirmed back.", order=order.name)
                )
            if not order.qms_confirmation_method or not (order.qms_confirmation_note or "").strip():
                raise UserError(
                    self.env._(
                        "%(order)s: say how the order was confirmed back and record the "
                        "customer's confirmation.",
                        order=order.name,
                    )
                )
            order.qms_date_confirmed_back = fields.Datetime.now()
            order.message_post(
                body=self.env._(
                    "Verbal order confirmed back to the customer: %(note)s",
                    note=order.qms_confirmation_note,
                )
            )
        return True

    def action_qms_mark_lost(self):
        """Cancel a quotation that did not become an order, with its reason."""
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is not a quotation: only quotations are lost.",
                        order=order.name,
                    )
                )
            if not order.qms_lost_reason_id:
                raise UserError(
                    self.env._(
                        "%(order)s: give the reason the contract was not signed.",
                        order=order.name,
                    )
                )
        self._action_cancel()
        for order in self:
            order.message_post(
                body=self.env._(
                    "Quotation lost: %(reason)s. %(analysis)s",
                    reason=order.qms_lost_reason_id.name,
                    analysis=order.qms_lost_analysis or "",
                )
            )
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _qms_check_requirements_confirmed(self):
        """A verbal order is confirmed back to the customer before review."""
        for order in self:
            if order.qms_order_channel in VERBAL_CHANNELS and not order.qms_date_confirmed_back:
                raise UserError(
                    self.env._(
                        "%(order)s was received verbally: confirm it back to the customer "
                        "(fax or e-mail for signature, or a recorded phone call) first.",
                        order=order.name,
                    )
                )
