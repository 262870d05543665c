from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

from .common import PropertyCase

PASSWORD = "qms_property_rpc_2026"


@tagged("post_install", "-at_install")
class TestPropertyRpc(HttpCase, PropertyCase):
    """Other systems register property and answer counts over XML-RPC (a real
    socket): bad input gets a clear error and writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_user = new_test_user(
            cls.env,
            login="qms_property_rpc",
            password=PASSWORD,
            groups="qms_customer_property.group_qms_property_personal",
        )

    def _call(self, model, method, *args, **kwargs):
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, "qms_property_rpc", PASSWORD, {})
        return self.xmlrpc_object.execute_kw(db, uid, PASSWORD, model, method, list(args), kwargs)

    def _values(self, **values):
        return {
            "title": "RPC frames",
            "kind_id": self.kind_material.id,
            "partner_id": self.customer.id,
            "product_id": self.frame.id,
            "qty_announced": 50,
            **values,
        }

    def test_create_receive_and_read_back(self):
        item_id = self._call("qms.property", "create", self._values())
        self.assertIs(
            self._call("qms.property", "action_create_receipt", [item_id]) is not None, True
        )
        item = self.env["qms.property"].browse(item_id)
        self.assertTrue(item.name.startswith("CP"))
        self.assertEqual(item.receipt_picking_id.owner_id, self.customer)
        (record,) = self._call("qms.property", "read", [item_id], fields=["state", "qty_announced"])
        self.assertEqual(record["qty_announced"], 50)

    def test_bad_input_is_refused_and_leaves_nothing(self):
        cases = {
            "needs a customer": self._values(partner_id=False),
            "no such record (got 999999)": self._values(product_id=999999),
            "Quantities cannot be negative": self._values(qty_announced=-5),
            "not a valid date": self._values(date_expiry="31/12/2026"),
            "choose the product": self._values(product_id=False),
            "not one of the possible values": self._values(condition="melted"),
            "change only through its buttons": self._values(state="accepted"),
        }
        for message, values in cases.items():
            with self.subTest(message), self.assertRaises(Fault) as caught:
                self._call("qms.property", "create", values)
            self.assertIn(message, caught.exception.faultString)
        self.assertFalse(self.env["qms.property"].search([("title", "=", "RPC frames")]))

    def test_count_answered_over_rpc_with_bad_lines_writes_nothing(self):
        self._received(qty=10)
        count = self.env["qms.property.count"]._generate(partners=self.customer)
        count.action_send()
        with self.assertRaises(Fault) as caught:
            self._call("qms.property.count", "action_dispute", [count.id], {"oops": [1, ""]})
        self.assertIn("disputed line", caught.exception.faultString)
        with self.assertRaises(Fault) as caught:
            self._call("qms.property.count", "action_dispute", [count.id], {"1": [-3, ""]})
        self.assertIn("cannot be negative", caught.exception.faultString)
        self.assertEqual(count.state, "sent")
        self.assertFalse(count.line_ids, "nothing half-written")
        self.assertIs(
            self._call("qms.property.count", "action_dispute", [count.id], {"1": [8, "short"]}),
            True,
        )
        self.assertEqual(count.line_ids.qty_customer, 8)

    def test_personal_data_read_over_rpc_is_logged(self):
        record = self.env["qms.property.personal"].create(
            {"partner_id": self.customer.id, "person_name": "Li Lei", "purpose": "Service visit"}
        )
        self._call("qms.property.personal", "read", [record.id], fields=["person_name"])
        log = self.env["qms.property.access.log"].search([("record_id", "=", record.id)])
        self.assertEqual(log.user_id, self.rpc_user)
