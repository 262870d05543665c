from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestDeskRpc(HttpCase, DeskCase):
    """Other systems (a telephone exchange, a dealer's shop system) log calls and
    customer records over XML-RPC: bad input gets a clear error, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="qms_desk_rpc",
            password="qms_desk_rpc_pw_2026",
            groups="qms_customer_desk.group_qms_desk_confidential",
        )

    def _execute(self, model, method, *args):
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, "qms_desk_rpc", "qms_desk_rpc_pw_2026", {})
        return self.xmlrpc_object.execute(db, uid, "qms_desk_rpc_pw_2026", model, method, *args)

    def test_call_over_rpc_and_bad_input(self):
        (call_id,) = self._execute(
            "qms.desk.call", "create", [{"caller_number": "13900001111", "summary": "RPC call"}]
        )
        call = self.env["qms.desk.call"].browse(call_id)
        self.assertEqual(call.partner_id, self.customer)
        self.assertTrue(self._execute("qms.desk.call", "action_to_consultation", [call_id]))
        self.assertEqual(call.complaint_id.feedback_type, "consultation")
        cases = {
            "has no digit": {"caller_number": "unknown", "summary": "RPC bad"},
            "cannot be logged in the future": {
                "caller_number": "13900001111",
                "date_call": "2999-01-01 00:00:00",
                "summary": "RPC bad",
            },
            "only through its buttons": {
                "caller_number": "13900001111",
                "state": "done",
                "summary": "RPC bad",
            },
            "Outcome of Hotline Call change only through its buttons": {
                "caller_number": "13900001111",
                "outcome": "complaint",
                "summary": "RPC bad",
            },
            "needs the caller's number": {"caller_number": False, "summary": "RPC bad"},
        }
        for message, values in cases.items():
            with self.subTest(message), self.assertRaises(Fault) as caught:
                self._execute("qms.desk.call", "create", [values])
            self.assertIn(message, caught.exception.faultString)
        self.assertFalse(self.env["qms.desk.call"].search([("summary", "=", "RPC bad")]))
        # a call without a customer cannot become a complaint: nothing is created
        (anonymous,) = self._execute(
            "qms.desk.call", "create", [{"caller_number": "0755 2222 3333", "summary": "x"}]
        )
        with self.assertRaises(Fault) as caught:
            self._execute("qms.desk.call", "action_to_complaint", [anonymous])
        self.assertIn("choose the customer", caught.exception.faultString)
        self.assertFalse(self.env["qms.desk.call"].browse(anonymous).complaint_id)

    def test_customer_record_bad_input(self):
        cases = {
            "birthday cannot be in the future": {"name": "RPC bad", "birthday": "2999-01-01"},
            "not marked as a store or dealer": {
                "name": "RPC bad",
                "dealer_id": self.other_customer.id,
            },
        }
        for message, values in cases.items():
            with self.subTest(message), self.assertRaises(Fault) as caught:
                self._execute("qms.desk.customer", "create", [values])
            self.assertIn(message, caught.exception.faultString)
        self.assertFalse(
            self.env["qms.desk.customer"]
            .with_context(active_test=False)
            .search([("name", "=", "RPC bad")])
        )
