from odoo import models
from odoo.exceptions import UserError


class QmsCallback(models.Model):
    """Re-planning a callback whose start moved (e.g. the customer's receipt
    date of a delivery was corrected): the window, its deadline, the planned
    call and the caller's activity follow the new start."""

    _inherit = "qms.callback"

    def _replan(self, date_start):
        """Count the window of these planned, not yet attempted callbacks from ``date_start``."""
        for callback in self:
            if callback.state != "planned" or callback.attempt_ids:
                raise UserError(
                    self.env._(
                        "Callback %(number)s was already attempted: it keeps its window.",
                        number=callback.name,
                    )
                )
            if callback.date_start == date_start:
                continue
            callback._qms_workflow_write({"date_start": date_start})
            callback._qms_deadline_cancel()
            callback.activity_unlink(["mail.mail_activity_data_call"])
            callback._schedule()
            callback.message_post(
                body=self.env._("Window counted again from %(start)s.", start=date_start),
                subtype_xmlid="mail.mt_note",
            )
        return True
