from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError

from .common import SurveyCase, cst


class TestDeliveryCallbackReceipt(SurveyCase):
    def test_counted_from_the_receipt_date_and_replanned(self):
        picking = self._deliver(cst(2026, 3, 2, 9, 0))
        callback = self._callback(picking)
        # The customer received it on Wednesday 4 March: 7-15 working days from then.
        with freeze_time(cst(2026, 3, 4, 10, 0)):
            picking.qms_date_customer_received = cst(2026, 3, 4, 9, 0)
        self.assertEqual(len(self._callback(picking)), 1, "the same callback, re-planned")
        self.assertEqual(callback.date_start, cst(2026, 3, 4, 9, 0))
        self.assertEqual(callback.date_from, cst(2026, 3, 13, 9, 0))
        self.assertEqual(callback.date_to, cst(2026, 3, 25, 9, 0))
        self.assertEqual(callback.date_planned, cst(2026, 3, 13, 9, 0))
        open_rows = callback.qms_deadline_ids.filtered(lambda d: d.state == "open")
        self.assertEqual(open_rows.due, cst(2026, 3, 25, 9, 0))
        self.assertEqual(len(callback.activity_ids), 1)
        self.assertEqual(str(callback.activity_ids.date_deadline), "2026-03-13")
        # Corrected again: the window follows.
        with freeze_time(cst(2026, 3, 5, 10, 0)):
            picking.qms_date_customer_received = cst(2026, 3, 5, 9, 0)
        self.assertEqual(callback.date_from, cst(2026, 3, 16, 9, 0))
        self.assertEqual(len(callback.qms_deadline_ids.filtered(lambda d: d.state == "open")), 1)
        # Once the call was attempted, the window stays.
        with freeze_time(cst(2026, 3, 16, 10, 0)):
            callback.action_not_reached()
        picking.qms_date_customer_received = cst(2026, 3, 6, 9, 0)
        self.assertEqual(callback.date_start, cst(2026, 3, 5, 9, 0))

    def test_the_start_is_guarded(self):
        callback = self._callback(self._deliver(cst(2026, 3, 2, 9, 0)))
        with self.assertRaisesRegex(UserError, "Counted from can no longer change"):
            callback.date_start = cst(2026, 3, 9, 9, 0)


