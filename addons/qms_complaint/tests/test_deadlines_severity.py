from freezegun import freeze_time

from .common import ComplaintCase, cst


class TestReportDeadline(ComplaintCase):
    def _report_deadline(self, complaint):
        return complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "report_8d")

    def _report_reminders(self, complaint):
        return complaint.activity_ids.filtered(
            lambda a: a.qms_deadline_id.kind_id.code == "report_8d"
        )

    def test_three_working_days_then_escalation(self):
        # Received Friday 3 April 2026 at 10:00, before Qingming (4-6 April).
        with freeze_time("2026-04-03 02:00:00"):
            complaint = self._complaint()
        deadline = self._report_deadline(complaint)
        self.assertEqual(deadline.due, cst(2026, 4, 9, 10, 0))
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-04-09 01:59:00"):  # Thursday 09:59 Beijing
            Deadline._process_due()
        self.assertFalse(self._report_reminders(complaint))
        with freeze_time("2026-04-09 03:00:00"):  # Thursday 11:00: overdue
            Deadline._process_due()
        self.assertEqual(self._report_reminders(complaint).user_id, self.owner_user)
        with freeze_time("2026-04-10 03:00:00"):  # Friday 11:00: one working day later
            Deadline._process_due()
        self.assertEqual(
            self._report_reminders(complaint).user_id, self.owner_user | self.manager_user
        )
        self.assertEqual(deadline.alert_level, "escalated")

    def test_the_customers_date_wins_earlier_or_later(self):
        # 000 5.8.7: 应以客户要求的期限为准 — the customer's date is the due date.
        with freeze_time("2026-04-03 02:00:00"):
            complaint = self._complaint(customer_due_date="2026-04-07")
        self.assertEqual(self._report_deadline(complaint).due, cst(2026, 4, 7, 23, 59, 59))
        complaint.customer_due_date = "2026-04-30"
        self.assertEqual(
            self._report_deadline(complaint).due,
            cst(2026, 4, 30, 23, 59, 59),
            "a later customer date becomes the due date",
        )
        complaint.customer_due_date = False
        self.assertEqual(self._report_deadline(complaint).due, cst(2026, 4, 9, 10, 0))

    def test_the_settings_change_the_deadline(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.qms_complaint_report_days, 3)
        settings.qms_complaint_report_days = 5
        settings.execute()
        with freeze_time("2026-04-03 02:00:00"):
            complaint = self._complaint()
        self.assertEqual(self._report_deadline(complaint).due, cst(2026, 4, 13, 10, 0))


class TestSeverity(ComplaintCase):
    def test_third_complaint_in_the_window_is_severe(self):
        with freeze_time("2026-01-10 02:00:00"):
            self._complaint(title="first")
        with freeze_time("2026-02-10 02:00:00"):
            second = self._complaint(title="second", product_id=self.plain_product.id)
        self.assertFalse(second.is_severe, "2 complaints in 90 days are not severe")
        with freeze_time("2026-03-10 02:00:00"):
            third = self._complaint(title="third", product_id=self.plain_product.id)
        self.assertTrue(third.is_severe)
        self.assertIn("3 complaints from this customer in 90 days", third.severe_reason)
        escalation = third.activity_ids.filtered(lambda a: a.user_id == self.sales_head)
        self.assertEqual(len(escalation), 1)

    def test_window_edge(self):
        with freeze_time("2026-01-01 02:00:00"):
            self._complaint(title="outside the window")
        with freeze_time("2026-03-01 02:00:00"):
            self._complaint(title="second", product_id=self.plain_product.id)
        with freeze_time("2026-04-01 02:00:00"):  # 90 days after 1 January
            third = self._complaint(title="third", product_id=self.plain_product.id)
        self.assertFalse(third.is_severe, "the first one is 90 days old: out of the window")

    def test_same_defect_from_two_customers(self):
        first = self._complaint()
        self.assertFalse(first.is_severe)
        second = self._complaint(partner_id=self.other_customer.id)
        self.assertTrue(second.is_severe)
        self.assertIn("2 customers", second.severe_reason)

    def test_repeat_is_marked(self):
        first = self._complaint()
        second = self._complaint()
        self.assertFalse(first.is_repeat)
        self.assertTrue(second.is_repeat)
        self.assertEqual(second.repeat_rate, 100)
