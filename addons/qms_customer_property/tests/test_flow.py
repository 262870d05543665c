from odoo.exceptions import UserError, ValidationError

from .common import PropertyCase


class TestFlowRecord(PropertyCase):
    """顾客财产清单及流动记录表: issued, consumed, scrap, returned; the difference
    explained before the record closes; scrap in one unit, owner kept."""

    def _flow(self, **values):
        return self.env["qms.property.flow"].create(
            {"partner_id": self.customer.id, "product_id": self.frame.id, **values}
        )

    def test_difference_must_be_explained_before_closing(self):
        item = self._received(qty=100)
        flow = self._flow(property_id=item.id, qty_issued=100, qty_consumed=90, qty_returned=6)
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.frame.id,
                "scrap_qty": 2,
                "owner_id": self.customer.id,
                "location_id": item.location_id.id,
                "qms_property_flow_id": flow.id,
            }
        )
        scrap.action_validate()
        self.assertEqual(flow.qty_scrap, 2)
        self.assertEqual(flow.qty_difference, 2)
        with self.assertRaisesRegex(UserError, "must be explained"):
            flow.action_close()
        flow.difference_explanation = "2 frames bent at the press, found at the line end"
        with self.assertRaisesRegex(UserError, "cause of the scrap"):
            flow.action_close()
        flow.scrap_cause = "Feeder misaligned"
        self.assertIs(flow.action_close(), True)
        self.assertEqual(flow.state, "closed")
        with self.assertRaisesRegex(UserError, "reopen it"):
            flow.qty_shipped = 5
        flow.action_reopen()
        flow.qty_shipped = 88

    def test_scrap_goes_back_to_the_customer_when_the_order_says_so(self):
        item = self._received(qty=100)
        flow = self._flow(property_id=item.id, qty_issued=10)
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.frame.id,
                "scrap_qty": 3,
                "owner_id": self.customer.id,
                "location_id": item.location_id.id,
                "qms_property_flow_id": flow.id,
            }
        )
        scrap.action_validate()
        with self.assertRaisesRegex(UserError, "does not send scrap back"):
            flow.action_return_scrap()
        order = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "qms_property_return_scrap": True}
        )
        flow.sale_order_id = order
        self.assertTrue(flow.return_scrap, "the order's contract terms say so")
        self.assertIs(flow.action_return_scrap(), True)
        picking = flow.scrap_return_picking_id
        self.assertEqual(picking.location_id, scrap.scrap_location_id)
        self.assertEqual(picking.owner_id, self.customer)
        picking.move_ids.quantity = 3
        picking.move_ids.picked = True
        picking._action_done()
        self.assertEqual(picking.move_line_ids.owner_id, self.customer, "the owner is kept")
        with self.assertRaisesRegex(UserError, "already returned"):
            flow.action_return_scrap()

    def test_scrap_form_counts_in_the_product_unit_and_keeps_the_owner(self):
        item = self._received(qty=100)
        flow = self._flow(property_id=item.id)
        dozen = self.env.ref("uom.product_uom_dozen")
        with self.assertRaisesRegex(ValidationError, "counted in"):
            self.env["stock.scrap"].create(
                {
                    "product_id": self.frame.id,
                    "scrap_qty": 1,
                    "product_uom_id": dozen.id,
                    "owner_id": self.customer.id,
                    "location_id": item.location_id.id,
                    "qms_property_flow_id": flow.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "keeps"):
            self.env["stock.scrap"].create(
                {
                    "product_id": self.frame.id,
                    "scrap_qty": 1,
                    "location_id": item.location_id.id,
                    "qms_property_flow_id": flow.id,
                }
            )

    def test_negative_quantities_and_another_customers_order_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._flow(qty_issued=-1)
        other_item = self._received(customer=self.other_customer)
        with self.assertRaisesRegex(ValidationError, "is not a document of"):
            self._flow(property_id=other_item.id)

    def test_a_scrap_form_of_a_flow_record_starts_in_the_customer_s_location(self):
        item = self._received(qty=100)
        flow = self._flow(property_id=item.id, qty_issued=10)
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.frame.id,
                "scrap_qty": 1,
                "owner_id": self.customer.id,
                "qms_property_flow_id": flow.id,
            }
        )
        self.assertEqual(scrap.location_id, item.location_id)

    def test_the_demo_flow_record_is_explained_and_closed(self):
        flow = self.env.ref("qms_customer_property.demo_flow_frames", raise_if_not_found=False)
        if not flow:
            self.skipTest("installed without demo data")
        if flow.scrap_ids.state != "done":
            # demo records added by an update: Odoo skips the demo's <function> calls then
            self.skipTest("demo data of this record loaded by an update, not an install")
        self.assertEqual(flow.state, "closed")
        self.assertEqual(flow.sale_order_id.partner_id, flow.partner_id)
        self.assertEqual(flow.qty_scrap, 30, "read from the done scrap order, owner kept")
        self.assertEqual(flow.scrap_ids.move_ids.move_line_ids.owner_id, flow.partner_id)
        self.assertEqual(flow.qty_difference, 10)
        self.assertTrue(flow.difference_explanation)
        self.assertTrue(flow.scrap_return_picking_id, "the order sends scrap back")
