from collections import Counter

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import consteq, format_date, formatLang
from odoo.tools.misc import hmac

from odoo.addons.qms_base.tools import phone

# How many order lines the record shows; the orders themselves keep the rest.
HISTORY_LINES = 200
OPT_OUT_SCOPE = "qms_desk_care_opt_out"
TENDENCY_TOP = 3


class QmsDeskCustomer(models.Model):
    """A customer's data form (客户资料登记表, 000 客户资料收集; 004 客户服务管理程序 5.1).

    Personal data: only the group “Customer data (confidential)” reads it
    (004 5.2: 所有工作人员必须对客户信息承担保密任务). Purchase history and
    tendency come from the sale orders of the linked partner; a customer of a
    key class has a key-customer file (重要客户档案, 003: the specification and
    quantity of every batch ordered).
    """

    _name = "qms.desk.customer"
    _description = "Customer Record"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer in Odoo",
        index="btree_not_null",
        tracking=True,
        help="The partner whose sale orders make the purchase history.",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index="btree_not_null"
    )
    class_id = fields.Many2one("qms.desk.customer.class", string="Classification", tracking=True)
    is_key = fields.Boolean(related="class_id.is_key", store=True, string="Key customer")
    user_id = fields.Many2one(
        "res.users",
        string="Customer service",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    dealer_id = fields.Many2one(
        "res.partner",
        string="Store / dealer",
        domain=[("qms_desk_is_dealer", "=", True)],
        help="The store or dealer who collected these data.",
    )
    dealer_report_id = fields.Many2one(
        "qms.desk.dealer.report", string="Sent with", index="btree_not_null", ondelete="set null"
    )
    phone = fields.Char()
    mobile = fields.Char()
    email = fields.Char()
    street = fields.Char("Address")
    city = fields.Char()
    country_id = fields.Many2one("res.country")
    birthday = fields.Date()
    gender = fields.Selection([("female", "Female"), ("male", "Male"), ("other", "Other")])
    preferences = fields.Text(
        "Interests and buying habits", help="004 5.1.1 b): preferences, buying attitude, needs."
    )
    phone_warning = fields.Char("Phone check", compute="_compute_phone_warning")
    care_opt_out = fields.Boolean(
        "No care messages",
        tracking=True,
        help="The customer asked not to receive greetings, care tips or offers.",
    )
    care_message_ids = fields.One2many("qms.desk.care.message", "customer_id", readonly=True)
    order_count = fields.Integer("Orders", compute="_compute_purchases")
    amount_ordered = fields.Monetary("Ordered", compute="_compute_purchases")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_last_order = fields.Date("Last order", compute="_compute_purchases")
    tendency = fields.Char(
        "Buying tendency",
        compute="_compute_purchases",
        help="The product categories bought most (share of the quantity ordered) and how often.",
    )
    purchase_history = fields.Html("Purchase history", compute="_compute_purchases", sanitize=False)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("phone", "mobile", "country_id")
    def _compute_phone_warning(self):
        Partner = self.env["res.partner"]
        for customer in self:
            warnings = [
                Partner._qms_phone_warning(number, customer.country_id)
                for number in (customer.phone, customer.mobile)
            ]
            customer.phone_warning = " ".join(w for w in warnings if w) or False

    @api.depends("commercial_partner_id", "company_id")
    def _compute_purchases(self):
        for customer in self:
            lines = customer._order_lines()
            orders = lines.order_id
            customer.order_count = len(orders)
            customer.amount_ordered = sum(
                order.currency_id._convert(
                    order.amount_untaxed,
                    customer.currency_id,
                    customer.company_id,
                    order.date_order.date(),
                )
                for order in orders
            )
            customer.date_last_order = max(orders.mapped("date_order")).date() if orders else False
            customer.tendency = customer._tendency(lines)
            customer.purchase_history = customer._history_table(lines)

    def _order_lines(self):
        """The confirmed order lines of the customer (read as superuser: the
        customer service sees the history without sales rights)."""
        self.ensure_one()
        if not self.commercial_partner_id:
            return self.env["sale.order.line"]
        return (
            self.env["sale.order.line"]
            .sudo()
            .search(
                [
                    ("order_id.partner_id", "child_of", self.commercial_partner_id.id),
                    ("order_id.state", "=", "sale"),
                    ("order_id.company_id", "=", self.company_id.id),
                    ("display_type", "=", False),
                    ("product_id", "!=", False),
                ],
                order="id desc",
            )
        )

    def _tendency(self, lines):
        self.ensure_one()
        if not lines:
            return False
        quantities = Counter()
        for line in lines:
            quantities[line.product_id.categ_id.display_name] += line.product_uom_qty
        total = sum(quantities.values()) or 1
        parts = [
            self.env._("%(category)s %(share)s%%", category=name, share=round(100 * qty / total))
            for name, qty in quantities.most_common(TENDENCY_TOP)
        ]
        dates = sorted(set(lines.order_id.mapped("date_order")))
        if len(dates) > 1:
            every = (dates[-1] - dates[0]).days / (len(dates) - 1)
            parts.append(self.env._("an order every %(days)s days", days=round(every)))
        return ", ".join(parts)

    def _history_table(self, lines):
        """Every batch ordered: date, order, product, specification, quantity."""
        self.ensure_one()
        if not lines:
            return False
        header = [
            self.env._("Date"),
            self.env._("Order"),
            self.env._("Product"),
            self.env._("Specification"),
            self.env._("Quantity"),
        ]
        rows = []
        for line in lines[:HISTORY_LINES]:
            spec = line.name if line.name != line.product_id.display_name else ""
            cells = [
                format_date(self.env, line.order_id.date_order),
                line.order_id.name,
                line.product_id.display_name,
                spec or line.product_id.default_code or "",
                f"{formatLang(self.env, line.product_uom_qty)} {line.product_uom.name or ''}",
            ]
            rows.append(
                Markup("<tr>%s</tr>")
                % Markup("").join(Markup("<td>%s</td>") % escape(cell) for cell in cells)
            )
        head = Markup("").join(Markup("<th>%s</th>") % escape(title) for title in header)
        return Markup(
            '<table class="table table-sm o_qms_desk_history"><thead><tr>%s</tr></thead>'
            "<tbody>%s</tbody></table>"
        ) % (head, Markup("").join(rows))

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("birthday")
    def _check_birthday(self):
        today = fields.Date.context_today(self)
        for customer in self:
            if customer.birthday and customer.birthday > today:
                raise ValidationError(
                    self.env._(
                        "%(customer)s: the birthday cannot be in the future.",
                        customer=customer.name,
                    )
                )

    @api.constrains("dealer_id")
    def _check_dealer(self):
        for customer in self:
            if customer.dealer_id and not customer.dealer_id.qms_desk_is_dealer:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not marked as a store or dealer.",
                        partner=customer.dealer_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("phone", "mobile", "country_id")
    def _onchange_phone_warning(self):
        if self.phone_warning:
            return {
                "warning": {
                    "title": self.env._("Check the phone number"),
                    "message": self.phone_warning,
                    "type": "notification",
                }
            }
        return None

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _match_number(self, number, company):
        """Customer records whose phone or mobile is ``number``."""
        key = phone.digits(number)
        if len(key) < 5:
            return self.browse()
        tail = key[-7:]
        candidates = self.search(
            [
                ("company_id", "=", company.id),
                "|",
                ("phone", "ilike", tail[-4:]),
                ("mobile", "ilike", tail[-4:]),
            ]
        )
        return candidates.filtered(lambda c: key in (phone.digits(c.phone), phone.digits(c.mobile)))

    def _care_opt_out_token(self):
        self.ensure_one()
        return hmac(self.env(su=True), OPT_OUT_SCOPE, self.id)

    def _care_opt_out_url(self):
        self.ensure_one()
        return f"{self.get_base_url()}/qms_desk/care/opt_out/{self.id}/{self._care_opt_out_token()}"

    def _care_opt_out_by_token(self, token):
        """The customer opts out through the link of a care message; ``True``
        when the token is the customer's."""
        self.ensure_one()
        if not token or not consteq(str(token), self._care_opt_out_token()):
            return False
        if not self.care_opt_out:
            self.care_opt_out = True
            self.message_post(
                body=self.env._("Opted out of care messages through the link of a message."),
                subtype_xmlid="mail.mt_note",
            )
        return True
