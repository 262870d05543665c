from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import QmsCase, cst


class TestDeadline(QmsCase):
    def test_open_stores_start_due_owner_and_escalation(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=cst(2026, 4, 3, 17, 0))
        self.assertEqual(deadline.due, cst(2026, 4, 9, 17, 0))
        self.assertEqual(deadline.escalate_at, cst(2026, 4, 10, 17, 0))
        self.assertEqual(deadline.owner_id, self.owner_user, "the customer's salesperson owns it")
        self.assertEqual(deadline.state, "open")
        self.assertEqual(deadline.next_check, deadline.due)

    def test_open_twice_keeps_one_row(self):
        customer = self._customers(1)
        first = self._open(customer, start=cst(2026, 3, 2, 9, 0))
        again = self._open(customer, start=cst(2026, 3, 3, 9, 0))
        self.assertEqual(first, again)
        self.assertEqual(first.start, cst(2026, 3, 2, 9, 0))

    def test_explicit_due_wins(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=cst(2026, 3, 2, 9, 0), due=cst(2026, 3, 3, 12, 0))
        self.assertEqual(deadline.due, cst(2026, 3, 3, 12, 0))
        with self.assertRaises(ValidationError):
            self._open(self._customers(1), start=cst(2026, 3, 2, 9, 0), due=cst(2026, 3, 1, 9, 0))

    def test_unknown_kind_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "Unknown deadline kind “nope”"):
            self._open(self._customers(1), code="nope")
        self.assertFalse(self.env["qms.deadline"].search([("res_model", "=", "res.partner")]))

    def test_negative_or_fractional_durations_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.kind.duration = -1
        with self.assertRaisesRegex(ValidationError, "whole number"):
            self.kind.duration = 1.5
        # Odoo's assertRaises rolls back to a savepoint, as a failed RPC call would.
        with self.assertRaises(ValidationError) as caught:
            self._make_kind("bad", -30, "working_minutes")
        self.assertIn("cannot be negative", str(caught.exception))
        self.assertFalse(self.env["qms.deadline.kind"].search([("code", "=", "bad")]))

    def _refused(self, message, write):
        # Odoo's assertRaises (not assertRaisesRegex) rolls back to a savepoint.
        with self.assertRaises(ValidationError) as caught:
            write()
        self.assertIn(message, str(caught.exception))

    def test_absurd_numbers_are_refused(self):
        for field, value, message in (
            ("duration", float("nan"), "the duration must be a number"),
            ("duration", float("inf"), "the duration must be a number"),
            ("escalation_delay", float("-inf"), "the escalation delay must be a number"),
            ("window_start", float("nan"), "“not before” must be a number"),
            ("duration", 3651, "the duration is more than 3650 days"),
            ("escalation_delay", 0.5, "whole number"),
        ):
            with self.subTest(field=field, value=value):
                self._refused(message, lambda f=field, v=value: self.kind.write({f: v}))
        self._refused(
            "more than 3650 days",
            lambda: self._make_kind("minutes", 3650 * 24 * 60 + 1, "working_minutes"),
        )
        self.assertEqual(self.kind.duration, 3, "nothing was written")
        self.kind.write({"escalation_delay": 4, "escalation_delay_unit": "working_hours"})
        self.kind.duration = 3650
        self.assertEqual(self.kind.duration, 3650)

    def test_close_records_on_time_and_working_hours(self):
        customer = self._customers(2)
        on_time, late = self._open(customer, start=cst(2026, 4, 3, 17, 0))
        on_time._close(done=cst(2026, 4, 7, 10, 0))
        late._close(done=cst(2026, 4, 10, 9, 0))
        self.assertEqual(on_time.date_done, cst(2026, 4, 7, 10, 0))
        self.assertTrue(on_time.on_time)
        self.assertFalse(late.on_time)
        # Friday 17:00 → Tuesday 10:00 over Qingming: two working hours.
        self.assertAlmostEqual(on_time.working_hours_taken, 2.0)
        self.assertAlmostEqual(on_time.hours_taken, 89.0)
        self.assertFalse(on_time.next_check, "a closed deadline is never checked again")

    def test_close_removes_the_reminder(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=cst(2026, 3, 2, 9, 0))
        self.env["qms.deadline"]._process_due(now=cst(2026, 3, 5, 10, 0))
        self.assertEqual(len(deadline.activity_ids), 1)
        deadline._close(done=cst(2026, 3, 6, 10, 0))
        self.assertFalse(deadline.activity_ids)
        self.assertFalse(customer.activity_ids)

    def test_reschedule_to_the_customers_date(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=cst(2026, 3, 2, 9, 0))
        deadline._reschedule(cst(2026, 3, 3, 17, 0))
        self.assertEqual(deadline.due, cst(2026, 3, 3, 17, 0))
        self.assertEqual(deadline.escalate_at, cst(2026, 3, 4, 17, 0))

    @freeze_time("2026-03-10 02:00:00")
    def test_overdue_filter(self):
        customers = self._customers(2)
        late = self._open(customers[0], start=cst(2026, 3, 2, 9, 0))
        self._open(customers[1], start=cst(2026, 3, 9, 9, 0))
        overdue = self.env["qms.deadline"].search(
            [("is_overdue", "=", True), ("res_id", "in", customers.ids)]
        )
        self.assertEqual(overdue, late)
