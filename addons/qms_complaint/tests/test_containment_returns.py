from odoo.exceptions import UserError

from .common import ComplaintCase


class TestContainment(ComplaintCase):
    def setUp(self):
        super().setUp()
        Quant = self.env["stock.quant"]
        self.shelf = self.env["stock.location"].create(
            {"name": "Shelf A", "location_id": self.stock.id, "usage": "internal"}
        )
        Quant._update_available_quantity(self.product, self.stock, 30, lot_id=self.lot_suspect)
        Quant._update_available_quantity(self.product, self.shelf, 12, lot_id=self.lot_suspect)
        Quant._update_available_quantity(self.product, self.stock, 50, lot_id=self.lot_good)

    def _quantity(self, location, lot):
        return sum(
            self.env["stock.quant"]
            .search(
                [
                    ("product_id", "=", self.product.id),
                    ("location_id", "=", location.id),
                    ("lot_id", "=", lot.id),
                ]
            )
            .mapped("quantity")
        )

    def test_transfer_moves_exactly_the_suspect_lot_to_quarantine(self):
        complaint = self._complaint(lot_id=self.lot_suspect.id)
        complaint.action_confirm_defect()
        complaint.action_create_containment()
        picking = complaint.containment_picking_ids
        self.assertEqual(len(picking), 1)
        quarantine = self.env.company.qms_quarantine_location_id
        self.assertEqual(picking.location_dest_id, quarantine)
        self.assertEqual(picking.picking_type_id, self.warehouse.int_type_id)
        self.assertEqual(
            sorted(
                (ml.location_id.name, ml.lot_id.name, ml.quantity) for ml in picking.move_line_ids
            ),
            sorted([(self.stock.name, "LOT-2611", 30.0), ("Shelf A", "LOT-2611", 12.0)]),
        )
        self.assertEqual(complaint.qty_stock_found, 42, "the count comes from the transfer")
        with self.assertRaisesRegex(UserError, "Validate the containment transfers"):
            complaint.action_report_containment()
        picking.button_validate()
        self.assertEqual(self._quantity(quarantine, self.lot_suspect), 42)
        self.assertEqual(self._quantity(self.stock, self.lot_suspect), 0)
        self.assertEqual(self._quantity(self.shelf, self.lot_suspect), 0)
        self.assertEqual(self._quantity(self.stock, self.lot_good), 50, "the good lot stays")
        complaint.action_report_containment()
        containment = complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "containment")
        self.assertEqual(containment.state, "done")
        self.assertEqual(
            complaint.step_ids.filtered(lambda s: s.code == "d3").date_done,
            complaint.date_contained,
        )

    def test_without_lot_every_lot_is_suspect_but_not_quarantine(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        complaint.action_create_containment()
        complaint.containment_picking_ids.button_validate()
        self.assertEqual(complaint.qty_stock_found, 92)
        # A second containment finds nothing left outside quarantine.
        with self.assertRaisesRegex(UserError, "No suspect stock"):
            complaint.action_create_containment()


class TestReturns(ComplaintCase):
    def test_return_and_replacement_from_the_delivery(self):
        delivery = self._deliver(self.plain_product, 20)
        complaint = self._complaint(
            product_id=self.plain_product.id,
            picking_id=delivery.id,
            qty_defective=4,
            qty_delivered=20,
        )
        complaint.action_create_return()
        back = complaint.return_picking_id
        self.assertEqual(back.picking_type_id, delivery.picking_type_id.return_picking_type_id)
        self.assertEqual(back.move_ids.product_uom_qty, 4)
        self.assertEqual(back.move_ids.origin_returned_move_id, delivery.move_ids)
        self.assertTrue(complaint.is_severe, "a return makes the complaint severe")
        complaint.action_create_replacement()
        replacement = complaint.replacement_picking_id
        self.assertEqual(replacement.picking_type_code, "outgoing")
        self.assertEqual(replacement.move_ids.product_uom_qty, 4)
        self.assertEqual(replacement.partner_id, self.customer)
        self.assertEqual(complaint.return_outcome, "replace")

    def test_return_needs_a_done_delivery(self):
        complaint = self._complaint(product_id=self.plain_product.id)
        with self.assertRaisesRegex(UserError, "needs the delivered transfer"):
            complaint.action_create_return()
