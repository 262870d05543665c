from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    qms_invitation_id = fields.Many2one(
        "qms.survey.invitation", string="Satisfaction invitation", index="btree_not_null"
    )

    def _mark_done(self):
        result = super()._mark_done()
        invitations = self.sudo().qms_invitation_id
        for invitation in invitations:
            answer = self.filtered(lambda a, i=invitation: a.qms_invitation_id == i)[:1]
            invitation._register_answer(answer.end_datetime or fields.Datetime.now())
        return result
