from odoo import fields, models
from odoo.exceptions import UserError

from .qms_survey_invitation import BAND_SELECTION


class QmsCallback(models.Model):
    """Satisfaction on the callback: a rating (index band) and, when the company
    set one, the callback questionnaire answered during the call."""

    _inherit = "qms.callback"
    # the questionnaire answer is the one action_start_survey opened
    _qms_workflow_fields = ("state", "name", "survey_user_input_id")  # qms_base's and ours

    survey_rating = fields.Selection(BAND_SELECTION, string="Satisfaction", tracking=True)
    survey_user_input_id = fields.Many2one(
        "survey.user_input", string="Questionnaire answer", readonly=True, copy=False
    )

    def action_reached(self):
        for callback in self:
            if callback.kind_id.code == "delivery" and not callback.survey_rating:
                raise UserError(
                    self.env._("Record the customer's satisfaction before closing the call.")
                )
        return super().action_reached()

    def action_start_survey(self):
        """Open the callback questionnaire for the contact, one answer per callback."""
        self.ensure_one()
        survey = self.company_id.qms_survey_callback_survey_id
        if not survey:
            raise UserError(self.env._("Choose the callback questionnaire in the settings."))
        if not self.survey_user_input_id:
            answer = survey._create_answer(
                partner=self.contact_id or self.partner_id, check_attempts=False
            )
            self._qms_workflow_write({"survey_user_input_id": answer.id})
        return {
            "type": "ir.actions.act_url",
            "target": "new",
            "url": self.survey_user_input_id.get_start_url(),
        }
