from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ContractCase

CONTACT = "qms_service_contract.mail_activity_type_contact"


@tagged("post_install", "-at_install")
class TestCadence(ContractCase):
    """003 4.3.2: weekly contact in the first month after installation,
    monthly during the warranty, every 3 months after it, as activities of
    the engineer; the next one counts from the contact really made; none
    after the contract ends."""

    def _contact_activity(self, contract):
        return contract.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(CONTACT))

    def test_schedule_weekly_monthly_quarterly(self):
        contract = self._active_contract(
            period_ids=[(0, 0, {"date_start": date(2027, 3, 2), "date_end": date(2028, 3, 1)})]
        )
        dates = contract._cadence_schedule()
        self.assertEqual(
            dates[:5],
            [
                date(2026, 3, 9),
                date(2026, 3, 16),
                date(2026, 3, 23),
                date(2026, 3, 30),
                date(2026, 4, 6),
            ],
        )
        self.assertEqual(dates[5:7], [date(2026, 5, 6), date(2026, 6, 6)])
        after = [d for d in dates if d > contract.date_free_end]
        self.assertEqual(
            after, [date(2027, 3, 6), date(2027, 6, 6), date(2027, 9, 6), date(2027, 12, 6)]
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_activities_follow_the_contacts_made(self):
        contract = self._active_contract()
        activity = self._contact_activity(contract)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.engineer)
        self.assertEqual(activity.date_deadline, date(2026, 3, 9))
        self.assertEqual(contract.date_next_contact, date(2026, 3, 9))
        with freeze_time("2026-03-10 02:00:00"):  # made a day late
            activity.action_feedback(feedback="Called the head of IT")
        activity = self._contact_activity(contract)
        self.assertEqual(activity.date_deadline, date(2026, 3, 17), "a week after the real contact")
        self.assertEqual(contract.date_last_contact, date(2026, 3, 10))

    @freeze_time("2026-04-28 02:00:00")
    def test_contact_day_moves_past_holidays(self):
        # installed 1 Apr: the weekly contact of 29 Apr... the fourth week lands in May Day
        contract = self._active_contract(acceptance=date(2026, 4, 1))
        with freeze_time("2026-04-29 02:00:00"):
            contract._schedule_next_contact(after=date(2026, 4, 26))
        # 3 May is in the May Day holiday (1-5 May): the next working day is 6 May
        self.assertEqual(self._contact_activity(contract).date_deadline, date(2026, 5, 6))

    @freeze_time("2026-03-02 02:00:00")
    def test_ended_contract_has_no_more_contacts(self):
        contract = self._active_contract()
        self.assertTrue(self._contact_activity(contract))
        self.assertIs(contract.action_end(), True)
        self.assertFalse(self._contact_activity(contract))
        self.assertFalse(contract.date_next_contact)
        renewal = contract.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "renewal")
        self.assertEqual(renewal.state, "cancelled")

    @freeze_time("2027-03-05 02:00:00")
    def test_cron_ends_contracts_past_their_coverage(self):
        contract = self._active_contract(acceptance=date(2026, 3, 2))
        self.env["qms.service.contract"]._cron_end_expired()
        self.assertEqual(contract.state, "ended")
        self.assertFalse(self._contact_activity(contract))

    def test_cadence_numbers_are_settings(self):
        self.env.company.qms_service_cadence_first_days = 3
        contract = self._active_contract()
        self.assertEqual(contract._cadence_schedule()[:2], [date(2026, 3, 5), date(2026, 3, 8)])
