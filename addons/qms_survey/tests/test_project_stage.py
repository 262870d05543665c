from odoo.exceptions import UserError

from .common import SurveyCase


class TestProjectStageSurveys(SurveyCase):
    def test_sales_order_creates_pre_mid_and_post_phase_surveys_once(self):
        order = self.env["sale.order"].create({"partner_id": self.contact_a.id})
        with self.assertRaisesRegex(UserError, "project stage questionnaire"):
            order.action_qms_project_surveys()
        self.env.company.qms_survey_project_survey_id = self.survey
        order.action_qms_project_surveys()
        campaigns = order.qms_survey_campaign_ids
        self.assertEqual(sorted(campaigns.mapped("project_stage")), ["mid", "post", "pre"])
        self.assertEqual(set(campaigns.mapped("campaign_type")), {"project"})
        self.assertEqual(campaigns.invitation_ids.contact_id, self.contact_a)
        self.assertEqual(campaigns.invitation_ids.partner_id, self.customer_a)
        for campaign in campaigns:
            self.assertEqual(sum(campaign.weight_ids.mapped("weight")), 100)
        order.action_qms_project_surveys()
        self.assertEqual(order.qms_survey_campaign_count, 3, "created once")
        pre = campaigns.filtered(lambda c: c.project_stage == "pre")
        (invitation,) = self._send(pre)
        self._answer(invitation, self._all("Very satisfied"))
        self.assertEqual(invitation.score_total, 100.0)
