from odoo.exceptions import UserError

from .common import PropertyCase


class TestReceiptInspection(PropertyCase):
    """QA inspects received material on the shared inspection engine (HSF
    included): pass → accepted (IQC label); fail → isolated, customer told."""

    def test_receipt_opens_the_incoming_inspection_with_the_hsf_question(self):
        item = self._received()
        inspection = item.qms_inspection_ids
        self.assertEqual(len(inspection), 1)
        self.assertEqual(inspection.qty, 100)
        questions = inspection.inspection_lines.mapped("name")
        self.assertTrue(any("HSF" in question for question in questions))
        with self.assertRaisesRegex(UserError, "incoming inspection must pass"):
            item.action_accept()

    def test_passed_inspection_accepts_the_property(self):
        item = self._received()
        self._answer_inspection(item, ok=True)
        self.assertEqual(item.state, "accepted")
        self.assertEqual(item.qms_inspection_result, "passed")

    def test_failed_inspection_isolates_and_tells_the_customer(self):
        item = self._received()
        self._answer_inspection(item, ok=False)
        self.assertEqual(item.state, "nonconforming")
        isolated = self.customer._qms_property_location(self.env.company, nonconforming=True)
        quants = self._owned_quants(self.customer)
        self.assertEqual(quants.filtered(lambda q: q.quantity > 0).location_id, isolated)
        self.assertEqual(quants.owner_id, self.customer, "isolation keeps the owner")
        self.assertEqual(item.qty_on_hand, 100)
        report = item.message_ids.filtered(lambda m: "nonconforming" in (m.subject or ""))
        self.assertTrue(report, "a nonconforming report to the customer")
        self.assertIn(self.customer, report.partner_ids)

        # the customer asks for a re-inspection: a new inspection, received again
        item.action_inspect()
        self.assertEqual(item.state, "received")
        self.assertEqual(len(item.qms_inspection_ids), 2)

    def test_state_changes_only_through_actions(self):
        item = self._material()
        with self.assertRaisesRegex(UserError, "change only through its buttons"):
            item.write({"state": "accepted"})
        with self.assertRaisesRegex(UserError, "received when its receipt is validated"):
            item.action_receive()
        self.assertIs(item.action_cancel(), True)
        with self.assertRaisesRegex(UserError, "not possible now"):
            item.action_cancel()

    def test_expired_material_gets_a_reinspection_task_for_qa(self):
        item = self._received(date_expiry="2020-01-31")
        self._answer_inspection(item, ok=True)
        self.env.company.qms_property_qa_user_id = self.owner_user
        self.env["qms.property"]._cron_check_expiry()
        self.env["qms.property"]._cron_check_expiry()
        tasks = item.activity_ids.filtered(lambda a: a.user_id == self.owner_user)
        self.assertEqual(len(tasks), 1, "one task, not one per run")
        self.assertTrue(item.is_expired)
