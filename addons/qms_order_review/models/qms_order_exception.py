from odoo import api, fields, models
from odoo.exceptions import UserError

EXCEPTION_TYPES = [("late", "Late delivery"), ("short", "Short delivery")]


class QmsOrderException(models.Model):
    """A delivery exception of an order (late, short) raised to sales, who
    answer the customer within the deadline (seed 004 4.5)."""

    _name = "qms.order.exception"
    _description = "Order Delivery Exception"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.deadline.mixin", "qms.workflow.mixin"]
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "date_answered")
    _order = "id desc"
    _rec_name = "exception_type"

    sale_order_id = fields.Many2one(
        "sale.order", string="Order", required=True, ondelete="cascade", index=True
    )
    picking_id = fields.Many2one("stock.picking", string="Delivery", ondelete="set null")
    company_id = fields.Many2one(
        related="sale_order_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id.commercial_partner_id",
        string="Customer",
        store=True,
        index=True,
    )
    user_id = fields.Many2one(related="sale_order_id.user_id", string="Salesperson")
    exception_type = fields.Selection(EXCEPTION_TYPES, string="Exception", required=True)
    description = fields.Text(required=True)
    answer = fields.Text("Answer to the customer")
    state = fields.Selection(
        [("open", "To answer"), ("answered", "Answered")],
        required=True,
        default="open",
        readonly=True,
        tracking=True,
    )
    date_answered = fields.Datetime("Answered on", readonly=True)

    @api.depends("exception_type", "sale_order_id")
    def _compute_display_name(self):
        labels = dict(self._fields["exception_type"]._description_selection(self.env))
        for exception in self:
            exception.display_name = (
                f"{exception.sale_order_id.name or ''}: {labels.get(exception.exception_type, '')}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        exceptions = super().create(vals_list)
        for exception in exceptions:
            exception._qms_deadline_open("answer")
            exception.activity_schedule(
                "qms_order_review.mail_activity_type_order_review",
                user_id=exception.user_id.id or self.env.user.id,
                summary=self.env._(
                    "Answer the customer: %(exception)s", exception=exception.display_name
                ),
                note=exception.description,
            )
            exception.sale_order_id.message_post(body=exception.description)
        return exceptions

    def action_answer(self):
        for exception in self:
            if exception.state != "open":
                raise UserError(self.env._("This exception was already answered."))
            if not (exception.answer or "").strip():
                raise UserError(
                    self.env._("Write the answer given to the customer before closing it.")
                )
            exception._qms_workflow_write(
                {"state": "answered", "date_answered": fields.Datetime.now()}
            )
            exception._qms_deadline_close("answer")
            exception.activity_unlink(["qms_order_review.mail_activity_type_order_review"])
        return True

    def _qms_deadline_owner(self, kind):
        return self.user_id or self.env.user
