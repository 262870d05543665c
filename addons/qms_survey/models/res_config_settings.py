from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_survey_return_days = fields.Integer("Return window (working days)")
    qms_survey_return_reminders = fields.Char(
        "Reminders (working days before the return deadline)",
        help="Contacts who have not answered are reminded this many working days before "
        "the return deadline, once per number, e.g. 2,1.",
    )
    qms_survey_callback_min_days = fields.Integer("Callback from (working days)")
    qms_survey_callback_max_days = fields.Integer("Callback by (working days)")
    qms_survey_return_target = fields.Float(
        related="company_id.qms_survey_return_target", readonly=False
    )
    qms_survey_grade_a = fields.Float(related="company_id.qms_survey_grade_a", readonly=False)
    qms_survey_band_very_satisfied = fields.Float(
        related="company_id.qms_survey_band_very_satisfied", readonly=False
    )
    qms_survey_band_satisfied = fields.Float(
        related="company_id.qms_survey_band_satisfied", readonly=False
    )
    qms_survey_band_average = fields.Float(
        related="company_id.qms_survey_band_average", readonly=False
    )
    qms_survey_low_item = fields.Float(related="company_id.qms_survey_low_item", readonly=False)
    qms_survey_low_total = fields.Float(related="company_id.qms_survey_low_total", readonly=False)
    qms_survey_satisfaction_target = fields.Float(
        related="company_id.qms_survey_satisfaction_target", readonly=False
    )
    qms_survey_callback_survey_id = fields.Many2one(
        related="company_id.qms_survey_callback_survey_id", readonly=False
    )
    qms_survey_project_survey_id = fields.Many2one(
        related="company_id.qms_survey_project_survey_id", readonly=False
    )
    qms_survey_callback_auto = fields.Boolean(
        related="company_id.qms_survey_callback_auto", readonly=False
    )

    qms_survey_joint_department_ids = fields.Many2many(
        related="company_id.qms_survey_joint_department_ids", readonly=False
    )

    @api.model
    def _qms_kind_fields(self):
        return {
            **super()._qms_kind_fields(),
            "qms_survey_return_days": ("qms_survey.deadline_kind_return", "duration"),
            "qms_survey_return_reminders": (
                "qms_survey.deadline_kind_return",
                "reminder_offsets",
            ),
            "qms_survey_callback_min_days": (
                "qms_survey.deadline_kind_delivery_callback",
                "window_start",
            ),
            "qms_survey_callback_max_days": (
                "qms_survey.deadline_kind_delivery_callback",
                "duration",
            ),
        }
