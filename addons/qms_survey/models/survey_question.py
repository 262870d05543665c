from odoo import api, fields, models

SCORED_TYPES = ("simple_choice", "multiple_choice", "numerical_box", "date", "datetime")


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
            question.qms_max_score = question._qms_max_points()

    def _qms_max_points(self):
        """The best achievable points, as Odoo counts them for one answer."""
        self.ensure_one()
        if self.question_type == "simple_choice":
            return max([a.answer_score for a in self.suggested_answer_ids], default=0.0)
        if self.question_type == "multiple_choice":
            return sum(a.answer_score for a in self.suggested_answer_ids if a.answer_score > 0)
        if self.question_type in SCORED_TYPES:
            return self.answer_score
        return 0.0
