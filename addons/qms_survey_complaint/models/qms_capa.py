from odoo import fields, models

from odoo.addons.qms_base.models.qms_capa import CAPA_WORKFLOW_FIELDS


class QmsCapa(models.Model):
    _inherit = "qms.capa"
    # opened by the campaign with the action, never linked by hand
    _qms_workflow_fields = (*CAPA_WORKFLOW_FIELDS, "survey_complaint_id")

    survey_complaint_id = fields.Many2one(
        "qms.complaint", string="Internal complaint", readonly=True, index="btree_not_null"
    )

    def _survey_complaint_values(self):
        """An internal complaint for the responsible department, about this customer."""
        self.ensure_one()
        campaign = self.survey_campaign_id
        lines = [self.title]
        if self.survey_kind != "suggestion" and self.survey_score:
            lines.append(self.env._("Score: %(score).1f", score=self.survey_score))
        if self.survey_suggestion:
            lines.append(self.survey_suggestion)
        return {
            "title": self.title[:200],
            "feedback_type": "internal",
            "channel": "other",
            "partner_id": (self.partner_id or campaign.company_id.partner_id).id,
            "company_id": campaign.company_id.id,
            "department_id": self.department_id.id,
            "user_id": (self.user_id or campaign.user_id).id,
            "description": "<br/>".join(lines),
            "date_received": fields.Datetime.now(),
        }
