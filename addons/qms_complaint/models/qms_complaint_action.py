from odoo import api, fields, models
from odoo.exceptions import UserError

ACTION_TYPES = [
    ("containment", "Short-term (containment)"),
    ("corrective", "Long-term (corrective)"),
    ("preventive", "Preventive"),
]


class QmsComplaintAction(models.Model):
    """A short-term, long-term or preventive action: owner, deadline, state,
    and an activity in the owner's list until it is done."""

    _name = "qms.complaint.action"
    _description = "Complaint Action"
    _inherit = ["mail.thread"]
    _order = "date_deadline, id"

    complaint_id = fields.Many2one("qms.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    name = fields.Char("Action", required=True, tracking=True)
    action_type = fields.Selection(ACTION_TYPES, string="Type", required=True, default="corrective")
    user_id = fields.Many2one("res.users", string="Owner", required=True, tracking=True)
    department_id = fields.Many2one("hr.department")
    date_deadline = fields.Date("Deadline", required=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
    )
    date_done = fields.Date("Done on", readonly=True)
    result = fields.Text()
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        for action in actions:
            action._schedule_activity()
        return actions

    def write(self, vals):
        result = super().write(vals)
        if {"user_id", "date_deadline", "name"} & set(vals):
            for action in self.filtered(lambda a: a.state == "open"):
                action._schedule_activity()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        if any(action.state != "open" for action in self):
            raise UserError(self.env._("A done or cancelled action is kept as a record."))

    def _schedule_activity(self):
        self.ensure_one()
        values = {
            "user_id": self.user_id.id,
            "date_deadline": self.date_deadline,
            "summary": f"{self.complaint_id.name}: {self.name}",
        }
        if self.activity_id.exists():
            self.activity_id.write(values)
        else:
            self.activity_id = self.complaint_id.activity_schedule(
                "mail.mail_activity_data_todo", **values
            )

    def action_done(self):
        for action in self:
            if action.state != "open":
                raise UserError(self.env._("Only an open action can be done."))
            if not (action.result or "").strip():
                raise UserError(self.env._("Describe the result of the action."))
            action.write({"state": "done", "date_done": fields.Date.context_today(action)})
            if action.activity_id.exists():
                action.activity_id.action_feedback(feedback=action.result)

    def action_cancel(self):
        for action in self:
            action.state = "cancelled"
            action.activity_id.exists().unlink()
