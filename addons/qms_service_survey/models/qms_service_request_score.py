from odoo import models


class QmsServiceRequest(models.Model):
    """The survey scores in the engineers' year-end quality score."""

    _inherit = "qms.service.request"  # pylint: disable=consider-merging-classes-inherited

    def _quality_components(self, year):
        """The mean score (0–100) of the satisfaction surveys returned on the
        engineer's requests of ``year``, as a 0–1 ``survey_rate``."""
        result = super()._quality_components(year)
        for user in self.user_id:
            requests = self.filtered(lambda r, user=user: r.user_id == user)
            invitations = requests.sudo().survey_campaign_ids.invitation_ids.filtered("scored")
            scores = invitations.mapped("score_total")
            mean = sum(scores) / len(scores) if scores else None
            result.setdefault(user, {}).update(
                {
                    "survey_count": len(scores),
                    "survey_score": mean,
                    "survey_rate": None if mean is None else mean / 100,
                }
            )
        return result
