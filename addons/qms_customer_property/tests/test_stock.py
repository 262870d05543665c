from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .common import PropertyCase


class TestOwnerTaggedStock(PropertyCase):
    """Materials are stock the customer owns: received with the customer as owner
    into its own location, never valued as ours, never reserved by our orders."""

    def _valuation(self):
        layers = self.env["stock.valuation.layer"].search([("product_id", "=", self.frame.id)])
        return len(layers), sum(layers.mapped("value"))

    def test_receipt_with_the_customer_as_owner_leaves_our_valuation_unchanged(self):
        before = self._valuation()
        item = self._received(qty=100)
        self.assertEqual(item.state, "received", "materials wait for the incoming inspection")
        picking = item.receipt_picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.move_line_ids.owner_id, self.customer)
        quants = self._owned_quants(self.customer)
        self.assertEqual(sum(quants.mapped("quantity")), 100)
        self.assertEqual(quants.location_id, item.location_id)
        self.assertEqual(item.location_id.qms_property_partner_id, self.customer)
        self.assertEqual(item.qty_on_hand, 100)
        self.assertEqual(item.qty_received, 100)
        self.assertEqual(self._valuation(), before, "no valuation layer, no value")
        self.assertEqual(self.frame.qty_available, 0, "not our stock")

    def test_customers_are_stored_apart_and_one_customer_together(self):
        first = self._received()
        second = self._received(qty=40)
        other = self._received(customer=self.other_customer, qty=30)
        self.assertEqual(first.location_id, second.location_id, "one customer's items together")
        self.assertNotEqual(first.location_id, other.location_id, "different customers apart")
        self.assertEqual(sum(self._owned_quants(self.customer).mapped("quantity")), 140)
        self.assertEqual(sum(self._owned_quants(self.other_customer).mapped("quantity")), 30)

    def test_receipt_difference_against_the_delivery_list(self):
        item = self._material(qty=100)
        item.action_create_receipt()
        move = item.receipt_picking_id.move_ids
        move.quantity = 96
        move.picked = True
        item.receipt_picking_id.with_context(cancel_backorder=True)._action_done()
        self.assertEqual(item.qty_received, 96)
        self.assertEqual(item.qty_difference, -4)
        # 差异协商: the salesperson agrees the difference with the customer
        negotiation = item.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("qms_customer_property.mail_activity_receipt_difference")
            )
        )
        self.assertEqual(len(negotiation), 1)
        self.assertIn("96", negotiation.note)
        if item.qms_inspection_ids:
            self._answer_inspection(item, ok=True)
        self.assertEqual(item.state, "received", "a passed inspection waits for the agreement")
        with self.assertRaisesRegex(UserError, "Record what was agreed"):
            item.action_accept()
        item.difference_note = "4 frames short: the customer sends them with the next lot."
        item.action_accept()
        self.assertEqual(item.state, "accepted")
        self.assertFalse(negotiation.exists(), "the negotiation is done")

    def test_our_delivery_never_reserves_customer_owned_quants(self):
        self._received(qty=100)
        self.env["stock.quant"]._update_available_quantity(self.frame, self.stock, 10)
        self.assertEqual(self.frame.qty_available, 10, "only our own stock is available")
        order = self.env["sale.order"].create(
            {
                "partner_id": self.other_customer.id,
                "order_line": [
                    Command.create({"product_id": self.frame.id, "product_uom_qty": 50})
                ],
            }
        )
        order.action_confirm()
        delivery = order.picking_ids
        self.assertEqual(delivery.picking_type_id.owner_restriction, "unassigned_owner")
        self.assertEqual(delivery.move_ids.quantity, 10, "our 10, none of the customer's 100")
        self.assertFalse(delivery.move_line_ids.owner_id)
        owned = self._owned_quants(self.customer)
        self.assertEqual(sum(owned.mapped("reserved_quantity")), 0)

    def test_return_keeps_the_owner_and_empties_the_ledger(self):
        item = self._received(qty=100)
        self._answer_inspection(item, ok=True)
        self.assertEqual(item.state, "accepted")
        item.action_return()
        picking = item.picking_ids.filtered(lambda p: p.qms_property_role == "return")
        self.assertEqual(picking.move_ids.quantity, 100, "the customer's own quants reserved")
        self.assertEqual(picking.move_line_ids.owner_id, self.customer)
        picking.move_ids.picked = True
        picking._action_done()
        self.assertEqual(item.state, "returned")
        self.assertEqual(item.qty_on_hand, 0)
        totals = self.env["qms.property.ledger"]._ledger_totals(self.customer)
        self.assertEqual(totals[self.customer.id][self.frame.id], (100, 100, 0))

    def test_the_ledger_equals_the_moves(self):
        first = self._received(qty=100)
        self._received(qty=25)
        self._received(customer=self.other_customer, qty=7)
        self._answer_inspection(first, ok=False)  # isolated inside the customer's locations
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.frame.id,
                "scrap_qty": 5,
                "owner_id": self.customer.id,
                "location_id": self.customer._qms_property_location(
                    self.env.company, nonconforming=True
                ).id,
            }
        )
        scrap.action_validate()
        self.assertEqual(scrap.move_ids.move_line_ids.owner_id, self.customer, "scrap keeps it")
        Ledger = self.env["qms.property.ledger"]
        lines = Ledger.search([("partner_id", "=", self.customer.id)])
        move_lines = self.env["stock.move.line"].search(
            [
                ("state", "=", "done"),
                ("owner_id", "=", self.customer.id),
                ("product_id", "=", self.frame.id),
            ]
        )
        isolation = first.picking_ids.filtered(lambda p: p.qms_property_role == "isolation")
        self.assertEqual(
            set(lines.ids),
            set((move_lines - isolation.move_line_ids).ids),
            "every move in or out, not the isolation inside the customer's locations",
        )
        self.assertEqual(sum(lines.mapped("qty_in")), 125)
        self.assertEqual(sum(lines.mapped("qty_out")), 5)
        quants = self._owned_quants(self.customer)
        self.assertEqual(
            Ledger._ledger_totals(self.customer)[self.customer.id][self.frame.id][2],
            sum(quants.mapped("quantity")),
            "balance = what the quants hold",
        )
        balances = [balance for _line, balance in Ledger._lines_with_balance(self.customer)]
        self.assertEqual(balances[-1], 120)
        self.assertEqual(
            Ledger._ledger_totals(self.other_customer)[self.other_customer.id][self.frame.id],
            (7, 0, 7),
        )


class TestContractTerms(PropertyCase):
    """The sale order records what the customer supplies and the technical agreement."""

    def test_supplied_goods_and_technical_agreement_on_the_order(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "qms_property_performance": "Tensile strength ≥ 520 MPa",
                "qms_property_test_methods": "GB/T 228.1",
                "qms_property_storage": "Below 30 °C, 60 % RH",
                "qms_property_supply_ids": [
                    Command.create(
                        {
                            "product_id": self.frame.id,
                            "name": "Copper frames C194",
                            "quantity": 10000,
                            "date_delivery": "2026-12-15",
                        }
                    )
                ],
            }
        )
        self.assertEqual(order.qms_property_supply_ids.quantity, 10000)
        item = self._material(sale_order_id=order.id)
        self.assertEqual(order.qms_property_count, 1)
        self.assertEqual(item.sale_order_id, order)
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            order.qms_property_supply_ids.quantity = 0
        other_order = self.env["sale.order"].create({"partner_id": self.other_customer.id})
        with self.assertRaisesRegex(ValidationError, "is not an order of"):
            item.sale_order_id = other_order
