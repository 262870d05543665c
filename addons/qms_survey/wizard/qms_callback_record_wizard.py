from odoo import fields, models

from ..models.qms_survey_invitation import BAND_SELECTION


class QmsCallbackRecordWizard(models.TransientModel):
    """A delivery callback records the customer's satisfaction with the call."""

    _inherit = "qms.callback.record.wizard"

    survey_rating = fields.Selection(BAND_SELECTION, string="Satisfaction")
    survey_kind_code = fields.Char(related="callback_id.kind_id.code", string="Callback kind")

    def action_record(self):
        if self.reached and self.survey_rating:
            self.callback_id.survey_rating = self.survey_rating
        return super().action_record()
