from odoo import api, fields, models
from odoo.exceptions import UserError

REVIEW_STATES = [
    ("draft", "Draft"),
    ("in_review", "In review"),
    ("objection", "Objection"),
    ("approved", "Approved"),
    ("cancelled", "Cancelled"),
]


class QmsOrderReview(models.Model):
    """The review of a customer order or contract (顾客订单评审表 / 合同评审表,
    seed 004 4.2–4.3): each reviewing department gives its verdict; the
    order is confirmed only when every current verdict is “can meet”."""

    _name = "qms.order.review"
    _description = "Order Review"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {"department_ids": ("draft",), "sale_order_id": ("draft",)}
    _inherit = [
        "qms.frozen.mixin",
        "qms.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.workflow.mixin",
    ]
    # written by the action methods only (_qms_workflow_write)
    # (the rules matched: set by the order's review request, at creation)
    _qms_workflow_fields = ("state", "name", "date_submitted", "date_approved", "rule_ids")
    _qms_sequence_code = "qms.order.review"
    _order = "id desc"

    sale_order_id = fields.Many2one(
        "sale.order", string="Order", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="sale_order_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id.commercial_partner_id",
        string="Customer",
        store=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        help="Organises the review and answers the customer.",
    )
    state = fields.Selection(
        REVIEW_STATES, required=True, default="draft", readonly=True, tracking=True, copy=False
    )
    rule_ids = fields.Many2many(
        "qms.order.review.rule", string="Rules matched", readonly=True, copy=False
    )
    department_ids = fields.Many2many(
        "qms.order.review.department",
        string="Reviewing departments",
        help="Filled from the rules matched; sales may add departments before submitting.",
    )
    verdict_ids = fields.One2many("qms.order.review.verdict", "review_id", string="Verdicts")
    current_verdict_ids = fields.One2many(
        "qms.order.review.verdict",
        "review_id",
        string="Current verdicts",
        domain=[("state", "!=", "superseded")],
    )
    objection_ids = fields.One2many("qms.order.objection", "review_id", string="Objections")
    objection_count = fields.Integer(compute="_compute_objection_count")
    date_submitted = fields.Datetime("Submitted on", readonly=True, copy=False)
    date_approved = fields.Datetime("Approved on", readonly=True, copy=False)
    contract_required = fields.Boolean(
        "Signed contract required",
        help="The order is released to production only with the contract signed and stamped "
        "by both parties attached.",
    )
    contract_attachment_ids = fields.Many2many(
        "ir.attachment", string="Signed contract", copy=False, help="Scan of the signed copy."
    )
    contract_customer_signed = fields.Boolean(
        "Signed and stamped by the customer", tracking=True, copy=False
    )
    contract_company_signed = fields.Boolean("Signed and stamped by us", tracking=True, copy=False)
    contract_valid = fields.Boolean(
        compute="_compute_contract_valid",
        help="Both parties signed and stamped it, and the signed copy is attached.",
    )

    @api.depends("sale_order_id.user_id")
    def _compute_user_id(self):
        for review in self:
            review.user_id = review.sale_order_id.user_id or review.user_id or self.env.user

    @api.depends("objection_ids")
    def _compute_objection_count(self):
        for review in self:
            review.objection_count = len(review.objection_ids)

    @api.depends("contract_attachment_ids", "contract_customer_signed", "contract_company_signed")
    def _compute_contract_valid(self):
        for review in self:
            review.contract_valid = bool(
                review.contract_attachment_ids
                and review.contract_customer_signed
                and review.contract_company_signed
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Ask every reviewing department for its verdict (draft → in review)."""
        for review in self:
            if review.state != "draft":
                raise UserError(self.env._("%(review)s was already submitted.", review=review.name))
            if not review.department_ids:
                raise UserError(
                    self.env._(
                        "%(review)s: choose the departments that review the order.",
                        review=review.name,
                    )
                )
            review.sale_order_id.sudo()._qms_check_requirements_confirmed()
            review._qms_workflow_write(
                {"state": "in_review", "date_submitted": fields.Datetime.now()}
            )
            review._request_verdicts(review.department_ids)
            review._qms_deadline_open("review")
        return True

    def action_cancel(self):
        for review in self:
            if review.state in ("approved", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(review)s is %(state)s: it cannot be cancelled.",
                        review=review.name,
                        state=dict(REVIEW_STATES)[review.state],
                    )
                )
            review.current_verdict_ids.filtered(lambda v: v.state == "pending")._withdraw()
            review._qms_workflow_write({"state": "cancelled"})
            review._qms_deadline_cancel()
        return True

    def action_view_objections(self):
        self.ensure_one()
        return self.objection_ids._get_records_action(
            name=self.env._("Objections of %(review)s", review=self.name)
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _request_verdicts(self, departments, change=None):
        """A pending verdict, with its deadline and activity, for each department."""
        self.ensure_one()
        verdicts = self.env["qms.order.review.verdict"].create(
            [
                {
                    "review_id": self.id,
                    "department_id": department.id,
                    "reviewer_id": department.user_id.id or self.user_id.id,
                    "change_id": change.id if change else False,
                }
                for department in departments
            ]
        )
        verdicts._request()
        return verdicts

    def _reopen(self, departments, change=None, description=None):
        """Re-open the review for ``departments`` only (an order change, or an
        approved quotation changed): their current verdicts are superseded
        (kept in the history), new ones asked."""
        self.ensure_one()
        departments = departments & self.department_ids
        if not departments or self.state in ("draft", "cancelled"):
            return self.env["qms.order.review.verdict"]
        self.current_verdict_ids.filtered(lambda v: v.department_id in departments)._supersede()
        self._qms_workflow_write({"state": "in_review", "date_approved": False})
        verdicts = self._request_verdicts(departments, change=change)
        self._qms_deadline_open("review")
        self.message_post(
            body=self.env._(
                "Re-opened by %(change)s for: %(departments)s.",
                change=change.name if change else description,
                departments=", ".join(departments.mapped("name")),
            )
        )
        return verdicts

    def _update_state(self):
        """The review's state after a verdict or an objection's answer."""
        for review in self.filtered(lambda r: r.state in ("in_review", "objection")):
            verdicts = review.current_verdict_ids
            if verdicts and all(v.state == "meet" for v in verdicts):
                review._qms_workflow_write(
                    {"state": "approved", "date_approved": fields.Datetime.now()}
                )
                review._qms_deadline_close("review")
                order = review.sale_order_id.sudo()
                order.message_post(
                    body=self.env._("Order review %(review)s approved.", review=review.name)
                )
                order._qms_review_approved(review)
            elif any(v.state == "cannot_meet" for v in verdicts):
                review._qms_workflow_write({"state": "objection"})
            else:
                review._qms_workflow_write({"state": "in_review"})
        return True

    def _qms_deadline_owner(self, kind):
        return self.user_id or self.env.user
