from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class QmsServiceContract(models.Model):
    """The renewal quotation: at the renewal reminder (or by its button) a
    quotation of the contract's paid maintenance for the customer, once;
    confirming it adds the next paid maintenance period."""

    _inherit = "qms.service.contract"  # pylint: disable=consider-merging-classes-inherited

    renewal_order_id = fields.Many2one(
        "sale.order",
        string="Renewal quotation",
        readonly=True,
        copy=False,
        help="The quotation of the next paid maintenance period, made once.",
        groups="qms_base.group_qms_user",
    )
    renewal_order_ids = fields.One2many(
        "sale.order",
        "qms_renewal_contract_id",
        string="Renewal orders",
        groups="qms_base.group_qms_user",
    )
    renewal_order_count = fields.Integer(
        compute="_compute_renewal_order_count", groups="qms_base.group_qms_user"
    )

    @api.depends("renewal_order_ids")
    def _compute_renewal_order_count(self):
        for contract in self:
            contract.renewal_order_count = len(contract.renewal_order_ids)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_create_renewal_quotation(self):
        """The quotation of the next paid period (the open one if it exists)."""
        self._qms_ensure_state("active")
        for contract in self:
            contract._renewal_quotation(strict=True)
        if len(self) == 1:
            return self.renewal_order_id._get_records_action(name=self.env._("Renewal quotation"))
        return True

    def action_view_renewal_orders(self):
        self.ensure_one()
        return self.renewal_order_ids._get_records_action(name=self.env._("Renewal orders"))

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _qms_deadline_remind(self, deadlines):
        """The renewal reminder: the responsible's activity and the quotation."""
        result = super()._qms_deadline_remind(deadlines)
        renewals = deadlines.filtered(lambda d: d.kind_id.code == "renewal")
        for contract in self.filtered(lambda c: c.state == "active"):
            if any(deadline.res_id == contract.id for deadline in renewals):
                contract._renewal_quotation()
        return result

    def _renewal_lines(self):
        """(product, quantity, description) of the paid maintenance to renew:
        the lines of the last paid period's order, else of the contract's order."""
        self.ensure_one()
        periods = self.period_ids.filtered("sale_order_id").sorted("date_end")
        order = periods[-1:].sale_order_id or self.sudo().sale_order_id
        return [
            (line.product_id, line.product_uom_qty, line.name)
            for line in order.order_line
            if line.product_id and not line.display_type and not line.is_downpayment
        ]

    def _renewal_quotation(self, strict=False):
        """Make the renewal quotation once; an open one (not cancelled) is kept.
        ``strict``: say why none can be made instead of making none."""
        self.ensure_one()
        order = self.sudo().renewal_order_id
        if order and order.state != "cancel":
            return order
        lines = self._renewal_lines()
        if not lines:
            if strict:
                raise UserError(
                    self.env._(
                        "%(contract)s: no sale order with maintenance lines to renew "
                        "(give the contract or its last paid period a sale order).",
                        contract=self.display_name,
                    )
                )
            return order.browse()
        partner = self.partner_id
        order = (
            self.env["sale.order"]
            .sudo()
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": self.company_id.id,
                    "pricelist_id": partner.with_company(
                        self.company_id
                    ).property_product_pricelist.id,
                    "user_id": self.sudo().salesperson_id.id,
                    "origin": self.name,
                    "qms_renewal_contract_id": self.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": qty, "name": name}
                        )
                        for product, qty, name in lines
                    ],
                }
            )
        )
        self._qms_workflow_write({"renewal_order_id": order.id})
        self.message_post(body=self.env._("Renewal quotation %(order)s made.", order=order.name))
        return order

    def _renewal_confirmed(self, order):
        """The renewal order is confirmed: the next paid maintenance period,
        from the day after the coverage ends (from today when it ended)."""
        self.ensure_one()
        done = self.period_ids.filtered(lambda p: p.sale_order_id == order)
        if done:
            return done
        today = fields.Date.context_today(self)
        start = self.date_end + timedelta(days=1) if self.date_end else today
        months = self.company_id.qms_service_renewal_months
        period = (
            self.env["qms.service.contract.period"]
            .sudo()
            .create(
                {
                    "contract_id": self.id,
                    "date_start": start,
                    "date_end": start + relativedelta(months=months) - timedelta(days=1),
                    "amount": order.amount_untaxed,
                    "sale_order_id": order.id,
                }
            )
        )
        values = {"renewal_order_id": False} if self.renewal_order_id == order else {}
        if values:
            self._qms_workflow_write(values)
        self._schedule_renewal()
        self.message_post(
            body=self.env._(
                "Renewal order %(order)s confirmed: paid maintenance from %(start)s to %(end)s.",
                order=order.name,
                start=period.date_start,
                end=period.date_end,
            )
        )
        return period
