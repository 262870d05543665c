from odoo import fields, models, tools

from .survey_question import SCORED_TYPES


class QmsSurveyScore(models.Model):
    """A customer's score (0–100) in one module of one campaign: the trend charts' rows.

    A view over the answer lines, with the definition of ``tools/scoring.py``:
    the points achieved over the best points of the questions answered
    (a skipped or never-shown conditional question does not count).
    """

    _name = "qms.survey.score"
    _description = "Satisfaction Module Score"
    _auto = False
    _order = "date desc, id"

    invitation_id = fields.Many2one("qms.survey.invitation", readonly=True)
    campaign_id = fields.Many2one("qms.survey.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    module_id = fields.Many2one("qms.survey.module", readonly=True)
    score = fields.Float(readonly=True, aggregator="avg")
    weight = fields.Float("Weight (%)", readonly=True, aggregator="avg")
    date = fields.Datetime("Campaign date", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                WITH best AS (
                    SELECT q.id AS question_id, q.qms_module_id AS module_id,
                           CASE q.question_type
                               WHEN 'simple_choice' THEN (
                                   SELECT MAX(a.answer_score) FROM survey_question_answer a
                                    WHERE a.question_id = q.id)
                               WHEN 'multiple_choice' THEN (
                                   SELECT SUM(a.answer_score) FROM survey_question_answer a
                                    WHERE a.question_id = q.id AND a.answer_score > 0)
                               ELSE q.answer_score
                           END AS points
                      FROM survey_question q
                     WHERE q.qms_module_id IS NOT NULL AND q.question_type IN %s
                ),
                answered AS (
                    SELECT i.id AS invitation_id, i.campaign_id, i.company_id, i.partner_id,
                           i.campaign_date, l.question_id, MIN(l.id) AS line_id,
                           SUM(l.answer_score) AS points
                      FROM qms_survey_invitation i
                      JOIN survey_user_input ui ON ui.id = i.user_input_id AND ui.state = 'done'
                      JOIN survey_user_input_line l ON l.user_input_id = ui.id
                     WHERE i.state IN ('returned', 'late')
                  GROUP BY i.id, i.campaign_id, i.company_id, i.partner_id, i.campaign_date,
                           l.question_id
                    HAVING BOOL_OR(NOT l.skipped)
                )
                -- Filters on campaign, customer or company reach the grouped rows
                -- (they are grouping columns), so one campaign reads only its lines.
                SELECT MIN(a.line_id) AS id, a.invitation_id, a.campaign_id, a.company_id,
                       a.partner_id, b.module_id, a.campaign_date AS date, w.weight,
                       LEAST(100.0, GREATEST(0.0,
                           SUM(COALESCE(a.points, 0)) * 100.0 / SUM(b.points))) AS score
                  FROM answered a
                  JOIN best b ON b.question_id = a.question_id AND b.points > 0
             LEFT JOIN qms_survey_weight w
                       ON w.campaign_id = a.campaign_id AND w.module_id = b.module_id
              GROUP BY a.invitation_id, a.campaign_id, a.company_id, a.partner_id, b.module_id,
                       a.campaign_date, w.weight
            )
            """,
            [SCORED_TYPES],
        )
