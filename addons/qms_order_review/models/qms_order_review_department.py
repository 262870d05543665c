from odoo import fields, models

# Change types of an order change notice (订单更改通知单, seed 004 4.4).
CHANGE_TYPES = ("date", "quantity", "specification", "terms")


class QmsOrderReviewDepartment(models.Model):
    """A department that reviews customer orders (seed 003 §3, 004 4.2.1):
    what it checks, who answers for it, and which order changes re-open its
    review."""

    _name = "qms.order.review.department"
    _description = "Order Review Department"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical key: rd, purchasing, production, finance, quality, legal decide which "
        "criteria its verdict asks for.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    criteria = fields.Text(
        translate=True, help="What the department assesses before it answers “can meet”."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        domain=[("share", "=", False)],
        help="Receives the review activity and may give the verdict.",
    )
    reviewer_ids = fields.Many2many(
        "res.users",
        string="Deputies",
        domain=[("share", "=", False)],
        help="May also give the department's verdict.",
    )
    notify_on_change = fields.Boolean(
        "Notified of every change",
        help="Receives every order change notice at once (production and R&D, seed 004 4.4.1).",
    )
    reopen_on_date = fields.Boolean("Re-review on delivery date change")
    reopen_on_quantity = fields.Boolean("Re-review on quantity change")
    reopen_on_specification = fields.Boolean("Re-review on specification change")
    reopen_on_terms = fields.Boolean("Re-review on terms change")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A department code must be unique."),
    ]

    def _reopens_on(self, change_types):
        """The departments among ``self`` whose review a change of ``change_types`` re-opens."""
        return self.filtered(lambda d: any(d[f"reopen_on_{kind}"] for kind in change_types))

    def _can_answer(self, user):
        """Whether ``user`` may give this department's verdict."""
        self.ensure_one()
        return (
            user == self.user_id
            or user in self.reviewer_ids
            or user.has_group("qms_base.group_qms_manager")
        )
