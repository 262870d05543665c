from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsServiceQualification(models.Model):
    """An engineer passed the service training exam (002 附件5: 不合格者不予上岗).

    Recorded by hand (a skill record: the exam on paper, a certificate), or
    created when the engineer passes the certification survey (qms_service_survey)."""

    _name = "qms.service.qualification"
    _description = "Service Engineer Qualification"
    _order = "date_passed desc, id desc"
    _rec_name = "user_id"

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Engineer", required=True, index=True, domain=[("share", "=", False)]
    )
    method = fields.Selection(
        [("exam", "Training exam (survey)"), ("record", "Skill record")],
        required=True,
        default="record",
    )
    date_passed = fields.Date("Passed on", required=True, default=fields.Date.context_today)
    date_expiry = fields.Date("Valid until", help="Empty: does not expire.")
    score = fields.Float("Score (%)")
    reference = fields.Char(help="Certificate number, exam sheet…")

    @api.constrains("date_passed", "date_expiry")
    def _check_dates(self):
        for qualification in self:
            if qualification.date_expiry and qualification.date_expiry < qualification.date_passed:
                raise ValidationError(
                    self.env._("A qualification cannot expire before it is passed.")
                )

    @api.model
    def _qualified_users(self, users, company, day=None):
        """The users among ``users`` qualified in ``company`` on ``day``."""
        day = day or fields.Date.context_today(self)
        rows = self.sudo().search(
            [
                ("user_id", "in", users.ids),
                ("company_id", "=", company.id),
                ("date_passed", "<=", day),
                "|",
                ("date_expiry", "=", False),
                ("date_expiry", ">=", day),
            ]
        )
        return rows.user_id
