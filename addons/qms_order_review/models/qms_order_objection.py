from odoo import api, fields, models
from odoo.exceptions import UserError

OUTCOMES = [
    ("amended", "Order amended with the customer"),
    ("clarified", "Requirement clarified by the customer"),
    ("maintained", "Customer maintains the requirement"),
]


class QmsOrderObjection(models.Model):
    """A department's “cannot meet” taken back to the customer by sales, and
    the customer's answer (seed 004 4.2.2, 003 §3.2.3–3.6)."""

    _name = "qms.order.objection"
    _description = "Order Review Objection"
    # What the form shows read-only once the record has left open.
    _qms_frozen_fields = {"answer": ("open",), "outcome": ("open",), "question": ()}
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.workflow.mixin",
    ]
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "date_answered")
    _order = "id desc"
    _rec_name = "question"

    verdict_id = fields.Many2one(
        "qms.order.review.verdict", required=True, ondelete="cascade", index=True, readonly=True
    )
    review_id = fields.Many2one(
        related="verdict_id.review_id", store=True, index=True, string="Review"
    )
    sale_order_id = fields.Many2one(related="review_id.sale_order_id", store=True, string="Order")
    partner_id = fields.Many2one(related="review_id.partner_id", store=True, string="Customer")
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="verdict_id.department_id", store=True)
    user_id = fields.Many2one(related="review_id.user_id", string="Salesperson")
    question = fields.Text("Objection", required=True, help="What the department cannot meet.")
    answer = fields.Text("Customer's answer")
    outcome = fields.Selection(OUTCOMES)
    state = fields.Selection(
        [("open", "To answer the customer"), ("answered", "Answered")],
        required=True,
        default="open",
        readonly=True,
        tracking=True,
    )
    date_answered = fields.Datetime("Answered on", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        objections = super().create(vals_list)
        for objection in objections:
            objection._qms_deadline_open("customer_answer")
            objection.activity_schedule(
                "qms_order_review.mail_activity_type_order_review",
                user_id=objection.user_id.id or self.env.user.id,
                summary=self.env._(
                    "Take %(department)s's objection to the customer",
                    department=objection.department_id.name,
                ),
                note=objection.question,
            )
            objection.review_id.message_post(
                body=self.env._(
                    "%(department)s cannot meet: %(question)s",
                    department=objection.department_id.name,
                    question=objection.question,
                )
            )
        return objections

    def action_answer(self):
        """Record the customer's answer; the department reviews again unless the
        customer maintains a requirement that cannot be met."""
        for objection in self:
            if objection.state != "open":
                raise UserError(self.env._("This objection was already answered."))
            if not (objection.answer or "").strip() or not objection.outcome:
                raise UserError(
                    self.env._(
                        "Record the customer's answer and its outcome before closing the "
                        "objection of %(department)s.",
                        department=objection.department_id.name,
                    )
                )
            objection._qms_workflow_write(
                {"state": "answered", "date_answered": fields.Datetime.now()}
            )
            objection._qms_deadline_close("customer_answer")
            objection.activity_unlink(["qms_order_review.mail_activity_type_order_review"])
            review = objection.review_id
            review.message_post(
                body=self.env._(
                    "Customer's answer to %(department)s: %(answer)s (%(outcome)s)",
                    department=objection.department_id.name,
                    answer=objection.answer,
                    outcome=dict(OUTCOMES)[objection.outcome],
                )
            )
            if objection.outcome != "maintained" and review.state in ("in_review", "objection"):
                objection.verdict_id._supersede()
                review._request_verdicts(objection.department_id)
                review._update_state()
        return True

    def _qms_deadline_owner(self, kind):
        return self.user_id or self.env.user
