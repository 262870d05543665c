from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user

from .common import SurveyCase, cst


class TestAuditIntegrity(SurveyCase):
    """Over RPC as in a form, a record's workflow changes only through its
    buttons: states, approvals, figures and what was sent stay as recorded."""

    def test_plan_is_approved_only_by_the_management_representative(self):
        plan = self.env["qms.survey.plan"].create(
            {"title": "2026 plan", "year": 2026, "survey_id": self.survey.id}
        )
        user_plan = plan.with_user(self.owner_user)
        for values in ({"state": "approved"}, {"approved_by_id": self.owner_user.id}):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                user_plan.write(values)
        with self.assertRaisesRegex(UserError, "Approve plan"):
            user_plan.action_generate_campaigns()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self.env["qms.survey.plan"].create(
                {"title": "Forged", "year": 2026, "survey_id": self.survey.id, "state": "approved"}
            )
        self.assertEqual(plan.state, "draft")

    def test_campaign_and_invitations_follow_their_buttons(self):
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._campaign(state="sent")
        campaign = self._campaign()
        invitation_a, _invitation_b = self._send(campaign)
        for record, values in (
            (campaign, {"state": "closed"}),
            (campaign, {"score_avg": 100}),
            (invitation_a, {"state": "returned"}),
            (invitation_a, {"score_total": 100}),
        ):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                record.with_user(self.owner_user).write(values)
        with self.assertRaisesRegex(UserError, "can no longer change"):
            campaign.weight_ids[0].with_user(self.owner_user).write({"weight": 10})
        with self.assertRaisesRegex(UserError, "can no longer change"):
            campaign.write(
                {"weight_ids": [Command.update(campaign.weight_ids[0].id, {"weight": 50})]}
            )
        with self.assertRaisesRegex(UserError, "Contact can no longer change"):
            invitation_a.write({"contact_id": self.contact_b.id})
        self.assertEqual(invitation_a.state, "sent")

    def test_weights_written_one_by_one_keep_the_sum(self):
        campaign = self._campaign()
        with self.assertRaisesRegex(ValidationError, "sum to 150"), self.env.cr.savepoint():
            campaign.weight_ids[0].write({"weight": 90})
        self.assertEqual(sum(campaign.weight_ids.mapped("weight")), 100)

    def test_late_answer_after_closing_changes_no_figure(self):
        campaign = self._campaign()
        invitation_a, invitation_b = self._send(campaign)
        self._answer(invitation_a, self._all("Average"))
        # half returned, none satisfied: both improvement reports come before closing
        campaign.action_create_improvement_report()
        campaign.action_create_satisfaction_report()
        campaign.action_close()
        figures = (campaign.score_avg, campaign.return_rate, campaign.returned_count)
        self._answer(invitation_b, self._all("Very satisfied"), at=cst(2026, 3, 20, 9, 0))
        self.assertEqual(invitation_b.state, "expired", "counted as not returned")
        self.assertTrue(invitation_b.answer_date, "the answer is kept")
        self.assertEqual(
            (campaign.score_avg, campaign.return_rate, campaign.returned_count), figures
        )
        with self.assertRaisesRegex(UserError, "frozen"):
            campaign.action_compute_scores()

    def test_customer_last_score_is_the_customers(self):
        second = self.env["res.partner"].create(
            {"name": "Zhang San", "parent_id": self.customer_a.id, "email": "zs@example.com"}
        )
        campaign = self._campaign(self.contact_a | second)
        invitation_1, invitation_2 = self._send(campaign)
        self._answer(invitation_1, self._all("Very satisfied"))
        self._answer(invitation_2, self._all("Average"))
        self.assertAlmostEqual(self.customer_a.qms_survey_last_score, 80.0)
        self.assertAlmostEqual(self.contact_a.qms_survey_last_score, 80.0)

    def test_portal_reads_its_own_partner(self):
        portal = new_test_user(self.env, login="audit_portal", groups="base.group_portal")
        portal.partner_id.parent_id = self.customer_a
        own = portal.partner_id.with_user(portal)
        self.assertTrue(own.read(["name"]))
        self.assertNotIn("qms_survey_last_score", own.fields_get())

    def test_visit_follows_its_buttons_and_dates(self):
        visit = self.env["qms.survey.visit"].create(
            {
                "partner_id": self.customer_a.id,
                "purpose": "Review",
                "date_planned": cst(2026, 3, 2, 9, 0),
            }
        )
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            visit.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            visit.write({"date_done": cst(2026, 3, 2, 10, 0)})
        visit.conclusions = "<p>Delivery accepted as improved.</p>"
        with self.assertRaisesRegex(ValidationError, "before it was planned"):
            visit.action_done(date_done=cst(2026, 3, 1, 9, 0))
        with self.assertRaisesRegex(ValidationError, "not a contact"):
            visit.write({"contact_id": self.contact_b.id})
        with self.assertRaisesRegex(UserError, "not possible now"):
            visit.action_reset()

    def test_bad_settings_and_plan_years_are_refused(self):
        company = self.env.company
        for values in (
            {"qms_survey_return_target": 150},
            {"qms_survey_grade_a": 150},
            {"qms_survey_band_satisfied": 90},
        ):
            with self.assertRaises(ValidationError):
                company.write(values)
        for year in (0, 99999):
            with self.assertRaisesRegex(ValidationError, "between 2000 and 2999"):
                self.env["qms.survey.plan"].create(
                    {"title": "Bad", "year": year, "survey_id": self.survey.id}
                )
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self._campaign(return_target=150)
