from odoo import fields, models

from ..models.qms_complaint_callback_call import SLOTS


class QmsComplaintCallbackWizard(models.TransientModel):
    _name = "qms.complaint.callback.wizard"
    _description = "Record a Complaint Callback"

    complaint_id = fields.Many2one("qms.complaint", required=True)
    reached = fields.Boolean("Customer reached", default=True)
    slot = fields.Selection(SLOTS, string="Time slot", required=True, default="morning")
    answer = fields.Text("Customer's answer")
    new_problem = fields.Boolean("The customer raised a new problem")
    new_problem_text = fields.Text("New problem")

    def action_record(self):
        self.ensure_one()
        self.complaint_id._record_callback(
            self.reached, self.slot, self.answer, self.new_problem, self.new_problem_text
        )
        return {"type": "ir.actions.act_window_close"}
