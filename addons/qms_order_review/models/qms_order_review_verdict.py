from odoo import api, fields, models
from odoo.exceptions import UserError

VERDICT_STATES = [
    ("pending", "Pending"),
    ("meet", "Can meet"),
    ("cannot_meet", "Cannot meet"),
    ("superseded", "Superseded"),
]
# The criteria each department must fill before “can meet” (seed 003 §3).
REQUIRED_CRITERIA = {
    "rd": ("risk_level",),
    "purchasing": ("material_lead_days",),
    "production": ("date_feasible",),
    "finance": ("margin_percent",),
    "quality": ("test_methods", "acceptance_criteria"),
    "legal": ("compliance_note",),
}
# Internal figures of the finance verdict: sales managers, finance and QMS managers only.
FINANCE_GROUPS = "qms_base.group_qms_manager,account.group_account_invoice"


class QmsOrderReviewVerdict(models.Model):
    """One department's verdict on an order: can meet / cannot meet, with its
    criteria. A verdict an order change re-opens is superseded, not changed."""

    _name = "qms.order.review.verdict"
    _description = "Order Review Verdict"
    # What the form shows read-only once the record has left pending.
    _qms_frozen_fields = {
        "acceptance_criteria": ("pending",),
        "compliance_note": ("pending",),
        "date_feasible": ("pending",),
        "equipment_load_percent": ("pending",),
        "margin_percent": ("pending",),
        "material_lead_days": ("pending",),
        "material_price_ok": ("pending",),
        "note": ("pending",),
        "price_ok": ("pending",),
        "risk_level": ("pending",),
        "staffing_ok": ("pending",),
        "test_methods": ("pending",),
        # whose verdict on which review (and change): fixed at creation
        "review_id": (),
        "department_id": (),
        "change_id": (),
    }
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.workflow.mixin",
    ]
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "date_verdict", "answered_by_id")
    _order = "review_id, sequence, id"
    _rec_name = "department_id"

    review_id = fields.Many2one(
        "qms.order.review", required=True, ondelete="cascade", index=True, readonly=True
    )
    sale_order_id = fields.Many2one(related="review_id.sale_order_id", store=True, string="Order")
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        "qms.order.review.department", required=True, readonly=True, ondelete="restrict"
    )
    department_code = fields.Char(related="department_id.code")
    criteria = fields.Text(related="department_id.criteria")
    sequence = fields.Integer(related="department_id.sequence", store=True)
    reviewer_id = fields.Many2one("res.users", domain=[("share", "=", False)])
    state = fields.Selection(
        VERDICT_STATES, required=True, default="pending", readonly=True, tracking=True
    )
    date_verdict = fields.Datetime("Answered on", readonly=True)
    answered_by_id = fields.Many2one("res.users", string="Answered by", readonly=True)
    change_id = fields.Many2one(
        "qms.order.change", string="Re-opened by", readonly=True, ondelete="set null"
    )
    note = fields.Text("Assessment", help="What was checked and found; the objection if any.")
    # R&D: technical capability and risk
    risk_level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")], string="Technical risk"
    )
    # Purchasing: material lead time and price
    material_lead_days = fields.Integer("Material lead time (days)")
    material_price_ok = fields.Boolean("Material price acceptable")
    # Production: capacity, equipment load and staffing against the delivery date
    date_feasible = fields.Date(
        "Earliest feasible delivery", help="From capacity, equipment load and staffing."
    )
    equipment_load_percent = fields.Float("Equipment load (%)")
    staffing_ok = fields.Boolean("Staffing sufficient")
    # Finance: price and profit (internal)
    margin_percent = fields.Float("Expected margin (%)", groups=FINANCE_GROUPS)
    price_ok = fields.Boolean("Price acceptable", groups=FINANCE_GROUPS)
    # Quality: test methods and acceptance criteria
    test_methods = fields.Text("Test methods")
    acceptance_criteria = fields.Text("Acceptance criteria")
    # Legal: legal and regulatory compliance
    compliance_note = fields.Text("Legal and regulatory compliance")

    @api.depends("department_id", "review_id")
    def _compute_display_name(self):
        for verdict in self:
            verdict.display_name = (
                f"{verdict.review_id.name or ''} / {verdict.department_id.name or ''}"
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_meet(self):
        """The department can meet the order's requirements."""
        for verdict in self:
            verdict._check_answerable()
            verdict._check_criteria()
            delivery = verdict.sale_order_id.sudo().commitment_date
            if (
                verdict.department_code == "production"
                and delivery
                and verdict.date_feasible > delivery.date()
            ):
                raise UserError(
                    self.env._(
                        "%(verdict)s: the earliest feasible delivery (%(feasible)s) is after the "
                        "date the customer asked for (%(asked)s): answer “cannot meet”.",
                        verdict=verdict.display_name,
                        feasible=verdict.date_feasible,
                        asked=delivery.date(),
                    )
                )
            verdict._answer("meet")
        self.review_id._update_state()
        return True

    def action_cannot_meet(self):
        """The department cannot meet them: the objection goes to the customer through sales."""
        for verdict in self:
            verdict._check_answerable()
            if not (verdict.note or "").strip():
                raise UserError(
                    self.env._(
                        "%(verdict)s: write what cannot be met: it goes back to the customer.",
                        verdict=verdict.display_name,
                    )
                )
            verdict._answer("cannot_meet")
            self.env["qms.order.objection"].create(
                {"verdict_id": verdict.id, "question": verdict.note}
            )
        self.review_id._update_state()
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_answerable(self):
        self.ensure_one()
        if self.state != "pending":
            raise UserError(
                self.env._(
                    "%(verdict)s was already answered (%(state)s).",
                    verdict=self.display_name,
                    state=dict(VERDICT_STATES)[self.state],
                )
            )
        if self.review_id.state not in ("in_review", "objection"):
            raise UserError(self.env._("%(review)s is not in review.", review=self.review_id.name))
        user = self.env.user
        if user != self.reviewer_id and not self.department_id._can_answer(user):
            raise UserError(
                self.env._(
                    "Only the reviewers of %(department)s may give its verdict.",
                    department=self.department_id.name,
                )
            )

    def _check_criteria(self):
        self.ensure_one()
        verdict = self.sudo()  # the finance figures are read to be checked, not shown
        missing = [
            verdict._fields[name].get_description(self.env)["string"]
            for name in REQUIRED_CRITERIA.get(self.department_code, ())
            if not verdict[name]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "%(verdict)s: fill in %(criteria)s before answering.",
                    verdict=self.display_name,
                    criteria=", ".join(missing),
                )
            )

    def _answer(self, state):
        self._qms_workflow_write(
            {
                "state": state,
                "date_verdict": fields.Datetime.now(),
                "answered_by_id": self.env.user.id,
            }
        )
        self._qms_deadline_close("verdict")
        self.activity_unlink(["qms_order_review.mail_activity_type_order_review"])

    def _request(self):
        for verdict in self:
            verdict._qms_deadline_open("verdict")
            verdict.activity_schedule(
                "qms_order_review.mail_activity_type_order_review",
                user_id=verdict.reviewer_id.id or self.env.user.id,
                summary=self.env._(
                    "Review order %(order)s", order=verdict.sale_order_id.sudo().name
                ),
                note=verdict.criteria or "",
            )

    def _supersede(self):
        self.filtered(lambda v: v.state == "pending")._withdraw()
        self._qms_workflow_write({"state": "superseded"})

    def _withdraw(self):
        self._qms_deadline_cancel()
        self.activity_unlink(["qms_order_review.mail_activity_type_order_review"])

    def _qms_deadline_owner(self, kind):
        return self.reviewer_id or self.env.user
