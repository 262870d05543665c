from freezegun import freeze_time

from odoo.tests import tagged

from .common import ServiceCase, cst

WORK_RECORD = "qms_service.mail_activity_type_work_record"


@tagged("post_install", "-at_install")
class TestServiceOnsiteRecords(ServiceCase):
    """现场服务工作记录表: a work record for every working day on site. The days
    without one are shown; the nightly deadline check gives the engineer a
    to-do for each."""

    def _todos(self, request):
        return request.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(WORK_RECORD)
        )

    def _on_site_since_30_september(self):
        """On site from Wednesday 30 September; the report of that day only."""
        with freeze_time(cst(2026, 9, 30, 8, 0)):
            request = self._request(user_id=self.engineer.id, date_received=cst(2026, 9, 30, 8))
            request.action_accept()
            self._visit(request, cst(2026, 9, 30, 9, 0), cst(2026, 9, 30, 17, 0))
        return request

    def test_days_on_site_without_a_work_record_are_shown(self):
        request = self._on_site_since_30_september()
        with freeze_time(cst(2026, 10, 12, 10, 0)):  # Monday
            request.invalidate_recordset()
            # 1–7 October: National Day; Saturday 10 October: a make-up workday (调休);
            # Sunday 11 is off; today is not over yet
            self.assertEqual(request.missing_work_days, "2026-10-08, 2026-10-09, 2026-10-10")
            self.assertEqual(request.missing_work_day_count, 3)
            # the engineer left on Friday: the Saturday no longer counts
            request.date_onsite_end = cst(2026, 10, 9, 18, 0)
            self.assertEqual(request.missing_work_days, "2026-10-08, 2026-10-09")
            # a remote session is not a day on site
            self._visit(request, cst(2026, 10, 8, 9, 0), cst(2026, 10, 8, 11, 0), onsite=False)
            self.assertEqual(request.missing_work_day_count, 2)
            self._visit(request, cst(2026, 10, 8, 9, 0), cst(2026, 10, 9, 17, 0))
            self.assertFalse(request.missing_work_days)
            self.assertEqual(request.missing_work_day_count, 0)

    def test_the_nightly_check_gives_a_todo_per_missing_day(self):
        request = self._on_site_since_30_september()
        Deadline = self.env["qms.deadline"]
        with freeze_time(cst(2026, 10, 12, 10, 0)):
            Deadline._process_due(now=cst(2026, 10, 12, 10, 0))
            todos = self._todos(request)
            self.assertEqual(
                sorted(str(day) for day in todos.mapped("date_deadline")),
                ["2026-10-08", "2026-10-09", "2026-10-10"],
            )
            self.assertEqual(todos.user_id, self.engineer)
            # the check moves on to the next day; no generic "overdue" notice stays
            row = self._deadline(request, "work_record")
            self.assertEqual(row.state, "open")
            self.assertEqual(row.due, cst(2026, 10, 13, 0, 0))
            self.assertEqual(request.activity_ids, todos)
            # the reports of Thursday and Friday come in: their to-dos are done
            self._visit(request, cst(2026, 10, 8, 9, 0), cst(2026, 10, 9, 17, 0))
            self.assertEqual(
                [str(day) for day in self._todos(request).mapped("date_deadline")],
                ["2026-10-10"],
            )
        with freeze_time(cst(2026, 10, 13, 1, 0)):
            Deadline._process_due(now=cst(2026, 10, 13, 1, 0))
            # Monday is new; the Saturday keeps its single to-do
            self.assertEqual(
                sorted(str(day) for day in self._todos(request).mapped("date_deadline")),
                ["2026-10-10", "2026-10-12"],
            )
            request.date_onsite_end = cst(2026, 10, 13, 12, 0)
        with freeze_time(cst(2026, 10, 14, 1, 0)):
            Deadline._process_due(now=cst(2026, 10, 14, 1, 0))
            # the engineer left: the Tuesday morning counts, then the check stops
            self.assertIn(
                "2026-10-13", [str(day) for day in self._todos(request).mapped("date_deadline")]
            )
            self.assertFalse(request._qms_open_deadlines("work_record"))

    def test_a_remote_request_has_no_days_on_site(self):
        with freeze_time(cst(2026, 10, 12, 9, 0)):
            request = self._request(user_id=self.engineer.id, date_received=cst(2026, 10, 12, 8))
            request.action_accept()
            self._visit(request, cst(2026, 10, 12, 9, 0), cst(2026, 10, 12, 10, 0), onsite=False)
        with freeze_time(cst(2026, 10, 20, 9, 0)):
            request.invalidate_recordset()
            self.assertFalse(request.missing_work_day_count)
            self.assertFalse(request._qms_open_deadlines("work_record"))
