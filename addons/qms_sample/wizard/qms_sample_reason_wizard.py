from odoo import fields, models

from ..models.qms_sample_seal import DISPOSAL_METHODS

ACTIONS = [
    ("reject", "Reject (NG)"),
    ("customer_approve", "Customer approved"),
    ("customer_reject", "Customer rejected"),
    ("cancel", "Cancel"),
    ("dispose", "Dispose"),
    ("borrow", "Borrow"),
]


class QmsSampleReasonWizard(models.TransientModel):
    """Asks for the text a sample action needs (reason, comment, purpose)."""

    _name = "qms.sample.reason.wizard"
    _description = "Sample Action"

    sample_id = fields.Many2one("qms.sample", required=True, ondelete="cascade")
    action = fields.Selection(ACTIONS, required=True)
    reason = fields.Text("Reason / comment")
    signed_by = fields.Char("Signed by (customer)")
    disposal_method = fields.Selection(DISPOSAL_METHODS, string="Disposed how")

    def action_confirm(self):
        self.ensure_one()
        sample = self.sample_id
        if self.action == "reject":
            sample.action_reject(self.reason)
        elif self.action == "customer_approve":
            sample.action_customer_approve(comment=self.reason, signed_by=self.signed_by)
        elif self.action == "customer_reject":
            sample.action_customer_reject(self.reason)
        elif self.action == "cancel":
            sample.action_cancel(self.reason)
        elif self.action == "dispose":
            sample.action_dispose(self.disposal_method, self.reason)
        elif self.action == "borrow":
            sample.action_borrow(self.reason)
        return True
