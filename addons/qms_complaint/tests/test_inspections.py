from .common import ComplaintCase


class TestDeliveryInspections(ComplaintCase):
    """Outgoing quality control (OCA quality_control_stock_oca): a trigger on the
    delivery operation type inspects what is shipped; a complaint about that
    delivery shows those inspections."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.test = cls.env["qc.test"].create(
            {
                "name": "Final inspection",
                "test_lines": [
                    (
                        0,
                        0,
                        {
                            "name": "Backlight even",
                            "type": "qualitative",
                            "ql_values": [
                                (0, 0, {"name": "Yes", "ok": True}),
                                (0, 0, {"name": "No", "ok": False}),
                            ],
                        },
                    )
                ],
            }
        )
        cls.trigger = cls.env["qc.trigger"].search(
            [("picking_type_id", "=", cls.warehouse.out_type_id.id)]
        )
        cls.env["qc.trigger.product_line"].create(
            {
                "trigger": cls.trigger.id,
                "product": cls.plain_product.id,
                "test": cls.test.id,
                "timing": "after",
                "user": cls.owner_user.id,
            }
        )

    def test_validated_delivery_is_inspected(self):
        self.assertEqual(len(self.trigger), 1, "every operation type has its trigger")
        delivery = self._deliver(self.plain_product, 10)

        inspection = delivery.qc_inspections_ids
        self.assertEqual(len(inspection), 1)
        self.assertEqual(inspection.object_id, delivery.move_ids)
        self.assertEqual(inspection.test, self.test)
        self.assertEqual(inspection.product_id, self.plain_product)
        self.assertEqual(inspection.qty, 10)
        self.assertEqual(inspection.user, self.owner_user)
        self.assertEqual(inspection.state, "ready")
        self.assertEqual(inspection.inspection_lines.name, "Backlight even")

    def test_untriggered_product_is_not_inspected(self):
        other = self.env["product.product"].create({"name": "Cable", "is_storable": True})
        delivery = self._deliver(other, 4)
        self.assertFalse(delivery.qc_inspections_ids)

    def test_complaint_shows_the_delivery_inspections(self):
        delivery = self._deliver(self.plain_product, 10)
        complaint = self._complaint(
            picking_id=delivery.id, product_id=self.plain_product.id, qty_delivered=10
        ).with_user(self.owner_user)
        self.assertEqual(complaint.delivery_inspection_ids, delivery.qc_inspections_ids)
        self.assertEqual(complaint.delivery_inspection_count, 1)
        self.assertEqual(complaint.delivery_inspection_result, "pending")

        # The quality engineer (a QMS user) answers the inspection.
        inspection = complaint.delivery_inspection_ids
        line = inspection.inspection_lines
        line.qualitative_value = line.possible_ql_values.filtered("ok")
        inspection.action_confirm()
        self.assertEqual(complaint.delivery_inspection_result, "passed")

        action = complaint.action_view_delivery_inspections()
        self.assertEqual(action["res_model"], "qc.inspection")
        self.assertEqual(action["res_id"], inspection.id)

    def test_complaint_without_delivery_has_no_inspection(self):
        complaint = self._complaint()
        self.assertEqual(complaint.delivery_inspection_count, 0)
        self.assertEqual(complaint.delivery_inspection_result, "none")
