from xmlrpc.client import Fault

from odoo.tests import HttpCase, tagged

from .common import OrderReviewCase

PASSWORD = "qms_sales_pw_2026"


@tagged("post_install", "-at_install")
class TestOrderReviewRpc(HttpCase, OrderReviewCase):
    """Other systems work on reviews over XML-RPC: bad input gets a clear,
    translated error over the wire and writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.salesperson.password = PASSWORD

    def _call(self, model, method, args, lang="en_US"):
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, self.salesperson.login, PASSWORD, {})
        return self.xmlrpc_object.execute_kw(
            db, uid, PASSWORD, model, method, args, {"context": {"lang": lang}}
        )

    def test_unreviewed_order_cannot_be_confirmed_over_rpc(self):
        order = self._order()
        with self.assertRaises(Fault) as caught:
            self._call("sale.order", "action_confirm", [order.ids])
        self.assertIn(
            "cannot be confirmed before its review is approved", caught.exception.faultString
        )
        with self.assertRaises(Fault) as caught:
            self._call("sale.order", "action_confirm", [order.ids], lang="zh_CN")
        self.assertIn("评审批准之前不能确认", caught.exception.faultString)
        order.invalidate_recordset()
        self.assertEqual(order.state, "draft")

    def test_bad_change_notice_is_refused_and_leaves_nothing(self):
        order = self._order(qty=1)
        order.action_confirm()
        cases = {
            "say what changes": {"sale_order_id": order.id, "description": "Phone call"},
            "not one of the possible values": {
                "sale_order_id": order.id,
                "description": "x",
                "change_date": True,
                "requested_by": "pigeon",
            },
            "Order": {"description": "x", "change_date": True},
        }
        for message, values in cases.items():
            with self.subTest(message), self.assertRaises(Fault) as caught:
                self._call("qms.order.change", "create", [values])
            self.assertIn(message, caught.exception.faultString)
        with self.assertRaises(Fault) as caught:
            self._call(
                "qms.order.change",
                "create",
                [{"sale_order_id": order.id, "description": "Phone call"}],
                lang="zh_CN",
            )
        self.assertIn("说明更改内容", caught.exception.faultString)
        self.assertFalse(self.env["qms.order.change"].search([("sale_order_id", "=", order.id)]))

    def test_review_round_trip_over_rpc(self):
        order = self._order()
        self._call("sale.order", "action_qms_request_review", [order.ids])
        review = order.qms_review_id
        self.assertIs(self._call("qms.order.review", "action_submit", [review.ids]), True)
        with self.assertRaises(Fault) as caught:
            self._call("qms.order.review", "action_submit", [review.ids])
        self.assertIn("was already submitted", caught.exception.faultString)
