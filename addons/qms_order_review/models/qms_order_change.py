from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_order_review_department import CHANGE_TYPES

CHANGE_STATES = [
    ("draft", "Draft"),
    ("notified", "Notified"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]


class QmsOrderChange(models.Model):
    """Order change notice (订单更改通知单, seed 004 4.4, 003 产品要求修改申请表):
    a change of delivery date, quantity, specification or terms after
    confirmation. Production and R&D hear of it at once; the review re-opens
    for the departments the change concerns."""

    _name = "qms.order.change"
    _description = "Order Change Notice"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {
        "change_date": ("draft",),
        "change_quantity": ("draft",),
        "change_specification": ("draft",),
        "change_terms": ("draft",),
        "date": ("draft",),
        "description": ("draft",),
        "requested_by": ("draft",),
        "sale_order_id": ("draft",),
    }
    _inherit = [
        "qms.frozen.mixin",
        "qms.sequence.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.workflow.mixin",
    ]
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "name", "department_ids")
    _qms_sequence_code = "qms.order.change"
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
    user_id = fields.Many2one(related="sale_order_id.user_id", string="Salesperson")
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    change_date = fields.Boolean("Delivery date")
    change_quantity = fields.Boolean("Quantity")
    change_specification = fields.Boolean("Specification")
    change_terms = fields.Boolean("Terms")
    requested_by = fields.Selection(
        [("customer", "Customer"), ("internal", "Internal")],
        default="customer",
        required=True,
    )
    description = fields.Text("Change", required=True, help="What changed, from what to what.")
    state = fields.Selection(
        CHANGE_STATES, required=True, default="draft", readonly=True, tracking=True, copy=False
    )
    verdict_ids = fields.One2many(
        "qms.order.review.verdict", "change_id", string="Re-opened verdicts", readonly=True
    )
    department_ids = fields.Many2many(
        "qms.order.review.department",
        string="Notified departments",
        readonly=True,
        copy=False,
    )

    @api.constrains(
        "change_date", "change_quantity", "change_specification", "change_terms", "description"
    )
    def _check_change_type(self):
        for change in self:
            if not change._change_types():
                raise ValidationError(
                    self.env._(
                        "%(change)s: say what changes (delivery date, quantity, specification or "
                        "terms).",
                        change=change.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_notify(self):
        """Notify production and R&D at once, re-open the affected reviews."""
        for change in self:
            if change.state != "draft":
                raise UserError(self.env._("%(change)s was already notified.", change=change.name))
            if change.sale_order_id.state != "sale":
                raise UserError(
                    self.env._(
                        "%(change)s: change notices are for confirmed orders; change the "
                        "quotation itself.",
                        change=change.name,
                    )
                )
            change._notify_departments()
            # The review's rows are the QMS engine's: whoever changed the order re-opens it.
            review = change.sale_order_id.sudo().qms_review_id
            if review:
                departments = review.department_ids._reopens_on(change._change_types())
                review._reopen(departments, change)
            change._qms_workflow_write({"state": "notified"})
            change._close_when_reviewed()
        return True

    def action_close(self):
        for change in self:
            if change.state != "notified":
                raise UserError(self.env._("%(change)s is not notified.", change=change.name))
            if change.verdict_ids.filtered(lambda v: v.state in ("pending", "cannot_meet")):
                raise UserError(
                    self.env._(
                        "%(change)s: the re-opened reviews are not all “can meet” yet.",
                        change=change.name,
                    )
                )
            change._qms_workflow_write({"state": "closed"})
        return True

    def action_cancel(self):
        for change in self:
            if change.state != "draft":
                raise UserError(
                    self.env._(
                        "%(change)s was notified: it stays in the order's history.",
                        change=change.name,
                    )
                )
            change._qms_workflow_write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _change_types(self):
        self.ensure_one()
        return [kind for kind in CHANGE_TYPES if self[f"change_{kind}"]]

    def _change_labels(self):
        self.ensure_one()
        return ", ".join(
            self._fields[f"change_{kind}"].get_description(self.env)["string"]
            for kind in self._change_types()
        )

    def _notify_departments(self):
        """Activities for every department notified of changes (production, R&D)
        and a message on the order."""
        self.ensure_one()
        departments = self.env["qms.order.review.department"].search(
            [
                ("notify_on_change", "=", True),
                ("company_id", "in", [self.company_id.id, False]),
            ]
        )
        order = self.sale_order_id
        for department in departments.filtered("user_id"):
            self.activity_schedule(
                "qms_order_review.mail_activity_type_order_change",
                user_id=department.user_id.id,
                summary=self.env._(
                    "Order change %(change)s on %(order)s", change=self.name, order=order.name
                ),
                note=self.description,
            )
        self._qms_workflow_write({"department_ids": [fields.Command.set(departments.ids)]})
        partners = departments.user_id.partner_id
        body = self.env._(
            "Order change notice %(change)s (%(what)s): %(description)s",
            change=self.name,
            what=self._change_labels(),
            description=self.description,
        )
        order.message_post(body=body, partner_ids=partners.ids)
        self.message_post(body=body, partner_ids=partners.ids)

    def _close_when_reviewed(self):
        for change in self.filtered(lambda c: c.state == "notified"):
            if all(v.state in ("meet", "superseded") for v in change.verdict_ids):
                change._qms_workflow_write({"state": "closed"})
