from freezegun import freeze_time

from odoo.tests import tagged

from .common import ServiceCase, cst


@tagged("post_install", "-at_install")
class TestServiceSla(ServiceCase):
    @freeze_time("2026-09-30 07:00:00")  # 15:00 in Beijing, the eve of National Day
    def test_sla_due_per_urgency_over_a_night_and_a_holiday(self):
        """8 working hours from Wednesday 15:00 before National Day: 2 hours that
        day, nothing over the night and the holiday week, 6 hours on 8 October."""
        normal = self._request(date_received=cst(2026, 9, 30, 15, 0), urgency="normal")
        self.assertEqual(self._deadline(normal, "response").due, cst(2026, 10, 8, 15, 0))
        self.assertEqual(normal.expected_resolution, self._deadline(normal, "resolution").due)
        # normal: 40 working hours = 2 + 8 × 4 + 6 → Tuesday 13 October? (10 Oct is a
        # make-up Saturday): 30 Sep 2h, 8 Oct 8h, 9 Oct 8h, 10 Oct 8h, 12 Oct 8h, 13 Oct 6h
        self.assertEqual(normal.expected_resolution, cst(2026, 10, 13, 15, 0))
        critical = self._request(date_received=cst(2026, 9, 30, 15, 0), urgency="critical")
        self.assertEqual(self._deadline(critical, "response").due, cst(2026, 9, 30, 17, 0))
        high = self._request(date_received=cst(2026, 9, 30, 15, 0), urgency="high")
        self.assertEqual(self._deadline(high, "response").due, cst(2026, 10, 8, 10, 0))
        # a quality problem brings someone on site within 8 working hours at once
        quality = self._request(date_received=cst(2026, 9, 30, 15, 0), is_quality_problem=True)
        self.assertEqual(self._deadline(quality, "onsite").due, cst(2026, 10, 8, 15, 0))
        self.assertFalse(self._deadline(normal, "onsite"))

    @freeze_time("2026-09-30 07:00:00")
    def test_urgency_and_level_change_move_the_sla(self):
        request = self._request(date_received=cst(2026, 9, 30, 15, 0), urgency="normal")
        request.urgency = "critical"
        self.assertEqual(self._deadline(request, "response").due, cst(2026, 9, 30, 17, 0))
        gold = self.env["qms.service.level"].create(
            {
                "name": "Gold",
                "code": "gold",
                "target_ids": [
                    (
                        0,
                        0,
                        {
                            "urgency": "critical",
                            "response_hours": 1,
                            "onsite_hours": 4,
                            "resolution_hours": 8,
                        },
                    ),
                ],
            }
        )
        request.level_id = gold
        self.assertEqual(request.effective_level_id, gold)
        self.assertEqual(self._deadline(request, "response").due, cst(2026, 9, 30, 16, 0))
        self.assertEqual(request.expected_resolution, cst(2026, 10, 8, 15, 0))

    @freeze_time("2026-09-30 07:00:00")
    def test_breach_escalates_through_the_shared_engine(self):
        request = self._request(
            date_received=cst(2026, 9, 30, 15, 0), urgency="critical", user_id=self.engineer.id
        )
        response = self._deadline(request, "response")
        self.assertEqual(response.owner_id, self.engineer)
        Deadline = self.env["qms.deadline"]
        # due 17:00; the engineer hears of it first, then (2 working hours later) the boss
        Deadline._process_due(now=cst(2026, 9, 30, 17, 30))
        self.assertEqual(response.alert_level, "owner")
        self.assertIn(self.engineer, request.activity_ids.user_id)
        Deadline._process_due(now=cst(2026, 10, 8, 10, 30))
        self.assertEqual(response.alert_level, "escalated")
        self.assertIn(self.manager_user, request.activity_ids.user_id)
        # answering late closes the row, late
        with freeze_time(cst(2026, 10, 8, 11, 0)):
            request.action_accept()
        self.assertEqual(response.state, "done")
        self.assertFalse(response.on_time)

    @freeze_time("2026-09-30 07:00:00")
    def test_accepting_answers_the_customer_with_the_expected_resolution(self):
        request = self._request(urgency="normal", user_id=self.engineer.id)
        request.action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertTrue(self._deadline(request, "response").on_time)
        message = request.message_ids.filtered(lambda m: "accepted" in (m.subject or ""))
        self.assertTrue(message)
        self.assertIn(self.customer_contact, message.partner_ids)
        self.assertIn("We expect to solve it by", message.body)

    def test_unassigned_request_belongs_to_the_dispatcher(self):
        self.env.company.qms_service_dispatcher_id = self.manager_user
        request = self._request()
        self.assertEqual(self._deadline(request, "response").owner_id, self.manager_user)
        request.user_id = self.engineer
        self.assertEqual(self._deadline(request, "response").owner_id, self.engineer)