class TestCampaignReview(SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fine_survey = cls.env["survey.survey"].create(
            {
                "title": "One question",
                "access_mode": "token",
                "questions_layout": "one_page",
                "scoring_type": "scoring_without_answers",
            }
        )
        cls.q_fine = cls.env["survey.question"].create(
            {
                "survey_id": cls.fine_survey.id,
                "title": "Overall",
                "question_type": "simple_choice",
                "qms_module_id": cls.overall.id,
                "suggested_answer_ids": [
                    Command.create({"value": label, "answer_score": points})
                    for label, points in (("A", 100), ("B", 80), ("C", 79.99))
                ],
            }
        )

    def _fine_campaign(self, label, sent):
        campaign = self._campaign(
            self.contact_a,
            weights=(100,),
            survey_id=self.fine_survey.id,
            date_send=sent,
            company_id=self.fresh_company.id,
        )
        invitation = self._send(campaign, at=sent)
        answer = invitation.user_input_id
        answer._save_lines(
            self.q_fine, self.q_fine.suggested_answer_ids.filtered(lambda a: a.value == label).id
        )
        with freeze_time(sent):
            answer._mark_done()
        return campaign

    def test_an_average_of_79_99_opens_the_joint_review_and_80_does_not(self):
        low = self._fine_campaign("C", cst(2026, 3, 2, 9, 0))
        self.assertEqual(low.company_id, self.fresh_company)
        self.assertAlmostEqual(low.score_avg, 79.99)
        self.assertFalse(low.joint_review_ids, "the average is the campaign's, read at closing")
        low.action_close()
        self.assertEqual(len(low.joint_review_ids), 1)
        self.assertIn("joint review", low.joint_review_ids.title)
        self.assertIn(
            "quality, development, sales and production", low.joint_review_ids.description
        )
        low.action_review_campaign()
        self.assertEqual(len(low.joint_review_ids), 1, "never twice")
        edge = self._fine_campaign("B", cst(2026, 6, 1, 9, 0))
        self.assertAlmostEqual(edge.score_avg, 80.0)
        edge.action_close()
        self.assertFalse(edge.joint_review_ids)
        self.assertFalse(edge.module_drop_ids, "80 is up from 79.99")

    def test_a_module_that_fell_is_analysed(self):
        first = self._campaign(self.contact_a, company_id=self.fresh_company.id)
        self._answer(self._send(first), self._all("Very satisfied"))
        first.action_close()
        second = self._campaign(
            self.contact_a, company_id=self.fresh_company.id, date_send=cst(2026, 6, 1, 9, 0)
        )
        self._answer(
            self._send(second, at=cst(2026, 6, 1, 9, 0)),
            {**self._all("Very satisfied"), self.q_response: "Poor"},
            at=cst(2026, 6, 2, 9, 0),
        )
        second.action_close()
        self.assertAlmostEqual(second.score_avg, 82.0)
        self.assertFalse(second.joint_review_ids)
        drop = second.module_drop_ids
        self.assertEqual(drop.survey_module_id, self.service)
        self.assertEqual(drop.department_id, self.service_dept)
        self.assertIn("fell from 100 to 40", drop.title)

    def test_the_satisfaction_target_blocks_closing_without_a_report(self):
        self.assertEqual(self.env.company.qms_survey_satisfaction_target, 90.0)
        campaign = self._campaign(self.contact_a)
        self._answer(self._send(campaign), self._all("Average"))
        self.assertEqual(campaign.satisfaction_rate, 0.0)
        self.assertTrue(campaign.satisfaction_improvement_required)
        with self.assertRaisesRegex(UserError, "satisfaction rate 0% is below the target 90%"):
            campaign.action_close()
        self.assertEqual(campaign.state, "sent")
        campaign.action_create_satisfaction_report()
        self.assertEqual(campaign.satisfaction_report_ids.survey_kind, "satisfaction_rate")
        campaign.action_close()
        self.assertEqual(campaign.state, "closed")

    def test_the_summary_report_carries_the_conclusions(self):
        campaign = self._campaign(self.contact_a)
        self._answer(self._send(campaign), self._all("Satisfied"))
        campaign.action_close()
        campaign.write(
            {
                "review_meeting": "management",
                "date_reviewed": "2026-04-10",
                "conclusions": "<p>Keep the delivery improvements going.</p>",
            }
        )
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "qms_survey.action_report_campaign_summary", campaign.ids
        )
        self.assertIn(b"Keep the delivery improvements going.", html)
        self.assertIn(b"Management review", html)
        content, kind = self.env["ir.actions.report"]._render(
            "qms_survey.campaign_summary_xlsx", campaign.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))


class TestMethodsAndVisits(SurveyCase):
    def test_phone_interview_by_a_dealer(self):
        campaign = self._campaign(self.contact_a)
        campaign.invitation_ids.write({"channel": "phone", "source": "dealer"})
        invitation = self._send(campaign)
        self.assertEqual(invitation.state, "sent")
        mails = self.env["mail.mail"].search([("recipient_ids", "in", self.contact_a.ids)])
        self.assertFalse(mails, "a phone interview sends the contact no email")

    def test_a_customer_visit_to_us_shows_earlier_suggestions(self):
        campaign = self._campaign(self.contact_a)
        self._answer(
            self._send(campaign), self._all("Satisfied"), suggestion="Pack by 50, not 100."
        )
        visit = self.env["qms.survey.visit"].create(
            {
                "visit_type": "factory",
                "partner_id": self.customer_a.id,
                "date_planned": cst(2026, 4, 1, 9, 0),
                "purpose": "Process audit",
                "topics": "<p>Packing line</p>",
                "purchasing_habits": "Orders monthly, by framework contract",
                "personnel_changes": "New purchasing manager since March",
            }
        )
        self.assertIn("Pack by 50, not 100.", visit.earlier_feedback)
        with self.assertRaisesRegex(UserError, "Name who accompanies"):
            visit.action_send_notice()
        visit.attendee_ids = self.service_head
        visit.action_send_notice()
        self.assertTrue(visit.date_notice_sent)
        notice = visit.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn(self.service_head.partner_id, notice.partner_ids)
        self.assertIn("Pack by 50, not 100.", notice.body)
