from odoo import fields, models


class QmsComplaintCancelWizard(models.TransientModel):
    _name = "qms.complaint.cancel.wizard"
    _description = "Cancel a Complaint"

    complaint_id = fields.Many2one("qms.complaint", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.complaint_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
