from odoo import fields, models
from odoo.exceptions import UserError


class QmsComplaint(models.Model):
    """The follow-up callback after handling (000 回访), on qms_base's
    qms.callback: its window is the callback kind "complaint" (3-7 calendar
    days after handling by default), its attempts the company's setting."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    date_handled = fields.Datetime("Handled on", readonly=True, copy=False, tracking=True)
    callback_state = fields.Selection(related="qms_callback_state", string="Callback state")

    def action_mark_handled(self):
        """Handled for the customer (replacement sent, answer given): the callback is due."""
        self._qms_ensure_state("in_progress", "closed")
        for complaint in self:
            if complaint.step_ids and (
                complaint.state == "closed" or complaint.step_progress == "d8"
            ):
                raise UserError(
                    self.env._(
                        "%(number)s is at D8 or closed: a complaint is marked handled "
                        "before its 8D reaches D8.",
                        number=complaint.name,
                    )
                )
            now = fields.Datetime.now()
            complaint._qms_workflow_write({"date_handled": now})
            complaint._qms_deadline_close("handling")
            complaint._qms_callback_schedule(
                "complaint",
                now,
                partner=complaint.partner_id,
                contact=complaint.contact_id or None,
                user=complaint.user_id or None,
            )
        return True

    def action_record_callback(self):
        """Record the call of the planned callback (qms_base's wizard)."""
        self.ensure_one()
        planned = self.qms_callback_ids.filtered(lambda c: c.state == "planned")[:1]
        if not planned:
            raise UserError(self.env._("No callback is planned for %(number)s.", number=self.name))
        return planned.action_record()

    # ------------------------------------------------------------------
    # Hooks (qms.callback.mixin)
    # ------------------------------------------------------------------
    def _qms_callback_new_problem(self, callback):
        """A new problem raised on the call: a complaint of its own, linked to this one."""
        self.ensure_one()
        return self._qms_workflow_create(
            [
                {
                    "title": self.env._("Raised at the callback of %(number)s", number=self.name),
                    "partner_id": self.partner_id.id,
                    "contact_id": self.contact_id.id,
                    "channel": "phone",
                    "product_id": self.product_id.id,
                    "parent_id": self.id,
                    "description": callback.problem,
                    "company_id": self.company_id.id,
                }
            ]
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _cancel_callbacks(self):
        """Closing or cancelling never marks a planned call as done: it is cancelled."""
        self._qms_callback_cancel()

    def _cancel_follow_ups(self):
        result = super()._cancel_follow_ups()
        self._cancel_callbacks()
        return result
