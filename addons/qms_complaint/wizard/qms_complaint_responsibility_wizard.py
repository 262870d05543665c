from odoo import fields, models


class QmsComplaintResponsibilityWizard(models.TransientModel):
    _name = "qms.complaint.responsibility.wizard"
    _description = "Not Our Responsibility"

    complaint_id = fields.Many2one("qms.complaint", required=True)
    explanation = fields.Text("Explanation to the customer", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.complaint_id.action_not_responsible(self.explanation)
        return {"type": "ir.actions.act_window_close"}
