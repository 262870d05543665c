from odoo.tests import tagged
from odoo.tests.common import warmup

from .common import QmsCase, cst

START = cst(2026, 3, 2, 9, 0)  # Monday: due Thursday 5 March 09:00, escalation Friday 09:00
OVERDUE = cst(2026, 3, 5, 10, 0)
ESCALATE = cst(2026, 3, 6, 10, 0)


class TestDeadlineCron(QmsCase):
    def _activities(self, records):
        return self.env["mail.activity"].search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        )

    def test_nothing_before_the_due_time(self):
        customer = self._customers(1)
        self._open(customer, start=START)
        self.assertEqual(self.env["qms.deadline"]._process_due(now=cst(2026, 3, 5, 8, 59)), 0)
        self.assertFalse(self._activities(customer))

    def test_overdue_gives_the_owner_one_activity(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self.env["qms.deadline"]._process_due(now=OVERDUE)
        activity = self._activities(customer)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.owner_user)
        self.assertEqual(activity.summary, "Overdue: Test report_due")
        self.assertEqual(deadline.alert_level, "owner")
        self.assertEqual(deadline.next_check, deadline.escalate_at)

    def test_rerun_changes_nothing(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self.env["qms.deadline"]._process_due(now=OVERDUE)
        self.env.flush_all()
        written = deadline.write_date
        self.assertEqual(self.env["qms.deadline"]._process_due(now=OVERDUE), 0)
        self.env.invalidate_all()
        self.assertEqual(len(self._activities(customer)), 1)
        self.assertEqual(deadline.write_date, written, "an unchanged row is not written")

    def test_second_threshold_escalates_to_the_manager_once(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        self.env["qms.deadline"]._process_due(now=OVERDUE)
        self.env["qms.deadline"]._process_due(now=ESCALATE)
        self.env["qms.deadline"]._process_due(now=ESCALATE)
        activities = self._activities(customer)
        self.assertEqual(activities.user_id, self.owner_user | self.manager_user)
        self.assertEqual(len(activities), 2)
        self.assertEqual(deadline.alert_level, "escalated")
        self.assertFalse(deadline.next_check)
        logged = customer.message_ids.filtered(lambda m: "escalated to Quality Head" in m.body)
        self.assertEqual(len(logged), 1, "the escalation is written in the chatter once")

    def test_late_cron_does_both_levels_at_once(self):
        customer = self._customers(1)
        self._open(customer, start=START)
        self.env["qms.deadline"]._process_due(now=ESCALATE)
        self.assertEqual(self._activities(customer).user_id, self.owner_user | self.manager_user)

    def test_escalation_to_a_user_or_a_group(self):
        director = self.env["res.users"].create({"name": "Director", "login": "director_qms"})
        self._make_kind(
            "to_user",
            1,
            "working_hours",
            escalate=0,
            escalation_target="user",
            escalation_user_id=director.id,
        )
        mr_group = self.env.ref("qms_base.group_qms_management_representative")
        mr_group.users = self.manager_user
        self._make_kind(
            "to_group",
            1,
            "working_hours",
            escalate=0,
            escalation_target="group",
            escalation_group_id=mr_group.id,
        )
        first, second = self._customers(2)
        self._open(first, code="to_user", start=START)
        self._open(second, code="to_group", start=START)
        self.env["qms.deadline"]._process_due(now=OVERDUE)
        self.assertIn(director, self._activities(first).user_id)
        self.assertIn(self.manager_user, self._activities(second).user_id)

    def test_no_manager_falls_back_to_company_user(self):
        loner = self.env["res.users"].create({"name": "Loner", "login": "loner_qms"})
        self.env.company.qms_escalation_user_id = self.manager_user
        customer = self._customers(1)
        self._open(customer, start=START, owner=loner)
        self.env["qms.deadline"]._process_due(now=ESCALATE)
        self.assertEqual(self._activities(customer).user_id, loner | self.manager_user)

    def test_no_target_at_all_falls_back_to_the_qms_managers(self):
        loner = self.env["res.users"].create({"name": "Loner", "login": "loner_qms"})
        self.env.company.qms_escalation_user_id = False
        customer = self._customers(1)
        self._open(customer, start=START, owner=loner)
        self.env["qms.deadline"]._process_due(now=ESCALATE)
        managers = self.env.ref("qms_base.group_qms_manager").users.filtered(
            lambda u: u.active and not u.share
        )
        self.assertIn(self.manager_user, managers)
        self.assertEqual(self._activities(customer).user_id, loner | managers)
        logged = customer.message_ids.filtered(lambda m: "escalated to" in m.body)
        self.assertNotIn("nobody", logged.body)

    def test_escalation_digest_is_rendered_in_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.manager_user.write({"email": "boss@example.com", "lang": "zh_CN"})
        director = self.env["res.users"].create(
            {"name": "Director", "login": "director_qms", "email": "dir@example.com"}
        )
        kind = self._make_kind(
            "to_user",
            1,
            "working_hours",
            escalate=0,
            escalation_target="user",
            escalation_user_id=director.id,
        )
        first, second = self._customers(2)
        self._open(first, start=START)
        self._open(second, code="to_user", start=START)
        self.env["qms.deadline"]._process_due(now=ESCALATE)
        boss_mail = self.env["mail.mail"].search([("email_to", "like", "boss@example.com")])
        director_mail = self.env["mail.mail"].search([("email_to", "like", "dir@example.com")])
        mails = boss_mail | director_mail
        self.assertEqual(len(mails), 2, "one digest per escalation target")
        for mail in mails:
            self.assertIn("Customer", mail.body_html)
        # Each reader gets the digest in their own language.
        self.assertIn("past their escalation time", director_mail.body_html)
        self.assertIn("以下质量期限已超过其升级时间", boss_mail.body_html)
        self.assertIn(self.kind.name, boss_mail.body_html)
        self.assertIn(kind.name, director_mail.body_html)
        # Dates in each reader's own language: zh_CN writes the year first.
        self.assertIn("2026/3/5", boss_mail.body_html)
        self.assertIn("3/2/26", director_mail.body_html)

    def test_a_vanished_document_is_cancelled_and_the_batch_goes_on(self):
        gone, kept = self._customers(2)
        deadlines = self._open(gone | kept, start=START)
        gone_deadline = deadlines.filtered(lambda d: d.res_id == gone.id)
        gone.unlink()
        # A row whose model left the registry (its module uninstalled in between).
        stray = self._open(self._customers(1), start=START)
        self.env.cr.execute(
            "UPDATE qms_deadline SET res_model = 'qms.vanished.model' WHERE id = %s", [stray.id]
        )
        stray.invalidate_recordset(["res_model"])
        with self.assertLogs("odoo.addons.qms_base.models.qms_deadline", "WARNING") as logs:
            self.assertEqual(self.env["qms.deadline"]._process_due(now=OVERDUE), 3)
        self.assertIn("document is gone", logs.output[0])
        self.assertEqual(gone_deadline.state, "cancelled")
        self.assertFalse(gone_deadline.next_check)
        self.assertEqual(stray.state, "cancelled")
        self.assertEqual(self._activities(kept).summary, "Overdue: Test report_due")
        self.assertEqual(self.env["qms.deadline"]._process_due(now=ESCALATE), 1, "only the kept")

    def test_closed_rows_are_left_alone(self):
        customer = self._customers(1)
        deadline = self._open(customer, start=START)
        deadline._close(done=cst(2026, 3, 4, 9, 0))
        self.env["qms.deadline"]._process_due(now=ESCALATE)
        self.assertFalse(self._activities(customer))

    def test_record_hook_is_called(self):
        # res.partner has no hook: the cron must not fail on records without one.
        customer = self._customers(1)
        self._open(customer, start=START)
        self.assertEqual(self.env["qms.deadline"]._process_due(now=OVERDUE), 1)


@tagged("is_query_count")
class TestDeadlineCronQueries(QmsCase):
    """The cron's queries do not grow with the number of due rows."""

    # One ceiling for 10 and for 200 rows: a query per row would cost 200+.
    # (Odoo inserts in chunks of 100 rows, so 200 rows take ~8 statements
    # more than 10: about 42 against 50.)
    QUERIES = 52

    def _run(self, count):
        customers = self._customers(count)
        self._open(customers, start=START)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(self.QUERIES):
            self.env["qms.deadline"]._process_due(now=ESCALATE)
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "in", customers.ids)]
            ),
            2 * count,
        )

    @warmup
    def test_queries_10_rows(self):
        self._run(10)

    @warmup
    def test_queries_200_rows(self):
        self._run(200)

    # Reminders: a flat cost too (lock, read, one UPDATE, one activity create):
    # about 24 queries for 10 rows against 27 for 200.
    REMINDER_QUERIES = 30

    def _run_reminders(self, count):
        self.kind.reminder_offsets = "2,1"
        customers = self._customers(count)
        self._open(customers, start=START)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(self.REMINDER_QUERIES):
            self.env["qms.deadline"]._process_due(now=cst(2026, 3, 3, 10, 0))
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "in", customers.ids)]
            ),
            count,
        )

    @warmup
    def test_reminder_queries_10_rows(self):
        self._run_reminders(10)

    @warmup
    def test_reminder_queries_200_rows(self):
        self._run_reminders(200)
