from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import OrderReviewCase


@tagged("post_install", "-at_install")
class TestOrderChange(OrderReviewCase):
    def _confirmed(self):
        order = self._order()
        review = self._submit(order)
        self._approve_all(review)
        order.action_confirm()
        self.departments["rd"].notify_on_change = True
        self.departments["production"].notify_on_change = True
        return order, review

    def test_quantity_change_reopens_only_affected_reviews_and_notifies(self):
        order, review = self._confirmed()
        order.order_line.with_user(self.salesperson).product_uom_qty = 260
        change = order.qms_change_ids
        self.assertEqual(len(change), 1)
        self.assertEqual(change.state, "notified")
        self.assertTrue(change.change_quantity)
        self.assertFalse(change.change_date)
        self.assertIn("200.0 → 260.0", change.description)
        # production and R&D are told at once: an activity each and a message on the order
        self.assertEqual(
            set(change.activity_ids.user_id.ids),
            {self.reviewers["production"].id, self.reviewers["rd"].id},
        )
        message = order.message_ids.filtered(lambda m: change.name in (m.body or ""))
        self.assertTrue(message)
        self.assertIn(self.reviewers["rd"].partner_id, message.partner_ids)
        # quantity re-opens production, purchasing and finance, not R&D
        self.assertEqual(review.state, "in_review")
        reopened = review.current_verdict_ids.filtered(lambda v: v.state == "pending")
        self.assertEqual(
            set(reopened.mapped("department_code")), {"production", "purchasing", "finance"}
        )
        self.assertEqual(reopened.change_id, change)
        self.assertEqual(self._verdict(review, "rd").state, "meet")
        # the earlier verdicts stay in the history
        self.assertEqual(len(review.verdict_ids.filtered(lambda v: v.state == "superseded")), 3)
        with self.assertRaisesRegex(UserError, "not all “can meet”"):
            change.action_close()
        with self.assertRaisesRegex(UserError, "not approved"):
            order.action_qms_release_to_production()
        self._approve_all(review)
        self.assertEqual(review.state, "approved")
        self.assertEqual(change.state, "closed")
        self.assertEqual(len(review.qms_deadline_ids), 2, "one lead time per review round")

    def test_date_and_terms_changes(self):
        order, review = self._confirmed()
        order.commitment_date += timedelta(days=7)
        change = order.qms_change_ids
        self.assertTrue(change.change_date)
        self.assertEqual(
            set(
                review.current_verdict_ids.filtered(lambda v: v.state == "pending").mapped(
                    "department_code"
                )
            ),
            {"production", "purchasing"},
        )

    def test_quotation_changes_are_no_notices(self):
        order = self._order()
        order.order_line.product_uom_qty = 300
        self.assertFalse(order.qms_change_ids)

    def test_approved_quotation_changed_is_reviewed_again(self):
        order = self._order()
        review = self._submit(order)
        self._approve_all(review)
        order.order_line.product_uom_qty = 2000
        self.assertFalse(order.qms_change_ids, "not confirmed: no change notice")
        self.assertEqual(review.state, "in_review")
        self.assertEqual(
            set(
                review.current_verdict_ids.filtered(lambda v: v.state == "pending").mapped(
                    "department_code"
                )
            ),
            {"production", "purchasing", "finance"},
        )
        with self.assertRaisesRegex(UserError, "cannot be confirmed before its review"):
            order.action_confirm()
        self._approve_all(review)
        self.assertTrue(order.action_confirm())

    def test_plain_salesperson_changes_a_confirmed_order(self):
        """Sales staff without the QMS group change orders too: the notice and the
        re-opened review are written all the same."""
        order, review = self._confirmed()
        plain = new_test_user(
            self.env, login="qms_plain_sales", groups="sales_team.group_sale_salesman_all_leads"
        )
        order.order_line.with_user(plain).product_uom_qty = 300
        self.assertEqual(order.qms_change_ids.state, "notified")
        self.assertEqual(review.state, "in_review")

    def test_manual_notice_needs_a_change_type(self):
        order, _review = self._confirmed()
        with self.assertRaisesRegex(ValidationError, "say what changes"):
            self.env["qms.order.change"].create(
                {"sale_order_id": order.id, "description": "Customer phoned"}
            )
        change = self.env["qms.order.change"].create(
            {"sale_order_id": order.id, "description": "New label", "change_specification": True}
        )
        self.assertTrue(change.action_notify())
        with self.assertRaisesRegex(UserError, "already notified"):
            change.action_notify()
        with self.assertRaisesRegex(UserError, "stays in the order's history"):
            change.action_cancel()
