import threading
from datetime import timedelta

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

from .common import cst

START = cst(2026, 3, 2, 9, 0)
ESCALATE = cst(2026, 3, 6, 10, 0)
ROWS = 30


@tagged("post_install", "-at_install")
class TestDeadlineConcurrency(TransactionCase):
    """Two cron workers at once: every row is escalated exactly once.

    The test cursor never commits, so the data lives in committed
    transactions of real cursors and is removed afterwards.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            owner = env["res.users"].create({"name": "Race owner", "login": "race_owner_qms"})
            boss = env["res.users"].create({"name": "Race boss", "login": "race_boss_qms"})
            kind = env["qms.deadline.kind"].create(
                {
                    "name": "Race",
                    "code": "race",
                    "model_id": env["ir.model"]._get_id("res.partner"),
                    "duration": 1,
                    "duration_unit": "working_days",
                    "escalation_delay": 1,
                    "escalation_target": "user",
                    "escalation_user_id": boss.id,
                }
            )
            partners = env["res.partner"].create(
                [{"name": f"Race {i}", "user_id": owner.id} for i in range(ROWS)]
            )
            env["qms.deadline"]._open_for(partners, "race", start=START)
            self.ids = {"users": (owner | boss).ids, "kind": kind.id, "partners": partners.ids}
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partners = env["res.partner"].browse(self.ids["partners"])
            env["mail.activity"].search(
                [("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)]
            ).unlink()
            env["qms.deadline"].search([("kind_id", "=", self.ids["kind"])]).unlink()
            env["qms.deadline.kind"].browse(self.ids["kind"]).unlink()
            partners.message_ids.unlink()
            partners.unlink()
            users = env["res.users"].browse(self.ids["users"])
            user_partners = users.partner_id
            users.unlink()
            user_partners.unlink()

    def _activity_count(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["mail.activity"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "in", self.ids["partners"])]
            )

    def test_interleaved_cursors(self):
        with self.registry.cursor() as first, self.registry.cursor() as second:
            env1 = api.Environment(first, SUPERUSER_ID, {})
            env2 = api.Environment(second, SUPERUSER_ID, {})
            done1 = env1["qms.deadline"]._process_due(now=ESCALATE, batch_size=10)
            # The first worker holds its rows: the second finds none to take.
            done2 = env2["qms.deadline"]._process_due(now=ESCALATE, batch_size=10)
            first.commit()
            # Still inside its old snapshot, the second worker must not redo them.
            done2 += env2["qms.deadline"]._process_due(now=ESCALATE, batch_size=10)
            second.commit()
        self.assertEqual((done1, done2), (ROWS, 0))
        self.assertEqual(self._activity_count(), 2 * ROWS, "one owner and one escalation per row")

    def test_reminders_fire_once_with_two_workers(self):
        # A reminder two working hours before the due date; both workers run
        # a minute after it.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            kind = env["qms.deadline.kind"].browse(self.ids["kind"])
            kind.write({"reminder_offsets": "2", "reminder_unit": "working_hours"})
            deadlines = env["qms.deadline"].search([("kind_id", "=", kind.id)])
            deadlines._reschedule(deadlines[0].due)
            (reminder,) = set(deadlines.mapped("next_check"))
            self.assertLess(reminder, deadlines[0].due)
        reminder_time = reminder + timedelta(minutes=1)
        with self.registry.cursor() as first, self.registry.cursor() as second:
            env1 = api.Environment(first, SUPERUSER_ID, {})
            env2 = api.Environment(second, SUPERUSER_ID, {})
            done1 = env1["qms.deadline"]._process_due(now=reminder_time, batch_size=10)
            done2 = env2["qms.deadline"]._process_due(now=reminder_time, batch_size=10)
            first.commit()
            done2 += env2["qms.deadline"]._process_due(now=reminder_time, batch_size=10)
            second.commit()
        self.assertEqual((done1, done2), (ROWS, 0))
        self.assertEqual(self._activity_count(), ROWS, "one reminder per row")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            deadlines = env["qms.deadline"].search([("kind_id", "=", self.ids["kind"])])
            self.assertEqual(set(deadlines.mapped("reminder_count")), {1})

    def test_two_threads(self):
        barrier = threading.Barrier(2)
        results, errors = [], []

        def worker():
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    barrier.wait(timeout=10)
                    results.append(
                        env["qms.deadline"]._process_due(now=ESCALATE, batch_size=7, commit=True)
                    )
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(errors)
        self.assertEqual(sum(results), ROWS, "every row processed by exactly one worker")
        self.assertEqual(self._activity_count(), 2 * ROWS)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            deadlines = env["qms.deadline"].search([("kind_id", "=", self.ids["kind"])])
            self.assertEqual(set(deadlines.mapped("alert_level")), {"escalated"})
