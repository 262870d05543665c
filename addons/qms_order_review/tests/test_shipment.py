from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OrderReviewCase


@tagged("post_install", "-at_install")
class TestReleaseForShipment(OrderReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.test = cls.env["qc.test"].create(
            {
                "name": "Final inspection housing",
                "test_lines": [
                    (
                        0,
                        0,
                        {
                            "name": "Free of burrs",
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
        cls.category = cls.env["product.category"].create(
            {
                "name": "Die-cast housings",
                "qms_oqc_policy": "block",
                "qms_oqc_test_id": cls.test.id,
                "qms_oqc_sampling": "iso2859",
                "qms_oqc_level": "2",
            }
        )
        cls.product.categ_id = cls.category
        cls.rule.active = False

    def _delivery(self, qty=200, partner=None):
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock, qty)
        order = self._order(qty=qty, partner_id=(partner or self.customer).id)
        order.action_confirm()
        picking = order.picking_ids
        picking.action_assign()
        picking.move_ids.quantity = qty
        return order, picking

    def _inspect(self, picking, ok=True):
        picking.action_qms_oqc_inspect()
        report = picking.qms_shipment_report_ids.sorted("id")[-1]
        for inspection in report.qms_inspection_ids:
            line = inspection.inspection_lines
            line.qualitative_value = line.possible_ql_values.filtered(lambda v: v.ok == ok)
            inspection.action_confirm()
            if inspection.state == "waiting":
                inspection.action_approve()
        return report

    def test_blocked_oqc_stops_the_delivery_and_a_passed_one_allows_it(self):
        _order, picking = self._delivery()
        self.assertEqual(picking.qms_oqc_state, "to_inspect")
        with self.assertRaisesRegex(UserError, "outgoing inspection has not passed"):
            picking.button_validate()
        failed = self._inspect(picking, ok=False)
        self.assertEqual(failed.state, "failed")
        self.assertEqual(failed.line_ids.sample_qty, 32, "ISO 2859-1 level II, lot 151-280: G = 32")
        with self.assertRaisesRegex(UserError, "outgoing inspection has not passed"):
            picking.button_validate()
        passed = self._inspect(picking, ok=True)
        self.assertEqual(passed.state, "passed")
        self.assertEqual(picking.qms_oqc_state, "passed")
        self.assertTrue(picking.button_validate())
        self.assertEqual(picking.state, "done")
        self.assertFalse(failed.first_pass)
        self.assertFalse(passed.first_pass, "the delivery failed its first round")

    def test_warn_policy_ships_with_a_message(self):
        self.category.qms_oqc_policy = "warn"
        _order, picking = self._delivery(qty=5)
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertTrue(
            picking.message_ids.filtered(
                lambda m: "without a passed outgoing inspection" in (m.body or "")
            )
        )

    def test_child_category_follows_its_parent(self):
        child = self.env["product.category"].create(
            {"name": "Small housings", "parent_id": self.category.id}
        )
        self.assertEqual(child._qms_oqc_policy(), "block")
        self.assertEqual(child._qms_oqc_test(), self.test)

    def test_payment_before_delivery_blocks_until_paid(self):
        self.category.qms_oqc_policy = "none"
        self.customer.qms_payment_before_delivery = True
        order, picking = self._delivery(qty=5)
        with self.assertRaisesRegex(UserError, "pays before delivery"):
            picking.button_validate()
        with self.assertRaisesRegex(UserError, "Only finance"):
            order.with_user(self.salesperson).action_qms_confirm_payment()
        self.assertTrue(order.with_user(self.reviewers["finance"]).action_qms_confirm_payment())
        self.assertTrue(order.qms_is_paid)
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_payment_before_delivery_paid_invoice(self):
        self.category.qms_oqc_policy = "none"
        self.customer.qms_payment_before_delivery = True
        self.product.invoice_policy = "order"
        order, picking = self._delivery(qty=5)
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertFalse(order.qms_is_paid)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertTrue(order.qms_is_paid)
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_short_and_late_deliveries_are_raised_to_sales(self):
        self.category.qms_oqc_policy = "none"
        order, picking = self._delivery(qty=10)
        delivery = order.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "delivery")
        self.assertEqual(delivery.state, "open")
        picking.move_ids.quantity = 6
        wizard = picking.button_validate()  # the backorder question
        self.env[wizard["res_model"]].with_context(**wizard["context"]).create({}).process()
        self.assertEqual(picking.state, "done")
        short = order.qms_exception_ids.filtered(lambda e: e.exception_type == "short")
        self.assertEqual(len(short), 1)
        self.assertEqual(short.user_id, self.salesperson)
        self.assertEqual(short.qms_deadline_ids.state, "open")
        with self.assertRaisesRegex(UserError, "Write the answer"):
            short.action_answer()
        short.answer = "Remaining 4 pieces ship on Friday."
        short.action_answer()
        self.assertEqual(short.qms_deadline_ids.state, "done")
        # the promised date passes: the deadline engine raises a late delivery
        now = fields.Datetime.now()
        delivery.sudo()._qms_workflow_write(
            {
                "start": now - timedelta(hours=2),
                "due": now - timedelta(hours=1),
                "next_check": now - timedelta(hours=1),
            }
        )
        self.env["qms.deadline"]._process_due()
        late = order.qms_exception_ids.filtered(lambda e: e.exception_type == "late")
        self.assertEqual(len(late), 1)
        # the rest is shipped late: the delivery deadline closes, not on time
        backorder = order.picking_ids.filtered(lambda p: p.state != "done")
        backorder.move_ids.quantity = 4
        backorder.button_validate()
        self.assertEqual(delivery.state, "done")
        self.assertFalse(delivery.on_time)

    def test_shipment_report_pdf(self):
        _order, picking = self._delivery(qty=5)
        report = self._inspect(picking)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "qms_order_review.action_report_qms_shipment_report", report.ids
        )
        html = html.decode()
        self.assertIn("Shipment Report", html)
        self.assertIn(report.name, html)
        self.assertIn("Motor housing", html)
