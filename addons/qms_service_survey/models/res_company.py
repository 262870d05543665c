from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_service_survey_id = fields.Many2one(
        "survey.survey",
        string="After-service questionnaire",
        help="工程项目售后服务流程规范 5: sent to the customer's contact when a request is "
        "completed. Empty: no survey.",
    )
    qms_service_training_survey_id = fields.Many2one(
        "survey.survey",
        string="Service training exam",
        domain=[("certification", "=", True)],
        help="002 附件5: an engineer who passes this certification is qualified for service.",
    )
    qms_service_score_weight_survey = fields.Integer(
        "Score weight: survey score",
        default=20,
        help="The mean score of the satisfaction surveys returned on the engineer's requests "
        "of the year, in the year-end quality score.",
    )

    def _qms_service_score_weights(self):
        weights = super()._qms_service_score_weights()
        weights["survey"] = max(self.qms_service_score_weight_survey, 0)
        return weights
