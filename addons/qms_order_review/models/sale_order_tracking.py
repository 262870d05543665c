from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .sale_order import SALES_GROUPS

# Finance reads and confirms the payments.
PAYMENT_GROUPS = f"{SALES_GROUPS},account.group_account_invoice"


class SaleOrder(models.Model):
    """After confirmation (seed 004 4.3–4.6): release to production with the
    signed contract, production progress, the delivery date as a deadline
    (on-time delivery), delivery exceptions, payment before delivery."""

    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    qms_date_released = fields.Datetime(
        "Released to production on", readonly=True, copy=False, groups=SALES_GROUPS
    )
    qms_production_progress = fields.Float(
        "Production progress (%)",
        copy=False,
        tracking=True,
        groups=SALES_GROUPS,
        help="Reported by production; sales follow it (seed 004 4.5).",
    )
    qms_production_note = fields.Text("Production status", copy=False, groups=SALES_GROUPS)
    qms_delivered_percent = fields.Float(
        "Delivered (%)", compute="_compute_qms_delivered_percent", groups=SALES_GROUPS
    )
    qms_exception_ids = fields.One2many(
        "qms.order.exception", "sale_order_id", string="Delivery exceptions", groups=SALES_GROUPS
    )
    qms_exception_count = fields.Integer(
        "Delivery exception count", compute="_compute_qms_exception_count", groups=SALES_GROUPS
    )
    qms_payment_before_delivery = fields.Boolean(
        related="partner_id.commercial_partner_id.qms_payment_before_delivery",
        string="Payment before delivery",
        groups=PAYMENT_GROUPS,
    )
    qms_date_payment_confirmed = fields.Datetime(
        "Payment confirmed on", readonly=True, copy=False, groups=PAYMENT_GROUPS
    )
    qms_payment_confirmed_by_id = fields.Many2one(
        "res.users", string="Payment confirmed by", readonly=True, copy=False, groups=SALES_GROUPS
    )
    qms_is_paid = fields.Boolean(
        "Paid",
        compute="_compute_qms_is_paid",
        groups=SALES_GROUPS,
        help="Finance confirmed the payment, or the order's invoices are paid in full.",
    )

    @api.depends("order_line.qty_delivered", "order_line.product_uom_qty")
    def _compute_qms_delivered_percent(self):
        for order in self:
            lines = order.order_line.filtered(lambda line: not line.display_type)
            ordered = sum(lines.mapped("product_uom_qty"))
            delivered = sum(min(line.qty_delivered, line.product_uom_qty) for line in lines)
            order.qms_delivered_percent = 100.0 * delivered / ordered if ordered else 0.0

    @api.depends("qms_exception_ids")
    def _compute_qms_exception_count(self):
        for order in self:
            order.qms_exception_count = len(order.qms_exception_ids)

    @api.depends("qms_date_payment_confirmed", "invoice_ids.payment_state", "invoice_ids.state")
    def _compute_qms_is_paid(self):
        for order in self:
            order.qms_is_paid = bool(order.qms_date_payment_confirmed) or order._qms_invoices_paid()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_qms_release_to_production(self):
        """Pass the reviewed order to production (seed 004 4.3): the review is
        approved and, when a contract is required, its copy signed and stamped
        by both parties is attached."""
        for order in self:
            if order.state != "sale":
                raise UserError(self.env._("%(order)s is not confirmed yet.", order=order.name))
            if order.qms_date_released:
                raise UserError(
                    self.env._("%(order)s was already released to production.", order=order.name)
                )
            review = order.qms_review_id
            if review and review.state != "approved":
                raise UserError(
                    self.env._(
                        "%(order)s: its review %(review)s is not approved (re-opened by a "
                        "change?).",
                        order=order.name,
                        review=review.name,
                    )
                )
            if review.contract_required and not review.contract_valid:
                raise UserError(
                    self.env._(
                        "%(order)s: a contract is valid only when both parties signed and "
                        "stamped it; attach the signed copy before releasing the order to "
                        "production.",
                        order=order.name,
                    )
                )
            order.qms_date_released = fields.Datetime.now()
            production = self.env["qms.order.review.department"].search(
                [("code", "=", "production"), ("company_id", "in", [order.company_id.id, False])],
                limit=1,
            )
            if production.user_id:
                order.activity_schedule(
                    "qms_order_review.mail_activity_type_order_review",
                    user_id=production.user_id.id,
                    summary=self.env._("Plan the production of %(order)s", order=order.name),
                )
            order.message_post(body=self.env._("Released to production."))
        return True

    def action_qms_confirm_payment(self):
        """Finance confirms the payment of a payment-before-delivery order (seed 004 4.6.3)."""
        if not (
            self.env.user.has_group("account.group_account_invoice")
            or self.env.user.has_group("qms_base.group_qms_manager")
        ):
            raise UserError(self.env._("Only finance confirms that a payment was received."))
        for order in self:
            if order.state != "sale":
                raise UserError(self.env._("%(order)s is not confirmed.", order=order.name))
            if order.qms_date_payment_confirmed:
                raise UserError(
                    self.env._("The payment of %(order)s was already confirmed.", order=order.name)
                )
            order.write(
                {
                    "qms_date_payment_confirmed": fields.Datetime.now(),
                    "qms_payment_confirmed_by_id": self.env.user.id,
                }
            )
            order.message_post(body=self.env._("Payment received: the order may be shipped."))
        return True

    def action_qms_view_exceptions(self):
        self.ensure_one()
        return self.qms_exception_ids._get_records_action(
            name=self.env._("Delivery exceptions of %(order)s", order=self.name)
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _qms_invoices_paid(self):
        self.ensure_one()
        invoices = self.invoice_ids.filtered(
            lambda move: move.state == "posted" and move.move_type == "out_invoice"
        )
        if not invoices or any(
            move.payment_state not in ("paid", "in_payment") for move in invoices
        ):
            return False
        return (
            float_compare(
                sum(invoices.mapped("amount_total")),
                self.amount_total,
                precision_rounding=self.currency_id.rounding,
            )
            >= 0
        )

    def _qms_open_delivery_deadline(self):
        """The promised delivery date as a deadline: on-time delivery is read from it."""
        now = fields.Datetime.now()
        for order in self.sudo():
            promised = order.commitment_date or order.expected_date
            if promised:
                order._qms_deadline_open("delivery", due=max(promised, now))

    def _qms_delivered_in_full(self):
        self.ensure_one()
        lines = self.order_line.filtered(
            lambda line: not line.display_type and line.product_id.type == "consu"
        )
        return all(
            float_compare(
                line.qty_delivered,
                line.product_uom_qty,
                precision_rounding=line.product_uom.rounding,
            )
            >= 0
            for line in lines
        )

    def _qms_deliveries_done(self, pickings):
        """After deliveries of the orders are validated: close the delivery
        deadline when all is delivered; raise late and short deliveries."""
        exceptions = self.env["qms.order.exception"].sudo()
        for order in self.sudo():
            delivery = order._qms_open_deadlines("delivery")
            done = order.picking_ids & pickings
            last = max(done.mapped("date_done"), default=fields.Datetime.now())
            if delivery and last > delivery.due and not order._qms_open_exception("late"):
                exceptions.create(order._qms_exception_vals("late", done[:1]))
            short = done.filtered(lambda p: p._qms_is_short())
            if short and not order._qms_open_exception("short", short):
                exceptions.create(order._qms_exception_vals("short", short[:1]))
            if order._qms_delivered_in_full():
                order._qms_deadline_close("delivery", done=last)

    def _qms_open_exception(self, exception_type, pickings=None):
        self.ensure_one()
        exceptions = self.qms_exception_ids.filtered(
            lambda e: e.exception_type == exception_type and e.state == "open"
        )
        if pickings is not None:
            exceptions = exceptions.filtered(lambda e: e.picking_id in pickings)
        return exceptions

    def _qms_exception_vals(self, exception_type, picking):
        self.ensure_one()
        if exception_type == "late":
            description = self.env._(
                "%(order)s: the delivery is late (promised %(date)s).",
                order=self.name,
                date=self._qms_open_deadlines("delivery").due
                or self.commitment_date
                or self.expected_date,
            )
        else:
            description = self.env._(
                "%(order)s: %(picking)s shipped less than ordered.",
                order=self.name,
                picking=picking.name,
            )
        return {
            "sale_order_id": self.id,
            "picking_id": picking.id,
            "exception_type": exception_type,
            "description": description,
        }

    def _qms_deadline_reached(self, deadlines, level):
        """The promised delivery date passed with goods still to deliver: a late exception."""
        if level != "owner":
            return None
        for order in self.sudo():
            late = deadlines.filtered(
                lambda d, order=order: d.res_id == order.id and d.kind_id.code == "delivery"
            )
            if late and not order._qms_open_exception("late"):
                self.env["qms.order.exception"].sudo().create(
                    order._qms_exception_vals("late", self.env["stock.picking"])
                )
        return None
