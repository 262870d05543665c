from odoo import fields, models

from .qms_callback import SLOTS


class QmsCallbackAttempt(models.Model):
    """One call of a callback: when, in which time slot, by whom, reached or not."""

    _name = "qms.callback.attempt"
    _description = "Callback Attempt"
    _order = "callback_id, date, id"

    callback_id = fields.Many2one("qms.callback", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="callback_id.company_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    slot = fields.Selection(SLOTS, string="Time slot", required=True)
    user_id = fields.Many2one("res.users", string="Called by", default=lambda self: self.env.user)
    outcome = fields.Selection(
        [("reached", "Reached"), ("not_reached", "Not reached")], required=True
    )
    note = fields.Text()
