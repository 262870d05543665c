from odoo import api, fields, models


class QmsSurveyScore(models.Model):
    """A customer's score (0–100) in one module of one campaign: the trend charts' rows.

    Written by the campaign each time an answer is scored, with the definition
    of ``tools/scoring.py``; the analysis views and reports only read them.
    """

    _name = "qms.survey.score"
    _inherit = ["qms.portal.fields.mixin"]
    _description = "Satisfaction Module Score"
    _qms_portal_fields = (
        "invitation_id",
        "campaign_id",
        "partner_id",
        "module_id",
        "date",
        "company_id",
    )
    _order = "date desc, id"
    # Written in bulk by SQL when answers are scored; nobody edits a row.
    _log_access = False

    invitation_id = fields.Many2one(
        "qms.survey.invitation", required=True, readonly=True, ondelete="cascade", index=True
    )
    module_id = fields.Many2one(
        "qms.survey.module", required=True, readonly=True, ondelete="cascade", index=True
    )
    score = fields.Float(readonly=True, aggregator="avg")
    campaign_id = fields.Many2one(
        related="invitation_id.campaign_id", store=True, index=True, string="Campaign"
    )
    company_id = fields.Many2one(related="invitation_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="invitation_id.partner_id", store=True, index=True, string="Customer"
    )
    date = fields.Datetime(
        related="invitation_id.campaign_date", store=True, string="Campaign date"
    )
    weight = fields.Float("Weight (%)", compute="_compute_weight")

    _sql_constraints = [
        (
            "invitation_module_uniq",
            "unique(invitation_id, module_id)",
            "A questionnaire has one score per module.",
        ),
    ]

    @api.depends("campaign_id.weight_ids.weight", "module_id")
    def _compute_weight(self):
        for score in self:
            weight = score.campaign_id.weight_ids.filtered(
                lambda w, s=score: w.module_id == s.module_id
            )
            score.weight = weight[:1].weight
