from odoo import api, fields, models

from ..models.qms_callback import SLOTS, slot_of


class QmsCallbackRecordWizard(models.TransientModel):
    """Records one call of a callback: reached or not, in which slot, what was said."""

    _name = "qms.callback.record.wizard"
    _description = "Record a Callback"

    callback_id = fields.Many2one("qms.callback", required=True, ondelete="cascade")
    reached = fields.Boolean("Customer reached", default=True)
    slot = fields.Selection(
        SLOTS, string="Time slot", required=True, default=lambda self: self._default_slot()
    )
    answer = fields.Text("Customer's answers")
    problem = fields.Text("New problem raised")

    @api.model
    def _default_slot(self):
        """The slot the call is being made in, on the company's clock."""
        now = fields.Datetime.now()
        return slot_of(
            self.env["qms.callback"].new({"company_id": self.env.company.id})._local(now)
        )

    def action_record(self):
        self.ensure_one()
        callback = self.callback_id.with_context(
            qms_callback_slot=self.slot, qms_callback_note=self.answer
        )
        if self.reached:
            values = {"answer": self.answer}
            if (self.problem or "").strip():
                values["problem"] = self.problem
            callback.write(values)
            callback.action_reached()
        else:
            callback.action_not_reached()
        return {"type": "ir.actions.act_window_close"}
