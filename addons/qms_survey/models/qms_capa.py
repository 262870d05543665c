from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.qms_base.models.qms_capa import CAPA_FROZEN_FIELDS

from ..tools import scoring

SURVEY_KINDS = [
    ("low_item", "Low item"),
    ("low_total", "Low total score"),
    ("suggestion", "Customer suggestion"),
    ("return_rate", "Improvement report (return rate)"),
    ("joint_review", "Joint review (campaign average)"),
    ("module_drop", "Module fell against the previous campaign"),
    ("satisfaction_rate", "Improvement report (satisfaction rate)"),
]
# The kind of corrective or preventive action each survey finding calls for.
CAPA_KIND = {
    "low_item": "corrective",
    "low_total": "corrective",
    "suggestion": "improvement",
    "return_rate": "corrective",
    "joint_review": "corrective",
    "module_drop": "corrective",
    "satisfaction_rate": "corrective",
}
# Findings about the whole campaign, not one customer's questionnaire.
CAMPAIGN_KINDS = ("return_rate", "joint_review", "module_drop", "satisfaction_rate")
# What the survey found, recorded when it raised the action.
SURVEY_SOURCE_FIELDS = (
    "survey_kind",
    "survey_campaign_id",
    "survey_invitation_id",
    "survey_module_id",
    "survey_question_id",
    "survey_score",
    "survey_suggestion",
)


class QmsCapa(models.Model):
    """A corrective action raised by the satisfaction survey: low item, low total,
    suggestion or low return rate (improvement report). The same customer's score
    in the next campaign shows its effect and feeds the effect verification."""

    _inherit = "qms.capa"
    _qms_frozen_fields = {**CAPA_FROZEN_FIELDS, **dict.fromkeys(SURVEY_SOURCE_FIELDS, ())}

    survey_campaign_id = fields.Many2one(
        "qms.survey.campaign",
        string="Satisfaction campaign",
        compute="_compute_survey_campaign_id",
        store=True,
        index="btree_not_null",
    )
    survey_invitation_id = fields.Many2one(
        "qms.survey.invitation",
        string="Questionnaire",
        ondelete="cascade",
        index="btree_not_null",
    )
    survey_kind = fields.Selection(SURVEY_KINDS, string="Survey finding", tracking=True)
    survey_module_id = fields.Many2one("qms.survey.module", string="Satisfaction module")
    survey_question_id = fields.Many2one(
        "survey.question", string="Survey question", ondelete="set null"
    )
    survey_score = fields.Float("Survey score")
    survey_suggestion = fields.Text("Customer's words")
    survey_cause = fields.Html("Cause analysis")
    survey_measures = fields.Html("Corrective measures")
    survey_next_campaign_id = fields.Many2one(
        "qms.survey.campaign", string="Next campaign", compute="_compute_survey_next_score"
    )
    survey_next_scored = fields.Boolean(compute="_compute_survey_next_score")
    survey_next_score = fields.Float(
        "Score in the next campaign", compute="_compute_survey_next_score"
    )
    survey_next_effect = fields.Selection(
        [
            ("improved", "Improved"),
            ("not_improved", "Not improved"),
            ("pending", "Not yet measured"),
        ],
        string="Effect in the next campaign",
        compute="_compute_survey_next_score",
    )

    @api.depends("res_model", "res_id")
    def _compute_survey_campaign_id(self):
        for capa in self:
            capa.survey_campaign_id = (
                capa.res_id if capa.res_model == "qms.survey.campaign" and capa.res_id else False
            )

    @api.depends(
        "survey_campaign_id", "partner_id", "survey_module_id", "survey_question_id", "survey_kind"
    )
    def _compute_survey_next_score(self):
        for capa in self:
            capa.survey_next_campaign_id = False
            capa.survey_next_scored = False
            capa.survey_next_score = 0.0
            capa.survey_next_effect = "pending"
            campaign = capa.survey_campaign_id
            if not campaign or not capa.survey_kind or capa.survey_kind in CAMPAIGN_KINDS:
                continue
            following = campaign.search(
                [
                    ("company_id", "=", campaign.company_id.id),
                    ("campaign_type", "=", campaign.campaign_type),
                    ("state", "in", ("sent", "closed")),
                    ("date_send", ">", campaign.date_send),
                    ("invitation_ids.partner_id", "=", capa.partner_id.id),
                ],
                order="date_send",
                limit=1,
            )
            if not following:
                continue
            capa.survey_next_campaign_id = following
            score = capa._survey_score_in(following)
            if score is not None:
                capa.survey_next_scored = True
                capa.survey_next_score = score
                capa.survey_next_effect = (
                    "improved" if score > capa.survey_score else "not_improved"
                )

    def _survey_score_in(self, campaign):
        """The same measure (item or total) for the same customer in ``campaign``."""
        self.ensure_one()
        invitations = campaign.invitation_ids.filtered(
            lambda i: i.partner_id == self.partner_id and i.scored
        )
        if not invitations:
            return None
        if self.survey_kind == "low_item" and self.survey_question_id:
            maximum = self.survey_question_id.qms_max_score
            return scoring.mean(
                [
                    scoring.percent(points or 0.0, maximum)
                    for _i, _p, question_id, points, answered in campaign._answer_rows(
                        invitations.ids
                    )
                    if question_id == self.survey_question_id.id and answered
                ]
            )
        return scoring.mean(invitations.mapped("score_total"))

    def action_survey_verify_from_next_campaign(self):
        """Verify the effect with the same customer's score in the next campaign:
        improved is effective, not improved reopens the action."""
        for capa in self:
            if capa.survey_next_effect == "pending":
                raise UserError(
                    self.env._(
                        "%(capa)s: the next campaign has not scored this customer yet.",
                        capa=capa.display_name,
                    )
                )
            capa.verification_note = self.env._(
                "Score %(before)s in %(campaign)s, %(after)s in %(next)s.",
                before=round(capa.survey_score, 1),
                campaign=capa.survey_campaign_id.display_name,
                after=round(capa.survey_next_score, 1),
                next=capa.survey_next_campaign_id.display_name,
            )
            if capa.survey_next_effect == "improved":
                capa.action_verify_effective()
            else:
                capa.action_verify_not_effective()
        return True
