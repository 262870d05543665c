from odoo import Command
from odoo.tests import Form

from odoo.addons.qms_customer_property.tests.common import PropertyCase


class TestFlowFromProduction(PropertyCase):
    """A manufacturing order of the flow record consumes the customer's own
    frames (owner kept); our own orders never take them; the flow record reads
    issued and consumed quantities from the orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.motor = cls.env["product.product"].create(
            {"name": "Stepper motor", "is_storable": True}
        )
        cls.bom = cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": cls.motor.product_tmpl_id.id,
                "product_qty": 1,
                "bom_line_ids": [Command.create({"product_id": cls.frame.id, "product_qty": 2})],
            }
        )

    def _production(self, qty, flow=None):
        form = Form(self.env["mrp.production"])
        form.product_id = self.motor
        form.bom_id = self.bom
        form.product_qty = qty
        production = form.save()
        if flow:
            production.qms_property_flow_id = flow
        production.action_confirm()
        return production

    def test_production_consumes_the_customers_quants_and_fills_the_flow_record(self):
        item = self._received(qty=100)
        self.env["stock.quant"]._update_available_quantity(self.frame, self.stock, 10)
        flow = self.env["qms.property.flow"].create(
            {"partner_id": self.customer.id, "product_id": self.frame.id, "property_id": item.id}
        )
        production = self._production(20, flow)
        raw = production.move_raw_ids
        self.assertEqual(raw.restrict_partner_id, self.customer)
        self.assertEqual(raw.quantity, 40, "reserved from the customer's frames")
        self.assertEqual(raw.move_line_ids.owner_id, self.customer)
        self.assertEqual(raw.move_line_ids.location_id, item.location_id)
        self.assertEqual(flow.qty_issued, 40)
        self.assertEqual(flow.qty_consumed, 0)

        # our own order takes only our 10 frames, none of the customer's
        own = self._production(20)
        self.assertEqual(own.move_raw_ids.quantity, 10)
        self.assertFalse(own.move_raw_ids.move_line_ids.owner_id)

        production.qty_producing = 20
        production.move_raw_ids.picked = True
        production.button_mark_done()
        self.assertEqual(production.state, "done")
        self.assertEqual(raw.move_line_ids.owner_id, self.customer, "consumption keeps the owner")
        self.assertEqual(flow.qty_consumed, 40)
        self.assertEqual(flow.qty_good, 20)
        self.assertEqual(flow.qty_difference, 0)
        self.assertEqual(item.qty_on_hand, 60)
        totals = self.env["qms.property.ledger"]._ledger_totals(self.customer)
        self.assertEqual(totals[self.customer.id][self.frame.id], (100, 40, 60))
        flow.qty_shipped = 20
        self.assertIs(flow.action_close(), True)
