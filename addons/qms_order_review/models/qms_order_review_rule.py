from odoo import api, fields, models
from odoo.exceptions import ValidationError

TRIGGERS = [
    ("amount", "Amount above a threshold"),
    ("new_customer", "New customer"),
    ("new_product", "New product"),
    ("special", "Special requirements"),
    ("terms", "Changed terms"),
]


class QmsOrderReviewRule(models.Model):
    """When an order needs a review before confirmation, and by whom
    (seed 004 4.2.1 “larger orders”, 003 §3). No threshold is given by the
    procedures: each company sets its own."""

    _name = "qms.order.review.rule"
    _description = "Order Review Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    trigger = fields.Selection(TRIGGERS, required=True, default="amount")
    amount_threshold = fields.Monetary(
        "Amount above",
        currency_field="currency_id",
        help="Untaxed amount (company currency) above which the order is reviewed.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        help="The company's currency (the current one's when the rule is shared).",
    )
    department_ids = fields.Many2many(
        "qms.order.review.department",
        string="Reviewing departments",
        required=True,
        help="Each gives a verdict before the order can be confirmed.",
    )
    contract_required = fields.Boolean(
        "Signed contract required",
        help="A contract signed and stamped by both parties is attached before the order is "
        "released to production (seed 004 4.3).",
    )

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_currency_id(self):
        for rule in self:
            rule.currency_id = (rule.company_id or self.env.company).currency_id

    @api.constrains("trigger", "amount_threshold")
    def _check_amount_threshold(self):
        for rule in self:
            if rule.trigger == "amount" and rule.amount_threshold <= 0:
                raise ValidationError(
                    self.env._("Review rule “%(rule)s”: set an amount above zero.", rule=rule.name)
                )

    def _matches(self, order):
        """Whether the rule asks for a review of ``order``."""
        self.ensure_one()
        if self.trigger == "amount":
            amount = order.currency_id._convert(
                order.amount_untaxed,
                order.company_id.currency_id,
                order.company_id,
                order.date_order or fields.Date.today(),
            )
            return amount > self.amount_threshold
        if self.trigger == "new_customer":
            return order._qms_is_new_customer()
        if self.trigger == "new_product":
            return bool(order._qms_new_products())
        if self.trigger == "special":
            return bool((order.qms_special_requirements or "").strip())
        return order._qms_has_changed_terms()
