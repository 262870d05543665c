from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_calendar_id = fields.Many2one(
        "resource.calendar",
        string="QMS working calendar",
        help="Calendar on which QMS deadlines are counted; the company's own when empty.",
    )
    qms_escalation_user_id = fields.Many2one(
        "res.users",
        string="QMS escalation fallback",
        help="Escalations go to this user when the owner has no manager.",
    )

    qms_callback_attempts = fields.Integer(
        "Callback attempts",
        default=2,
        help="Calls made before a callback counts as not reached; each retry goes to the next "
        "working day, in another time slot.",
    )

    _sql_constraints = [
        (
            "qms_callback_attempts_positive",
            "CHECK(qms_callback_attempts IS NULL OR qms_callback_attempts >= 1)",
            "A callback needs at least one attempt.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # A new company starts with the deadline kinds' numbers of its parent
        # (or of the company it is created from), then sets its own.
        self.env["qms.deadline.kind"].sudo()._share_with_new_companies(companies)
        return companies

    def _qms_calendar(self):
        self.ensure_one()
        calendar = self.qms_calendar_id or self.resource_calendar_id
        if not calendar:
            calendar = self.env.ref("resource.resource_calendar_std")
        return calendar
