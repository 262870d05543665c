from odoo import fields, models


class QmsSurveyWeight(models.Model):
    """A module's share (in %) of the customer's total, on a plan or a campaign."""

    _name = "qms.survey.weight"
    _description = "Satisfaction Module Weight"
    _order = "sequence, id"

    sequence = fields.Integer(related="module_id.sequence", store=True)
    campaign_id = fields.Many2one("qms.survey.campaign", ondelete="cascade", index=True)
    plan_id = fields.Many2one("qms.survey.plan", ondelete="cascade", index=True)
    module_id = fields.Many2one("qms.survey.module", required=True, ondelete="restrict")
    weight = fields.Float("Weight (%)", required=True, default=0.0)

    _sql_constraints = [
        ("weight_range", "CHECK(weight >= 0 AND weight <= 100)", "A weight is between 0 and 100%."),
        ("campaign_module_uniq", "unique(campaign_id, module_id)", "A module is weighted once."),
        ("plan_module_uniq", "unique(plan_id, module_id)", "A module is weighted once."),
    ]
