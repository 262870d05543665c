from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ContractCase, cst

STAMPED = cst(2026, 3, 2, 10, 0)


@tagged("post_install", "-at_install")
class TestPaperwork(ContractCase):
    """服务合同的跟踪: reminders within 15 days, the customer called and the
    penalty recorded at a month, each a deadline of the shared engine."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.qms_service_paperwork_penalty = 150.0

    def _paperwork(self):
        contract = self._active_contract()
        with freeze_time(STAMPED):
            return self.env["qms.service.contract.paperwork"].create(
                {"contract_id": contract.id, "user_id": self.owner_user.id}
            )

    def _run_cron(self, moment):
        with freeze_time(moment):
            self.env["qms.deadline"]._process_due()

    def _deadline(self, paperwork, code):
        return paperwork.qms_deadline_ids.filtered(lambda d: d.kind_id.code == code)

    def _salesperson_mails(self, paperwork):
        return paperwork.message_ids.filtered(
            lambda m: self.salesperson.partner_id in m.partner_ids
        )

    def test_deadlines_at_fifteen_days_and_a_month(self):
        paperwork = self._paperwork()
        self.assertEqual(paperwork.salesperson_id, self.salesperson, "from the contract")
        self.assertEqual(
            self._deadline(paperwork, "sales_reminder").due, STAMPED + timedelta(days=15)
        )
        self.assertEqual(self._deadline(paperwork, "return").due, STAMPED + timedelta(days=30))

    def _phone_calls(self, paperwork):
        return paperwork.activity_ids.filtered(lambda a: "Phone" in (a.summary or ""))

    def test_salesperson_reminded_before_fifteen_days(self):
        """The kind's reminder (3 days before the 15-day mark by default): the
        salesperson's e-mail and quality's phone call go out within the 15 days."""
        paperwork = self._paperwork()
        reminder = self._deadline(paperwork, "sales_reminder")
        self.assertEqual(reminder._reminder_datetimes(), [STAMPED + timedelta(days=12)])
        self._run_cron(STAMPED + timedelta(days=11, hours=23))
        self.assertFalse(self._salesperson_mails(paperwork))
        self.assertFalse(self._phone_calls(paperwork))
        self._run_cron(STAMPED + timedelta(days=12, minutes=1))
        mails = self._salesperson_mails(paperwork)
        self.assertEqual(len(mails), 1)
        self.assertIn("bring back contract", mails.subject)
        # the phone reminder: an activity of the quality owner
        calls = self._phone_calls(paperwork)
        self.assertEqual(calls.user_id, self.owner_user)
        self.assertFalse(paperwork.penalty_amount)
        # the 15-day mark sends no second e-mail
        self._run_cron(STAMPED + timedelta(days=15, minutes=1))
        self.assertEqual(len(self._salesperson_mails(paperwork)), 1)
        self.assertIs(paperwork.action_log_salesperson_call(), True)
        self.assertEqual(reminder.state, "done")

    def test_reminder_days_are_a_setting_of_the_kind(self):
        kind = self.env.ref("qms_service_contract.deadline_kind_paperwork_sales_reminder")
        kind.reminder_offsets = "5"
        paperwork = self._paperwork()
        self._run_cron(STAMPED + timedelta(days=9, hours=23))
        self.assertFalse(self._salesperson_mails(paperwork))
        self._run_cron(STAMPED + timedelta(days=10, minutes=1))
        self.assertEqual(len(self._salesperson_mails(paperwork)), 1)

    def test_without_reminder_the_salesperson_is_reminded_at_fifteen_days(self):
        kind = self.env.ref("qms_service_contract.deadline_kind_paperwork_sales_reminder")
        kind.reminder_offsets = False
        paperwork = self._paperwork()
        self._run_cron(STAMPED + timedelta(days=14, hours=23))
        self.assertFalse(self._salesperson_mails(paperwork))
        self._run_cron(STAMPED + timedelta(days=15, minutes=1))
        self.assertEqual(len(self._salesperson_mails(paperwork)), 1)
        self.assertEqual(self._phone_calls(paperwork).user_id, self.owner_user)

    def test_customer_called_and_penalty_after_a_month(self):
        paperwork = self._paperwork()
        self._run_cron(STAMPED + timedelta(days=15, minutes=1))
        self._run_cron(STAMPED + timedelta(days=29, hours=23))
        self.assertFalse(paperwork.penalty_amount)
        self.assertFalse(self._deadline(paperwork, "customer_call"))
        self._run_cron(STAMPED + timedelta(days=30, minutes=1))
        self.assertEqual(paperwork.penalty_amount, 150.0, "the company's setting")
        call = self._deadline(paperwork, "customer_call")
        self.assertEqual(call.state, "open")
        self.assertEqual(call.owner_id, self.owner_user)
        self.assertEqual(paperwork.contract_id.paperwork_state, "late")
        with freeze_time(STAMPED + timedelta(days=31)):
            self.assertIs(paperwork.action_log_customer_call(), True)
            self.assertEqual(call.state, "done")
            self.assertIs(paperwork.action_returned(), True)
        self.assertEqual(paperwork.state, "returned")
        self.assertFalse(self._deadline(paperwork, "return").on_time)
        self.assertEqual(paperwork.contract_id.paperwork_state, "returned")

    def test_back_in_time_nothing_more_happens(self):
        paperwork = self._paperwork()
        with freeze_time(STAMPED + timedelta(days=10)):
            paperwork.action_returned()
        self.assertTrue(self._deadline(paperwork, "return").on_time)
        self._run_cron(STAMPED + timedelta(days=40))
        self.assertFalse(self._salesperson_mails(paperwork))
        self.assertFalse(paperwork.penalty_amount)
