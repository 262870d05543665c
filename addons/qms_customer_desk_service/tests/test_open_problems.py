from odoo.addons.qms_customer_desk.tests.common import DeskCase


class TestCallShowsServiceRequests(DeskCase):
    def test_a_caller_with_an_open_service_request_sees_it_on_the_call(self):
        request = self.env["qms.service.request"].create(
            {
                "title": "Controller stops after an hour",
                "partner_id": self.customer.id,
                "problem": "<p>The line stops; error E42.</p>",
            }
        )
        call = self._call("13900001111")
        self.assertTrue(call.has_open_problem)
        self.assertEqual(call.open_problem_count, 1)
        self.assertIn(request.name, call.open_problems)
        self.assertIn("Controller stops after an hour", call.open_problems)
        # a cancelled request is no longer an open problem
        request.action_cancel()
        call.invalidate_recordset()
        self.assertFalse(call.has_open_problem)
