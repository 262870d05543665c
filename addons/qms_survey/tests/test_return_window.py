from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import SurveyCase, cst


class TestReturnWindow(SurveyCase):
    def test_window_is_five_working_days_on_the_company_calendar(self):
        invitation_a, _invitation_b = self._send(self._campaign())
        # Sent Monday 2 March 09:00; five working days later.
        self.assertEqual(invitation_a.return_due, cst(2026, 3, 9, 9, 0))
        self.assertEqual(invitation_a.campaign_id.date_deadline, cst(2026, 3, 9, 9, 0))
        deadline = invitation_a.qms_deadline_ids
        self.assertEqual((deadline.state, deadline.due), ("open", cst(2026, 3, 9, 9, 0)))

    def test_answer_in_the_last_minute_counts_one_after_does_not(self):
        invitation_a, invitation_b = self._send(self._campaign())
        due = invitation_a.return_due
        self._answer(invitation_a, self._all("Satisfied"), at=due)
        self._answer(invitation_b, self._all("Satisfied"), at=due + timedelta(minutes=1))
        self.assertEqual(invitation_a.state, "returned")
        self.assertEqual(invitation_b.state, "late")
        self.assertTrue(invitation_a.qms_deadline_ids.on_time)
        self.assertFalse(invitation_b.qms_deadline_ids.on_time)
        campaign = invitation_a.campaign_id
        self.assertEqual((campaign.sent_count, campaign.returned_count), (2, 1))
        self.assertEqual(campaign.return_rate, 50.0)
        self.assertTrue(campaign.improvement_required)

    def test_return_rate_per_quarter(self):
        company = self.fresh_company
        q1 = self._campaign(company_id=company.id)
        first, _second = self._send(q1)
        self._answer(first, self._all("Satisfied"))
        q2 = self._campaign(
            self.contact_a, title="2026 Q2", date_send=cst(2026, 4, 1, 9, 0), company_id=company.id
        )
        (only,) = self._send(q2, at=cst(2026, 4, 1, 9, 0))
        self._answer(only, self._all("Satisfied"), at=cst(2026, 4, 2, 9, 0))
        rates = {
            label: (sent, returned, rate)
            for label, sent, returned, rate in q1._return_rate_by_quarter(2026)
        }
        self.assertEqual(rates["Q1 2026"], (2, 1, 50.0))
        self.assertEqual(rates["Q2 2026"], (1, 1, 100.0))
        self.assertEqual(q2.return_rate, 100.0)

    def test_close_below_target_needs_an_improvement_report(self):
        campaign = self._campaign()
        invitation_a, invitation_b = self._send(campaign)
        self._answer(invitation_a, self._all("Very satisfied"))
        with (
            freeze_time(cst(2026, 3, 10, 9, 0)),
            self.assertRaisesRegex(UserError, "improvement report"),
        ):
            campaign.action_close()
        self.assertEqual(campaign.state, "sent")
        campaign.action_create_improvement_report()
        self.assertEqual(campaign.improvement_report_ids.survey_kind, "return_rate")
        with freeze_time(cst(2026, 3, 10, 9, 0)):
            campaign.action_close()
        self.assertEqual(campaign.state, "closed")
        self.assertEqual(invitation_b.state, "expired")
        self.assertEqual(invitation_b.qms_deadline_ids.state, "cancelled")
        with self.assertRaises(UserError):
            campaign.unlink()

    def test_deadline_scheduler_marks_silent_contacts_not_returned(self):
        invitation_a, invitation_b = self._send(self._campaign())
        self._answer(invitation_b, self._all("Satisfied"))
        self.env["qms.deadline"]._process_due(now=cst(2026, 3, 9, 9, 30))
        self.assertEqual(invitation_a.state, "expired")
        self.assertEqual(invitation_b.state, "returned")
        self.assertTrue(
            invitation_a.activity_ids.filtered(lambda a: a.user_id == self.owner_user),
            "the campaign owner is told to follow up",
        )
        # A questionnaire coming back after all is recorded, as late.
        self._answer(invitation_a, self._all("Satisfied"), at=cst(2026, 3, 10, 9, 0))
        self.assertEqual(invitation_a.state, "late")
        self.assertEqual(invitation_a.campaign_id.return_rate, 50.0)
