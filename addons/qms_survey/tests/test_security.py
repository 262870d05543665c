from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import SurveyCase


class TestSecurity(SurveyCase):
    def test_portal_customer_sees_only_their_company_questionnaires(self):
        portal = new_test_user(self.env, login="li_na_portal", groups="base.group_portal")
        portal.partner_id.parent_id = self.customer_a
        campaign = self._campaign()
        draft = self.env["qms.survey.invitation"].with_user(portal).search([])
        self.assertFalse(draft, "nothing before sending")
        invitation_a, invitation_b = self._send(campaign)
        self._answer(invitation_b, self._all("Satisfied"))
        visible = self.env["qms.survey.invitation"].with_user(portal).search([])
        self.assertEqual(visible, invitation_a)
        self.assertEqual(self.env["qms.survey.campaign"].with_user(portal).search([]), campaign)
        self.assertFalse(self.env["qms.survey.score"].with_user(portal).search([]))
        with self.assertRaises(AccessError):
            invitation_b.with_user(portal).read(["score_total"])
        with self.assertRaises(AccessError):
            invitation_a.with_user(portal).write({"channel": "fax"})

    def test_other_company_records_are_hidden(self):
        other = self.env["res.company"].create({"name": "QMS Hangzhou"})
        campaign = self._campaign(company_id=other.id)
        user = new_test_user(
            self.env,
            login="hq_only",
            groups="qms_base.group_qms_user",
            company_id=self.env.company.id,
            company_ids=[self.env.company.id],
        )
        self.assertNotIn(campaign, self.env["qms.survey.campaign"].with_user(user).search([]))
        self.assertIn(campaign, self.env["qms.survey.campaign"].search([]))

    def test_qms_user_cannot_change_modules(self):
        with self.assertRaises(AccessError):
            self.overall.with_user(self.owner_user).write({"default_weight": 50})
