from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ServiceCase, cst


@tagged("post_install", "-at_install")
class TestServiceResults(ServiceCase):
    def _accepted(self, **values):
        request = self._request(user_id=self.engineer.id, **values)
        request.action_accept()
        return request

    @freeze_time("2026-10-08 02:00:00")
    def test_resolved_closes_by_itself_the_next_day(self):
        request = self._accepted(date_received=cst(2026, 10, 8, 9, 0))
        self._visit(request, cst(2026, 10, 8, 9, 30), cst(2026, 10, 8, 16, 0), result="resolved")
        self.assertEqual(request.state, "resolved")
        self.assertEqual(request.date_resolved, cst(2026, 10, 8, 16, 0))
        self.assertEqual(request.date_auto_close, cst(2026, 10, 9, 0, 0))
        Deadline = self.env["qms.deadline"]
        Deadline._process_due(now=cst(2026, 10, 8, 23, 0))
        self.assertEqual(request.state, "resolved")
        Deadline._process_due(now=cst(2026, 10, 9, 0, 5))
        self.assertEqual(request.state, "closed")
        self.assertTrue(request.is_first_time_fix)
        self.assertEqual(self._deadline(request, "closure").state, "done")
        self.assertTrue(self._deadline(request, "closure").on_time)
        # nobody got an "overdue" activity for the automatic close
        self.assertFalse(request.activity_ids)

    @freeze_time("2026-10-09 02:00:00")
    def test_next_working_day_setting(self):
        self.env.company.qms_service_autoclose_unit = "working"
        request = self._accepted(date_received=cst(2026, 10, 9, 9, 0))
        request._record_result("resolved", moment=cst(2026, 10, 9, 16, 0))  # Friday
        # Saturday 10 October is a make-up workday (调休) in 2026
        self.assertEqual(request.date_auto_close, cst(2026, 10, 10, 8, 0))
        request = self._accepted(date_received=cst(2026, 10, 9, 9, 0))
        request._record_result("resolved", moment=cst(2026, 10, 10, 16, 0))
        self.assertEqual(request.date_auto_close, cst(2026, 10, 12, 8, 0))  # Monday

    @freeze_time("2026-10-08 02:00:00")
    def test_follow_up_results_need_a_manual_close(self):
        for result in ("observation", "analysis"):
            request = self._accepted()
            request._record_result(result)
            self.assertEqual(request.state, "follow_up")
            self.assertFalse(request.date_auto_close)
            self.env["qms.deadline"]._process_due(now=cst(2026, 10, 20, 9, 0))
            self.assertEqual(request.state, "follow_up")
            request.action_close()
            self.assertEqual(request.state, "closed")

    @freeze_time("2026-10-08 02:00:00")
    def test_two_month_closure_cycle_escalates(self):
        request = self._accepted(date_received=cst(2026, 10, 8, 10, 0))
        request.action_take_back()
        closure = self._deadline(request, "closure")
        self.assertEqual(closure.due, cst(2026, 12, 8, 10, 0))
        Deadline = self.env["qms.deadline"]
        Deadline._process_due(now=cst(2026, 12, 8, 9, 0))
        self.assertEqual(closure.alert_level, "none")
        Deadline._process_due(now=cst(2026, 12, 8, 11, 0))
        self.assertEqual(closure.alert_level, "escalated")
        self.assertIn(self.manager_user, request.activity_ids.user_id)
        # the setting: a 3-month cycle for the next requests
        self.env.company.qms_service_closure_months = 3
        later = self._request(date_received=cst(2026, 10, 8, 10, 0))
        self.assertEqual(self._deadline(later, "closure").due, cst(2027, 1, 8, 10, 0))

    @freeze_time("2026-10-08 02:00:00")
    def test_handing_to_development_links_a_development_request(self):
        request = self._accepted()
        request.action_hand_to_development()
        development = request.development_id
        self.assertTrue(development.name.startswith("VS"))
        self.assertEqual(request.development_ref, development.name)
        self.assertEqual(request.state, "follow_up")
        self.assertIn(self.customer.name, development.title)
        development.answer = "Fixed in release 4.2"
        development.action_done()
        self.assertIn(self.engineer, request.activity_ids.user_id)
        request.action_resolve()
        self.assertEqual(request.state, "resolved")

    @freeze_time("2026-10-08 02:00:00")
    def test_work_records_come_from_visit_reports(self):
        request = self._accepted(date_received=cst(2026, 9, 30, 9, 0))
        # on site from Wednesday 30 September to Thursday 8 October: the holiday
        # week is not a working day, so 2 daily records, not 9
        visit = self._visit(request, cst(2026, 9, 30, 13, 0), cst(2026, 10, 8, 17, 0))
        logs = visit.work_log_ids
        self.assertEqual(sorted(str(d) for d in logs.mapped("date")), ["2026-09-30", "2026-10-08"])
        self.assertEqual(request.state, "in_progress")
        self.assertEqual(request.date_onsite, cst(2026, 9, 30, 13, 0))
        self.assertEqual(self._deadline(request, "onsite"), self.env["qms.deadline"])
        with self.assertRaisesRegex(UserError, "not added by hand"):
            self.env["qms.service.work.log"].create(
                {"request_id": request.id, "visit_id": visit.id, "date": "2026-10-09"}
            )
        with self.assertRaises(UserError):
            logs[0].hours = 12
        logs[0].note = "Waited for the spare part until noon."
        with self.assertRaises(UserError):
            visit.description = "<p>rewritten</p>"
        # a second visit resolves it: no first-time fix
        self._visit(request, cst(2026, 10, 9, 9, 0), cst(2026, 10, 9, 11, 0), result="resolved")
        self.assertEqual(request.state, "resolved")
        self.assertFalse(request.is_first_time_fix)

    @freeze_time("2026-10-08 02:00:00")
    def test_onsite_visit_closes_the_onsite_sla(self):
        request = self._accepted(is_quality_problem=True, date_received=cst(2026, 10, 8, 9, 0))
        onsite = self._deadline(request, "onsite")
        self._visit(request, cst(2026, 10, 8, 14, 0), cst(2026, 10, 8, 16, 0))
        self.assertEqual(onsite.state, "done")
        self.assertTrue(onsite.on_time)

    @freeze_time("2026-10-08 02:00:00")
    def test_customer_acceptance_and_objection(self):
        request = self._accepted()
        request.action_resolve()
        request.action_customer_reject("Still stops once a day")
        self.assertEqual(request.state, "in_progress")
        self.assertEqual(request.reopen_count, 1)
        self.assertFalse(request.date_auto_close)
        request.action_resolve()
        request.action_customer_accept("Runs fine for a week")
        self.assertEqual(request.state, "closed")
        self.assertTrue(request.date_customer_accepted)
        self.assertFalse(request.is_first_time_fix)
        with self.assertRaises(UserError):
            request.action_customer_accept()

    def test_state_changes_only_through_actions(self):
        request = self._request()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            request.write({"state": "closed"})
        with self.assertRaises(UserError):
            request.action_close()
        with self.assertRaisesRegex(UserError, "assign a service engineer"):
            request.action_accept()

    def test_misuse_is_charged_as_the_setting_says(self):
        request = self._request(is_misuse=True)
        self.assertEqual(request.charge_policy, "customer")
        self.env.company.qms_service_misuse_policy = "free"
        request.invalidate_recordset(["charge_policy"])
        self.assertEqual(request.charge_policy, "free")
        self.assertFalse(self._request().charge_policy)
