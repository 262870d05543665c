from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, new_test_user

from .common import SurveyCase, cst

APPROVAL = "qms_survey.mail_activity_plan_approval"
REPORT = "qms_survey.action_report_campaign_summary"


class TestBackend(SurveyCase):
    """What the quality staff see in the backend: who approves a plan, the
    weights a campaign starts with, when the return rate warns, when closing
    is possible, the menus, and the summary report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.representative = new_test_user(
            cls.env,
            login="mr_backend",
            name="Management Representative",
            groups="qms_base.group_qms_management_representative",
        )
        cls.other_representative = new_test_user(
            cls.env,
            login="mr_elsewhere",
            name="Representative of another company",
            groups="qms_base.group_qms_management_representative",
            company_id=cls.fresh_company.id,
            company_ids=[Command.set(cls.fresh_company.ids)],
        )

    def _plan(self):
        return self.env["qms.survey.plan"].create(
            {
                "title": "2026 plan",
                "year": 2026,
                "survey_id": self.survey.id,
                "partner_ids": [Command.set(self.customer_a.ids)],
            }
        )

    def _approval_activities(self, plan):
        return plan.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(APPROVAL))

    # ------------------------------------------------------------------
    # The annual plan
    # ------------------------------------------------------------------
    def test_demo_has_a_management_representative(self):
        if not self.env["ir.module.module"]._get("qms_survey").demo:
            return  # a database without demo data: qms_base's test checks it did not fail
        user = self.env.ref("qms_survey.demo_user_representative")
        self.assertTrue(user.has_group("qms_base.group_qms_management_representative"))
        history = self.env.ref("qms_survey.demo_plan_last_year").campaign_ids
        self.assertTrue(history.filtered(lambda c: c.state == "closed"), "the demo's past")

    def test_the_plan_says_who_approves_it(self):
        plan = self._plan()
        self.assertIn(self.representative, plan.approver_ids)
        self.assertNotIn(self.other_representative, plan.approver_ids)
        self.assertNotIn(self.owner_user, plan.approver_ids)

    def test_submitting_asks_every_approver_and_approving_clears_the_requests(self):
        plan = self._plan()
        plan.with_user(self.owner_user).action_submit()
        activities = self._approval_activities(plan)
        self.assertEqual(activities.user_id, plan.approver_ids)
        self.assertNotIn(self.other_representative, activities.user_id)
        plan.with_user(self.representative).action_approve()
        self.assertFalse(self._approval_activities(plan), "no approver is asked any more")
        done = self.env["mail.message"].search(
            [
                ("model", "=", "qms.survey.plan"),
                ("res_id", "=", plan.id),
                ("mail_activity_type_id", "=", self.env.ref(APPROVAL).id),
            ]
        )
        self.assertEqual(done.author_id, self.representative.partner_id)
        self.assertIn("Approved.", done.body)

    def test_reset_to_draft_withdraws_the_requests(self):
        plan = self._plan()
        plan.action_submit()
        self.assertTrue(self._approval_activities(plan))
        plan.action_reset_draft()
        self.assertFalse(self._approval_activities(plan))

    # ------------------------------------------------------------------
    # Campaigns
    # ------------------------------------------------------------------
    def test_campaign_without_plan_takes_the_questionnaire_modules(self):
        campaign = self.env["qms.survey.campaign"].create(
            {"title": "Ad-hoc survey", "survey_id": self.survey.id}
        )
        self.assertEqual(
            {w.module_id: w.weight for w in campaign.weight_ids},
            {self.overall: 40, self.service: 30, self.quality: 30},
        )
        self.quality.default_weight = 0
        form = Form(self.env["qms.survey.campaign"].with_user(self.owner_user))
        form.title = "Another ad-hoc survey"
        form.survey_id = self.survey
        self.assertEqual(len(form.weight_ids), 3)
        campaign = form.save()
        weights = {w.module_id: w.weight for w in campaign.weight_ids}
        self.assertEqual(weights[self.overall], 33.33)
        self.assertAlmostEqual(sum(weights.values()), 100.0, places=2)

    def test_low_return_rate_warns_once_the_window_has_closed(self):
        campaign = self._campaign()
        invitation_a, _invitation_b = self._send(campaign)
        self._answer(invitation_a, self._all("Very satisfied"))
        self.assertTrue(campaign.improvement_required)
        # Due 9 March 09:00 (five working days after 2 March).
        with freeze_time(cst(2026, 3, 6, 9, 0)):
            campaign.invalidate_recordset(["return_window_closed"])
            self.assertFalse(campaign.return_window_closed)
        with freeze_time(cst(2026, 3, 10, 9, 0)):
            campaign.invalidate_recordset(["return_window_closed"])
            self.assertTrue(campaign.return_window_closed)

    def test_close_is_offered_once_closing_can_succeed(self):
        campaign = self._campaign()
        invitation_a, _invitation_b = self._send(campaign)
        self._answer(invitation_a, self._all("Very satisfied"))
        self.assertIn("improvement report", campaign.close_hint)
        campaign.action_create_improvement_report()
        campaign.invalidate_recordset(["close_hint"])
        self.assertFalse(campaign.close_hint)
        with freeze_time(cst(2026, 3, 10, 9, 0)):
            campaign.action_close()
        self.assertEqual(campaign.state, "closed")
        arch = self.env["qms.survey.campaign"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("state != 'sent' or close_hint", arch, "the primary Close button")

    # ------------------------------------------------------------------
    # Menus, labels
    # ------------------------------------------------------------------
    def test_one_questionnaires_menu_that_stays_in_the_qms(self):
        root = self.env.ref("qms_survey.qms_survey_menu")
        menus = self.env["ir.ui.menu"].search([("id", "child_of", root.id)])
        self.assertEqual(len(menus.filtered(lambda m: m.name == "Questionnaires")), 1)
        self.assertFalse(
            menus.filtered(lambda m: m.action == self.env.ref("survey.action_survey_form"))
        )

    def test_years_are_shown_without_thousands_separator(self):
        views = self.env["qms.survey.plan"].get_views([(False, "list"), (False, "form")])
        for view in views["views"].values():
            self.assertRegex(
                view["arch"], r"<field name=\"year\"[^>]*options=\"\{'format': false\}\""
            )

    def test_grade_and_band_have_different_chinese_labels(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["qms_survey"], ["zh_CN"], overwrite=True)
        fields = (
            self.env["qms.survey.invitation"]
            .with_context(lang="zh_CN")
            .fields_get(["grade", "band"], ["string"])
        )
        self.assertNotEqual(fields["grade"]["string"], fields["band"]["string"])

    # ------------------------------------------------------------------
    # Summary report
    # ------------------------------------------------------------------
    def test_quarters_are_reported_once_their_windows_have_closed(self):
        campaign = self._campaign(company_id=self.fresh_company.id)
        invitation_a, _invitation_b = self._send(campaign)
        self._answer(invitation_a, self._all("Satisfied"))
        with freeze_time(cst(2026, 3, 6, 9, 0)):
            self.assertEqual(campaign._return_rate_by_quarter(2026), [])
            html = self.env["ir.actions.report"]._render_qweb_html(REPORT, campaign.ids)[0]
            self.assertIn("No quarter has closed its return windows yet.", html.decode())
        with freeze_time(cst(2026, 3, 10, 9, 0)):
            self.assertEqual(campaign._return_rate_by_quarter(2026), [("Q1 2026", 2, 1, 50.0)])

    def test_summary_report_tables_break_cleanly_and_chart_the_trend(self):
        campaign = self._campaign(company_id=self.fresh_company.id)
        invitation_a, _invitation_b = self._send(campaign)
        self._answer(invitation_a, self._all("Satisfied"))
        campaign.action_compute_scores()
        html = self.env["ir.actions.report"]._render_qweb_html(REPORT, campaign.ids)[0].decode()
        self.assertIn("display: table-header-group", html)
        self.assertIn("page-break-inside: avoid", html)
        self.assertIn("<svg", html, "the trend chart")
        self.assertIn("Average total score", html)
        self.assertIn("Returned within the window", html)
        plan = self._plan()
        plan.company_id = self.fresh_company
        # counted in the plan as if planned before it was sent (the form fixes it once sent)
        campaign._qms_workflow_write({"plan_id": plan.id})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("qms_survey.action_report_plan_summary", plan.ids)[0]
            .decode()
        )
        self.assertIn("<svg", html)
        self.assertIn("Questionnaires sent", html)
