from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSampleRpc(HttpCase):
    """Other systems register samples and HSF reports over XML-RPC: bad input
    gets a clear error over the wire and leaves nothing behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_user = new_test_user(
            cls.env,
            login="qms_sample_rpc",
            password="qms_sample_rpc_2026",
            groups="qms_base.group_qms_user",
        )
        cls.customer = cls.env["res.partner"].create({"name": "RPC Customer", "is_company": True})
        cls.product = cls.env["product.product"].create({"name": "RPC cover"})
        cls.kind = cls.env.ref("qms_sample.sample_kind_customer")

    def _call(self, model, method, *args):
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, "qms_sample_rpc", "qms_sample_rpc_2026", {})
        return self.xmlrpc_object.execute(db, uid, "qms_sample_rpc_2026", model, method, *args)

    def _base(self, **values):
        return {
            "title": "RPC sample",
            "kind_id": self.kind.id,
            "partner_id": self.customer.id,
            "product_id": self.product.id,
            "quantity": 3,
            **values,
        }

    def test_create_and_act(self):
        (sample_id,) = self._call("qms.sample", "create", [self._base()])
        sample = self.env["qms.sample"].browse(sample_id)
        self.assertTrue(sample.name.startswith("CS"))
        self.assertIs(self._call("qms.sample", "action_start", [sample_id]), True)
        self.assertEqual(sample.state, "making")

    def test_bad_input_is_refused_and_leaves_nothing(self):
        cases = {
            "needs its partner": self._base(partner_id=False),
            "A sample needs its kind": self._base(kind_id=False),
            "quantities cannot be negative": self._base(quantity=-1),
            "pieces to test, but the sample has": self._base(qty_tested=5),
            "cannot be wanted before it is requested": self._base(
                date_requested="2026-03-10 08:00:00", date_due="2026-03-01"
            ),
            "only through its buttons": self._base(state="sealed"),
            "Source: not one of the possible values": self._base(source="pigeon"),
            "Product: no such record (got 999999999)": self._base(product_id=999999999),
        }
        for message, values in cases.items():
            with self.subTest(message), self.assertRaises(Fault) as caught:
                self._call("qms.sample", "create", [values])
            self.assertIn(message, caught.exception.faultString)
        self.assertFalse(
            self.env["qms.sample"].search([("title", "=", "RPC sample")]), "no partial record"
        )
        with self.assertRaises(Fault) as caught:
            self._call(
                "qms.hsf.report",
                "create",
                [
                    {
                        "partner_id": self.customer.id,
                        "product_id": self.product.id,
                        "date_test": "2026-02-30",
                        "laboratory": "SGS",
                        "report_number": "RPC-1",
                    }
                ],
            )
        self.assertIn("2026-02-30", caught.exception.faultString)
        with self.assertRaises(Fault) as caught:
            self._call(
                "qms.hsf.report",
                "create",
                [
                    {
                        "partner_id": self.customer.id,
                        "product_id": 999999999,
                        "date_test": "2026-02-01",
                        "laboratory": "SGS",
                        "report_number": "RPC-1",
                    }
                ],
            )
        self.assertIn("Material: no such record (got 999999999)", caught.exception.faultString)
        self.assertFalse(self.env["qms.hsf.report"].search([("report_number", "=", "RPC-1")]))

    def test_a_refused_action_changes_nothing(self):
        (sample_id,) = self._call("qms.sample", "create", [self._base()])
        with self.assertRaises(Fault) as caught:
            self._call("qms.sample", "action_ship", [sample_id])
        self.assertIn("this action is not possible now", caught.exception.faultString)
        self.assertEqual(self.env["qms.sample"].browse(sample_id).state, "draft")
