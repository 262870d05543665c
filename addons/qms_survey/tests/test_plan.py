from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user

from .common import SurveyCase


class TestPlan(SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.representative = new_test_user(
            cls.env,
            login="mr",
            name="Management Representative",
            groups="qms_base.group_qms_management_representative",
        )

    def _make_plan(self, frequency="quarterly"):
        form = Form(self.env["qms.survey.plan"].with_user(self.owner_user))
        form.title = "2026 customer satisfaction survey plan"
        form.year = 2026
        form.frequency = frequency
        form.survey_id = self.survey
        form.partner_ids.add(self.customer_a)
        form.partner_ids.add(self.customer_b)
        return form.save()

    def test_campaign_form_takes_the_plan_questionnaire(self):
        plan = self._make_plan()
        form = Form(self.env["qms.survey.campaign"].with_user(self.owner_user))
        form.title = "Extra campaign"
        form.plan_id = plan
        self.assertEqual(form.survey_id, self.survey)
        self.assertEqual(form.period, "quarterly")
        with form.weight_ids.new() as line:
            line.module_id = self.overall
            line.weight = 100
        with form.invitation_ids.new() as line:
            line.contact_id = self.contact_a
        campaign = form.save()
        self.assertEqual(campaign.invitation_ids.partner_id, self.customer_a)

    def test_default_weights_come_from_the_modules(self):
        plan = self._make_plan()
        self.assertEqual(
            {w.module_id: w.weight for w in plan.weight_ids},
            {self.overall: 40, self.service: 30, self.quality: 30},
        )
        self.assertTrue(plan.name.startswith("CSP2026-") or plan.name.startswith("CSP"))

    def test_only_the_management_representative_approves(self):
        plan = self._make_plan()
        plan.action_submit()
        with self.assertRaisesRegex(UserError, "management representative"):
            plan.with_user(self.owner_user).action_approve()
        self.assertEqual(plan.state, "submitted")
        plan.with_user(self.representative).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.representative)

    def test_approved_plan_schedules_its_campaigns(self):
        plan = self._make_plan()
        with self.assertRaisesRegex(UserError, "Approve"):
            plan.action_generate_campaigns()
        plan.action_submit()
        plan.with_user(self.representative).action_approve()
        plan.action_generate_campaigns()
        self.assertEqual(len(plan.campaign_ids), 4)
        self.assertEqual(
            sorted(plan.campaign_ids.mapped("title")),
            ["2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"],
        )
        first = plan.campaign_ids.sorted("date_send")[0]
        self.assertEqual(first.invitation_ids.contact_id, self.contact_a | self.contact_b)
        self.assertEqual(sum(first.weight_ids.mapped("weight")), 100)
        plan.action_generate_campaigns()
        self.assertEqual(len(plan.campaign_ids), 4, "scheduling twice adds nothing")
        self.assertEqual(plan.campaign_count, 4)

    def test_semiannual_and_annual(self):
        for frequency, count in (("semiannual", 2), ("annual", 1)):
            plan = self._make_plan(frequency)
            plan.action_submit()
            plan.with_user(self.representative).action_approve()
            plan.action_generate_campaigns()
            self.assertEqual(len(plan.campaign_ids), count)

    def test_plan_weights_must_sum_to_100(self):
        plan = self._make_plan()
        with self.assertRaisesRegex(ValidationError, "must sum to 100"), self.env.cr.savepoint():
            plan.write({"weight_ids": [Command.update(plan.weight_ids[0].id, {"weight": 10})]})

    def test_settings_page_sets_every_number(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.qms_survey_return_days, 5)
        self.assertEqual(settings.qms_survey_callback_max_days, 15)
        settings.qms_survey_return_days = 6
        settings.qms_survey_return_target = 95
        settings.qms_survey_return_reminders = "3,1"
        settings.qms_survey_grade_a = 85
        settings.save().execute()
        self.assertEqual(self.env.ref("qms_survey.deadline_kind_return").duration, 6)
        self.assertEqual(self.env.ref("qms_survey.deadline_kind_return").reminder_offsets, "3,1")
        self.assertEqual(self.env.company.qms_survey_return_target, 95)
        self.assertEqual(self.env.company._qms_survey_thresholds().grade_a, 85)
        campaign = self._campaign_from_plan()
        self.assertEqual(campaign.return_target, 95)

    def _campaign_from_plan(self):
        plan = self._make_plan()
        plan.action_submit()
        plan.with_user(self.representative).action_approve()
        plan.action_generate_campaigns()
        return plan.campaign_ids[:1]

    def test_numbers_follow_the_year_of_the_record(self):
        campaign = self._campaign(date_send="2025-03-03 01:00:00")
        self.assertTrue(campaign.name.startswith("CS2025-"), campaign.name)
