from odoo import fields, models
from odoo.exceptions import UserError


class QmsServiceDevelopment(models.Model):
    """A development request (VSTS, 002 POIS E): a problem the service cannot
    solve in the field. Its number is written back on the service request."""

    _name = "qms.service.development"
    _description = "Development Request"
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.sequence.mixin",
        "qms.workflow.mixin",
    ]
    # the service request it was raised from, fixed at creation
    _qms_frozen_fields = {"request_id": ()}
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "name", "date_done")
    _order = "id desc"
    _qms_sequence_code = "qms.service.development"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    request_id = fields.Many2one(
        "qms.service.request", string="Service request", required=True, index=True, readonly=True
    )
    partner_id = fields.Many2one(related="request_id.commercial_partner_id", store=True)
    title = fields.Char(
        required=True, help="VSTS 2: customer name, a space, then the problem.", tracking=True
    )
    description = fields.Html()
    date_required = fields.Datetime("Required by")
    user_id = fields.Many2one("res.users", string="Developer", tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Delivered"), ("refused", "Refused")],
        required=True,
        default="open",
        readonly=True,
        tracking=True,
    )
    answer = fields.Text("Answer of development")
    date_done = fields.Datetime("Delivered on", readonly=True)

    def _finish(self, state):
        if any(development.state != "open" for development in self):
            raise UserError(self.env._("This development request is finished already."))
        self._qms_workflow_write({"state": state, "date_done": fields.Datetime.now()})
        for development in self:
            request = development.request_id
            request.message_post(
                body=self.env._(
                    "Development request %(number)s: %(state)s. %(answer)s",
                    number=development.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[state],
                    answer=development.answer or "",
                )
            )
            if request.user_id:
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=request.user_id.id,
                    summary=self.env._("Development answered: follow up with the customer"),
                )
        return True

    def action_done(self):
        return self._finish("done")

    def action_refuse(self):
        return self._finish("refused")
