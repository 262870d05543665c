from .common import PropertyCase

ROLES = ("receipt", "isolation", "return", "issue", "production_return")


class TestPropertyPerWarehouse(PropertyCase):
    """Each warehouse keeps customer property in its own location with its own
    operation types: a warehouse opened later receives it like the first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse_2 = cls.env["stock.warehouse"].create(
            {"name": "Kunshan plant", "code": "KSH", "company_id": cls.env.company.id}
        )

    def _types(self, warehouse):
        return self.env["stock.picking.type"].search(
            [("warehouse_id", "=", warehouse.id), ("qms_property_role", "!=", False)]
        )

    def test_a_warehouse_created_later_gets_its_location_and_operation_types(self):
        root = self.warehouse_2.qms_property_location_id
        self.assertTrue(root, "created with the warehouse")
        self.assertEqual(root.location_id, self.warehouse_2.lot_stock_id)
        self.assertEqual(root.usage, "view")
        types = self._types(self.warehouse_2)
        self.assertEqual(set(types.mapped("qms_property_role")), set(ROLES))
        by_role = {t.qms_property_role: t for t in types}
        self.assertEqual(by_role["receipt"].default_location_dest_id, root)
        self.assertEqual(by_role["receipt"].owner_restriction, "standard_behavior")
        self.assertEqual(by_role["isolation"].owner_restriction, "picking_partner")
        self.assertEqual(by_role["return"].owner_restriction, "picking_partner")
        self.assertEqual(by_role["issue"].owner_restriction, "picking_partner")
        self.assertEqual(by_role["issue"].default_location_src_id, root)
        self.assertEqual(by_role["issue"].default_location_dest_id.usage, "production")
        self.assertNotEqual(
            by_role["receipt"],
            self.env.company._qms_property_picking_type("receipt"),
            "not the first warehouse's",
        )
        # our own operations of the new warehouse never reserve customer-owned stock
        self.assertEqual(self.warehouse_2.out_type_id.owner_restriction, "unassigned_owner")
        self.assertEqual(self.warehouse_2.int_type_id.owner_restriction, "unassigned_owner")
        # asked again, the same ones: created once
        self.assertEqual(self.warehouse_2._qms_property_root_location(), root)
        self.assertEqual(self.warehouse_2._qms_property_picking_type("receipt"), by_role["receipt"])

    def test_an_existing_warehouse_gets_them_on_first_use(self):
        self.warehouse_2.qms_property_location_id = False
        self._types(self.warehouse_2).unlink()
        item = self._received(warehouse_id=self.warehouse_2.id)
        self.assertEqual(item.receipt_picking_id.picking_type_id.warehouse_id, self.warehouse_2)
        self.assertEqual(item.location_id.location_id, self.warehouse_2.qms_property_location_id)

    def test_a_receipt_into_warehouse_2_lands_in_its_customer_location(self):
        item = self._received(warehouse_id=self.warehouse_2.id, qty=50)
        picking = item.receipt_picking_id
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.picking_type_id.warehouse_id, self.warehouse_2)
        self.assertEqual(picking.move_line_ids.owner_id, self.customer)
        self.assertEqual(item.location_id.warehouse_id, self.warehouse_2)
        self.assertEqual(item.location_id.location_id, self.warehouse_2.qms_property_location_id)
        self.assertEqual(item.location_id.qms_property_partner_id, self.customer)
        quants = self._owned_quants(self.customer)
        self.assertEqual(quants.location_id, item.location_id)
        self.assertEqual(sum(quants.mapped("quantity")), 50)
        self.assertEqual(item.qty_on_hand, 50)
        # the first warehouse's location of the same customer is another one
        first = self._received(qty=10)
        self.assertEqual(first.warehouse_id, self.warehouse)
        self.assertEqual(first.location_id.warehouse_id, self.warehouse)
        self.assertNotEqual(first.location_id, item.location_id)

    def test_two_customers_stay_apart_in_warehouse_2(self):
        mine = self._received(warehouse_id=self.warehouse_2.id, qty=20)
        again = self._received(warehouse_id=self.warehouse_2.id, qty=5)
        theirs = self._received(
            customer=self.other_customer, warehouse_id=self.warehouse_2.id, qty=30
        )
        self.assertEqual(mine.location_id, again.location_id, "one customer's items together")
        self.assertNotEqual(mine.location_id, theirs.location_id, "different customers apart")
        self.assertEqual(theirs.location_id.warehouse_id, self.warehouse_2)
        self.assertEqual(sum(self._owned_quants(self.customer).mapped("quantity")), 25)
        self.assertEqual(sum(self._owned_quants(self.other_customer).mapped("quantity")), 30)
        # a nonconforming lot is isolated inside warehouse 2, owner kept
        mine._isolate()
        isolated = self.customer._qms_property_location(
            self.env.company, nonconforming=True, warehouse=self.warehouse_2
        )
        self.assertEqual(isolated.location_id, mine.location_id)
        quants = self._owned_quants(self.customer).filtered(lambda q: q.quantity > 0)
        self.assertEqual(quants.location_id, isolated)

    def test_the_order_s_warehouse_is_the_property_s(self):
        order = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "warehouse_id": self.warehouse_2.id}
        )
        item = self._material(sale_order_id=order.id)
        self.assertEqual(item.warehouse_id, self.warehouse_2)
        self.assertEqual(self._material().warehouse_id, self.warehouse, "the first by default")
