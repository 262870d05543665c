from odoo import api, fields, models
from odoo.exceptions import UserError

from .qms_order_review import REVIEW_STATES
from .sale_order import SALES_GROUPS


class SaleOrder(models.Model):
    """Review before confirmation (seed 004 4.2–4.3, 003 §3): an order that
    matches a review rule is confirmed only once every reviewing department
    answered “can meet”; orders matching no rule confirm as before."""

    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    qms_review_ids = fields.One2many(
        "qms.order.review", "sale_order_id", string="Reviews", groups=SALES_GROUPS
    )
    qms_review_id = fields.Many2one(
        "qms.order.review",
        string="Review",
        compute="_compute_qms_review_id",
        groups=SALES_GROUPS,
        help="The order's current review (the latest not cancelled).",
    )
    qms_review_state = fields.Selection(
        REVIEW_STATES,
        string="Review status",
        compute="_compute_qms_review_id",
        groups=SALES_GROUPS,
    )
    qms_review_rule_ids = fields.Many2many(
        "qms.order.review.rule",
        string="Review rules matched",
        compute="_compute_qms_review_rule_ids",
        groups=SALES_GROUPS,
    )
    qms_review_required = fields.Boolean(
        "Review required", compute="_compute_qms_review_rule_ids", groups=SALES_GROUPS
    )
    qms_review_at_confirm = fields.Selection(
        [
            ("not_required", "No review required"),
            ("approved", "Reviewed and approved"),
            ("missing", "Confirmed without review"),
        ],
        string="Review at confirmation",
        readonly=True,
        copy=False,
        groups=SALES_GROUPS,
    )

    @api.depends("qms_review_ids.state")
    def _compute_qms_review_id(self):
        for order in self:
            reviews = order.qms_review_ids.filtered(lambda r: r.state != "cancelled")
            review = reviews.sorted("id")[-1:]
            order.qms_review_id = review
            order.qms_review_state = review.state or False

    @api.depends(
        "partner_id",
        "order_line.product_id",
        "amount_untaxed",
        "qms_special_requirements",
        "payment_term_id",
        "pricelist_id",
    )
    def _compute_qms_review_rule_ids(self):
        for order in self:
            rules = order._qms_review_rules()
            order.qms_review_rule_ids = rules
            order.qms_review_required = bool(rules)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_confirm(self):
        self._qms_check_review_before_confirm()
        return super().action_confirm()

    def action_qms_request_review(self):
        """Open the order's review: the departments of the rules matched."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._(
                    "%(order)s is confirmed: changes go through an order change notice.",
                    order=self.name,
                )
            )
        if self.qms_review_id and self.qms_review_id.state != "approved":
            return self.action_qms_view_review()
        self._qms_check_requirements_confirmed()
        rules = self.qms_review_rule_ids
        self.env["qms.order.review"]._qms_workflow_create(
            [
                {
                    "sale_order_id": self.id,
                    "rule_ids": [fields.Command.set(rules.ids)],
                    "department_ids": [fields.Command.set(rules.department_ids.ids)],
                    "contract_required": any(rules.mapped("contract_required")),
                }
            ]
        )
        self.invalidate_recordset(["qms_review_id"])
        return self.action_qms_view_review()

    def action_qms_view_review(self):
        self.ensure_one()
        return self.qms_review_id._get_records_action(name=self.env._("Order review"))

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _qms_review_rules(self):
        """The active review rules of the order's company that match it."""
        self.ensure_one()
        rules = (
            self.env["qms.order.review.rule"]
            .sudo()
            .search([("company_id", "in", [self.company_id.id, False])])
        )
        return rules.filtered(lambda rule: rule._matches(self)).sudo(False)

    def _qms_check_review_before_confirm(self):
        for order in self.sudo().filtered(lambda o: o.state in ("draft", "sent")):
            order._qms_check_requirements_confirmed()
            review = order.qms_review_id
            if review.state == "approved":
                continue
            if review or order.qms_review_rule_ids:
                rules = order.qms_review_rule_ids or review.rule_ids
                if review:
                    states = dict(review._fields["state"]._description_selection(self.env))
                    status = states[review.state]
                else:
                    status = self.env._("not requested")
                raise UserError(
                    self.env._(
                        "%(order)s cannot be confirmed before its review is approved "
                        "(%(rules)s): every reviewing department must answer “can meet”. "
                        "Review status: %(status)s.",
                        order=order.name,
                        rules=", ".join(rules.mapped("name")) or "-",
                        status=status,
                    )
                )

    def _action_confirm(self):
        # Whatever path confirmed the order: was it reviewed? (KPI: should never be "missing")
        for order in self.sudo():
            if order.qms_review_id.state == "approved":
                order.qms_review_at_confirm = "approved"
            elif order.qms_review_rule_ids:
                order.qms_review_at_confirm = "missing"
            else:
                order.qms_review_at_confirm = "not_required"
        result = super()._action_confirm()
        self._qms_open_delivery_deadline()
        return result

    def _qms_is_new_customer(self):
        """No confirmed order of the customer's company yet, besides this one."""
        self.ensure_one()
        if not self.partner_id:
            return False
        return not self.sudo().search_count(
            [
                ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
                ("state", "=", "sale"),
                ("company_id", "=", self.company_id.id),
                ("id", "not in", self.ids if isinstance(self.id, int) else []),
            ],
            limit=1,
        )

    def _qms_new_products(self):
        """The order's products never sold on a confirmed order of the company."""
        self.ensure_one()
        products = self.order_line.product_id
        if not products:
            return products
        sold = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", products.ids),
                    ("state", "=", "sale"),
                    ("company_id", "=", self.company_id.id),
                    ("order_id", "not in", self.ids if isinstance(self.id, int) else []),
                ],
                ["product_id"],
            )
        )
        return products - self.env["product.product"].union(*(p for (p,) in sold))

    def _qms_has_changed_terms(self):
        """Payment terms or pricelist other than the customer's usual ones."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.with_company(self.company_id)
        usual_term = partner.property_payment_term_id
        usual_pricelist = partner.property_product_pricelist
        return bool(
            (usual_term and self.payment_term_id and self.payment_term_id != usual_term)
            or (usual_pricelist and self.pricelist_id and self.pricelist_id != usual_pricelist)
        )
