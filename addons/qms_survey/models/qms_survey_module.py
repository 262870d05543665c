from odoo import fields, models


class QmsSurveyModule(models.Model):
    """A block of questions scored 0–100 on its own: overall, service, product quality..."""

    _name = "qms.survey.module"
    _description = "Satisfaction Module"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share between companies.")
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible department",
        help="Analyses low scores of this module and takes the corrective actions.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        help="Receives the corrective actions; the department's manager when empty.",
    )
    default_weight = fields.Float("Default weight (%)", default=0.0)

    def _responsible_user(self):
        self.ensure_one()
        return self.user_id or self.department_id.manager_id.user_id
