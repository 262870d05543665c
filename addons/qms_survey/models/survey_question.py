from odoo import api, fields, models

from ..tools import scoring


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    qms_module_id = fields.Many2one(
        "qms.survey.module",
        string="Satisfaction module",
        index="btree_not_null",
        help="The module this question's points count in (customer satisfaction surveys).",
    )
    qms_is_suggestion = fields.Boolean(
        "Customer suggestion",
        help="Answers to this question are captured as the customer's suggestions "
        "and each one opens a corrective action.",
    )
    qms_max_score = fields.Float(
        "Maximum points", compute="_compute_qms_max_score", help="Points of the best answer."
    )

    @api.depends("question_type", "answer_score", "suggested_answer_ids.answer_score")
    def _compute_qms_max_score(self):
        for question in self:
            question.qms_max_score = scoring.max_points(
                question.question_type,
                question.answer_score,
                question.suggested_answer_ids.mapped("answer_score"),
            )
