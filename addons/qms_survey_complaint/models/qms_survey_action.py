from odoo import fields, models


class QmsSurveyAction(models.Model):
    _inherit = "qms.survey.action"

    complaint_id = fields.Many2one(
        "qms.complaint", string="Internal complaint", readonly=True, index="btree_not_null"
    )

    def _qms_complaint_values(self):
        """An internal complaint for the responsible department, about this customer."""
        self.ensure_one()
        campaign = self.campaign_id
        lines = [self.name]
        if self.kind != "suggestion" and self.score:
            lines.append(self.env._("Score: %(score).1f", score=self.score))
        if self.suggestion:
            lines.append(self.suggestion)
        return {
            "title": self.name[:200],
            "feedback_type": "internal",
            "channel": "other",
            "partner_id": (self.partner_id or campaign.company_id.partner_id).id,
            "company_id": campaign.company_id.id,
            "department_id": self.department_id.id,
            "user_id": (self.user_id or campaign.user_id).id,
            "description": "<br/>".join(lines),
            "date_received": fields.Datetime.now(),
        }
