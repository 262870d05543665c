from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import FakeModelsMixin, QmsCase, cst

# Monday 2 March 2026 09:00 Beijing: due Thursday 5 March 09:00, reminders
# two and one working days before: Tuesday 3 and Wednesday 4 March 09:00.
START = cst(2026, 3, 2, 9, 0)
# freeze_time takes UTC: Beijing is UTC+8.
TUESDAY_0859 = "2026-03-03 00:59:00"
TUESDAY_1000 = "2026-03-03 02:00:00"
WEDNESDAY_1000 = "2026-03-04 02:00:00"
THURSDAY_1000 = "2026-03-05 02:00:00"


class TestDeadlineReminders(QmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind.reminder_offsets = "2,1"

    def _due_soon(self, records):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("summary", "like", "Due soon"),
            ]
        )

    def _cron(self, when):
        with freeze_time(when):
            return self.env["qms.deadline"]._process_due()

    def test_reminder_times_are_counted_back_from_the_due_date(self):
        deadline = self._open(self._customers(1), start=START)
        self.assertEqual(deadline.due, cst(2026, 3, 5, 9, 0))
        self.assertEqual(
            deadline._reminder_datetimes(), [cst(2026, 3, 3, 9, 0), cst(2026, 3, 4, 9, 0)]
        )
        self.assertEqual(deadline.next_check, cst(2026, 3, 3, 9, 0), "the cron looks at it then")
        self.assertEqual(deadline.date_next_reminder, cst(2026, 3, 3, 9, 0))

    def test_each_offset_fires_once_through_the_cron(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self.assertEqual(self._cron(TUESDAY_0859), 0)
        self.assertFalse(self._due_soon(customer))

        self.assertEqual(self._cron(TUESDAY_1000), 1)
        activity = self._due_soon(customer)
        self.assertEqual(activity.summary, "Due soon: Test report_due")
        self.assertEqual(activity.user_id, self.owner_user)
        self.assertEqual(activity.qms_deadline_id, deadline)
        self.assertEqual(deadline.reminder_count, 1)
        self.assertEqual(deadline.next_check, cst(2026, 3, 4, 9, 0))
        self.assertEqual(self._cron(TUESDAY_1000), 0, "the same offset never fires twice")

        self.assertEqual(self._cron(WEDNESDAY_1000), 1)
        self.assertEqual(deadline.reminder_count, 2)
        self.assertEqual(deadline.next_check, deadline.due, "then the due date")
        self.assertEqual(
            len(self._due_soon(customer)), 1, "the second reminder replaces the first one"
        )
        self.assertEqual(deadline.alert_level, "none")

        self._cron(THURSDAY_1000)
        self.assertEqual(deadline.alert_level, "owner")
        self.assertEqual(deadline.reminder_count, 2)

    def test_a_late_cron_sends_one_reminder_for_all_passed_offsets(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self.assertEqual(self._cron(WEDNESDAY_1000), 1)
        self.assertEqual(len(self._due_soon(customer)), 1)
        self.assertEqual(deadline.reminder_count, 2, "both offsets are counted")
        self.assertEqual(deadline.next_check, deadline.due)

    def test_no_reminder_once_closed(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self._cron(TUESDAY_1000)
        deadline._close(done=cst(2026, 3, 3, 11, 0))
        self.assertEqual(self._cron(WEDNESDAY_1000), 0)
        self.assertFalse(self._due_soon(customer), "closing removed the reminder too")
        self.assertEqual(deadline.reminder_count, 1)

    def test_no_reminder_past_the_due_date(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self._cron(THURSDAY_1000)
        self.assertFalse(self._due_soon(customer), "overdue, not due soon")
        self.assertEqual(deadline.reminder_count, 2)
        self.assertEqual(deadline.alert_level, "owner")

    def test_reminders_before_the_start_are_skipped(self):
        # Due one working day after the start: "2 days before" is before the
        # start, "1 day before" is the start itself.
        self._make_kind("one_day", 1, "working_days", reminder_offsets="2,1")
        customer = self._customers(1)
        deadline = self._open(customer, code="one_day", start=START)
        self.assertEqual(deadline._reminder_datetimes(), [None, None])
        self.assertEqual(deadline.reminder_count, 2, "never sent")
        self.assertEqual(deadline.next_check, deadline.due)
        self.assertEqual(self._cron(TUESDAY_0859), 0)
        self.assertFalse(self._due_soon(customer))

    def test_reschedule_moves_the_reminders_not_those_sent(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self._cron(TUESDAY_1000)
        deadline._reschedule(cst(2026, 3, 10, 9, 0))  # Tuesday next week
        self.assertEqual(deadline.reminder_count, 1, "the 2-day reminder was sent already")
        self.assertEqual(deadline.next_check, cst(2026, 3, 9, 9, 0), "one day before the new date")
        self.assertEqual(self._cron(WEDNESDAY_1000), 0)
        self.assertEqual(self._cron("2026-03-09 02:00:00"), 1)
        self.assertEqual(deadline.reminder_count, 2)

    def test_reminders_in_working_hours(self):
        self._make_kind(
            "hours", 1, "working_days", reminder_offsets="2", reminder_unit="working_hours"
        )
        deadline = self._open(self._customers(1), code="hours", start=START)
        # Due Tuesday 09:00: one hour on Tuesday morning, one on Monday evening.
        self.assertEqual(deadline._reminder_datetimes(), [cst(2026, 3, 2, 16, 0)])

    def test_reminder_offsets_are_checked(self):
        for garbage in ("abc", "-1", "2,-1", "0", "nan", "inf", "1e3", "2;x", "1.5", "99999"):
            with self.subTest(offsets=garbage), self.assertRaises(ValidationError):
                self.kind.reminder_offsets = garbage
        with self.assertRaises(ValidationError) as caught:
            self.kind.reminder_offsets = ",".join(str(n) for n in range(1, 12))
        self.assertIn("at most 10 reminders", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.kind.write({"reminder_offsets": "3651", "reminder_unit": "calendar_days"})
        self.assertIn("more than 3650 days", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.kind.reminder_offsets = "abc"
        self.assertIn("e.g. 2,1 (not a number: “abc”)", str(caught.exception))
        self.assertEqual(self.kind.reminder_offsets, "2,1", "nothing was written")
        self.kind.write({"reminder_offsets": "1.5, 0.5", "reminder_unit": "working_hours"})
        self.assertEqual(self.kind._reminder_offsets(), [1.5, 0.5])
        self.kind.write({"reminder_offsets": "1，3", "reminder_unit": "working_days"})
        self.assertEqual(self.kind._reminder_offsets(), [3, 1], "largest first, any comma")
        self.kind.reminder_offsets = False
        self.assertEqual(self.kind._reminder_offsets(), [])


class TestDeadlineReminderHook(FakeModelsMixin, QmsCase):
    """The document's hook is called once per offset; without one, the default."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_fake_models("QmsFakeDocument")
        cls.env["qms.deadline.kind"].create(
            {
                "name": "Containment due",
                "code": "containment",
                "model_id": cls.env["ir.model"]._get_id("qms.fake.document"),
                "duration": 3,
                "duration_unit": "working_days",
                "reminder_offsets": "2,1",
            }
        )
        cls.env["ir.sequence"].create(
            {"name": "Test documents", "code": "qms.fake.document", "prefix": "CC", "padding": 5}
        )

    def test_hook_once_per_offset(self):
        document = self.env["qms.fake.document"].create({"user_id": self.owner_user.id})
        document._qms_deadline_open("containment", start=START)
        Deadline = self.env["qms.deadline"]
        for when in (TUESDAY_1000, TUESDAY_1000, WEDNESDAY_1000, WEDNESDAY_1000):
            with freeze_time(when):
                Deadline._process_due()
        self.assertEqual(document.reminded, 2)
        self.assertEqual(document.activity_ids.summary, "Due soon: Containment due")
        with freeze_time(THURSDAY_1000):
            Deadline._process_due()
        self.assertEqual(document.reminded, 2)
        self.assertEqual(document.reached, "owner;")
