from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_service_survey_id = fields.Many2one(
        related="company_id.qms_service_survey_id", readonly=False
    )
    qms_service_training_survey_id = fields.Many2one(
        related="company_id.qms_service_training_survey_id", readonly=False
    )
    qms_service_score_weight_survey = fields.Integer(
        related="company_id.qms_service_score_weight_survey", readonly=False
    )
