import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.scoring import Thresholds


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_survey_return_target = fields.Float("Survey return rate target (%)", default=99.0)
    qms_survey_grade_a = fields.Float("Grade A from", default=80.0)
    qms_survey_band_very_satisfied = fields.Float(
        "Very satisfied from", default=80.0, help="001: 80分以上 — this score and above."
    )
    qms_survey_band_satisfied = fields.Float("Satisfied from", default=70.0)
    qms_survey_band_average = fields.Float("Average from", default=60.0)
    qms_survey_low_item = fields.Float("Low item at or below (%)", default=70.0)
    qms_survey_low_total = fields.Float("Low total below", default=80.0)
    qms_survey_satisfaction_target = fields.Float("Satisfaction rate target (%)", default=90.0)
    qms_survey_callback_survey_id = fields.Many2one(
        "survey.survey", string="Callback questionnaire"
    )
    qms_survey_project_survey_id = fields.Many2one(
        "survey.survey", string="Project stage questionnaire"
    )
    qms_survey_callback_auto = fields.Boolean("Callbacks after deliveries", default=True)
    qms_survey_joint_department_ids = fields.Many2many(
        "hr.department",
        "qms_survey_company_joint_department_rel",
        string="Joint review departments",
        help="5.7.4: a campaign average below the low total is reviewed jointly by quality, "
        "development, sales and production: their departments.",
    )

    @api.constrains(
        "qms_survey_return_target",
        "qms_survey_grade_a",
        "qms_survey_band_very_satisfied",
        "qms_survey_band_satisfied",
        "qms_survey_band_average",
        "qms_survey_low_item",
        "qms_survey_low_total",
        "qms_survey_satisfaction_target",
    )
    def _check_qms_survey_percentages(self):
        names = (
            "qms_survey_return_target",
            "qms_survey_grade_a",
            "qms_survey_band_very_satisfied",
            "qms_survey_band_satisfied",
            "qms_survey_band_average",
            "qms_survey_low_item",
            "qms_survey_low_total",
            "qms_survey_satisfaction_target",
        )
        for company in self:
            for name in names:
                value = company[name]
                if not math.isfinite(value) or not 0 <= value <= 100:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s is a score or a rate between 0 and 100, not %(value)s.",
                            setting=self._fields[name]._description_string(self.env),
                            value=value,
                        )
                    )
            if not (
                company.qms_survey_band_very_satisfied
                >= company.qms_survey_band_satisfied
                >= company.qms_survey_band_average
            ):
                raise ValidationError(
                    self.env._(
                        "The index bands must go down: very satisfied above %(very)s, "
                        "satisfied from %(satisfied)s, average from %(average)s.",
                        very=company.qms_survey_band_very_satisfied,
                        satisfied=company.qms_survey_band_satisfied,
                        average=company.qms_survey_band_average,
                    )
                )

    def _qms_survey_thresholds(self):
        self.ensure_one()
        return Thresholds(
            grade_a=self.qms_survey_grade_a,
            very_satisfied_from=self.qms_survey_band_very_satisfied,
            satisfied_from=self.qms_survey_band_satisfied,
            average_from=self.qms_survey_band_average,
            low_item_at_most=self.qms_survey_low_item,
            low_total_below=self.qms_survey_low_total,
        )
