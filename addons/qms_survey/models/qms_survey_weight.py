from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Under this key (an object: no RPC context carries it) a campaign or plan
# writes its weights together and checks their sum once, itself.
WEIGHTS_KEY = "qms_survey_weights"
WEIGHTS_TOKEN = object()


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

    @api.constrains("campaign_id", "plan_id")
    def _check_parent(self):
        for weight in self:
            if bool(weight.campaign_id) == bool(weight.plan_id):
                raise ValidationError(
                    self.env._("A module weight belongs to one campaign or one plan.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        weights = super().create(vals_list)
        weights._check_campaign_draft()
        weights._check_parents_sum()
        return weights

    def write(self, vals):
        self._check_campaign_draft()
        siblings = self.campaign_id.weight_ids | self.plan_id.weight_ids
        result = super().write(vals)
        self._check_campaign_draft()
        (self | siblings)._check_parents_sum()
        return result

    def _check_parents_sum(self):
        """A weight written on its own (not through its campaign or plan, which
        check their sum themselves) keeps the sum at 100%."""
        if self.env.context.get(WEIGHTS_KEY) is WEIGHTS_TOKEN:
            return
        self.campaign_id._check_weights()
        self.plan_id._check_weights()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent_campaign(self):
        self._check_campaign_draft()

    def _check_campaign_draft(self):
        sent = self.campaign_id.filtered(lambda c: c.state != "draft")
        if sent:
            raise UserError(
                self.env._(
                    "%(campaign)s was sent: its module weights can no longer change.",
                    campaign=sent[0].display_name,
                )
            )
