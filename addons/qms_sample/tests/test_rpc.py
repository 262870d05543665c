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

    def test_receipt_warning_answers_over_rpc(self):
        """ "warn" mode: button_validate answers the confirmation wizard as an
        action over XML-RPC, and the wizard's confirmation receives the goods."""
        self.env.company.qms_sample_hsf_receipt_check = "warn"
        self.rpc_user.groups_id |= self.env.ref("stock.group_stock_user")
        material = self.env["product.product"].create(
            {"name": "RPC resin", "is_storable": True, "qms_hsf_required": True}
        )
        supplier = self.env["res.partner"].create({"name": "RPC Resin Supplier"})
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        source = self.env.ref("stock.stock_location_suppliers")
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": supplier.id,
                "location_id": source.id,
                "location_dest_id": warehouse.lot_stock_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": material.name,
                            "product_id": material.id,
                            "product_uom_qty": 4,
                            "product_uom": material.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 4
        action = self._call("stock.picking", "button_validate", [picking.id])
        self.assertEqual(action["res_model"], "qms.hsf.receipt.wizard")
        self.assertEqual(picking.state, "assigned")
        context = {k[8:]: v for k, v in action["context"].items() if k.startswith("default_")}
        (wizard_id,) = self._call("qms.hsf.receipt.wizard", "create", [context])
        self.assertIs(self._call("qms.hsf.receipt.wizard", "action_confirm", [wizard_id]), True)
        picking.invalidate_recordset(["state"])
        self.assertEqual(picking.state, "done")
