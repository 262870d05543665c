from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import SampleCase, pass_inspection


class TestCustomerSample(SampleCase):
    """000 4.1.4: the customer's sample is made by engineering, inspected by QA,
    approved, shipped and confirmed by the customer."""

    def test_full_customer_path_with_a_real_delivery(self):
        self.env.company.write(
            {
                "qms_sample_marketing_custodian_id": self.sales_user.id,
                "qms_sample_engineering_custodian_id": self.owner_user.id,
                "qms_sample_original_location_id": self.shelf.id,
            }
        )
        sample = self._sample(customer_type="color_board")
        self.assertTrue(sample.name.startswith("CS"), "the customer kind's own sequence")
        self.assertEqual(sample.state, "draft")
        # Engineering makes it, with its deadline.
        self.assertIs(sample.action_start(), True)
        self.assertEqual(sample.state, "making")
        making = sample.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "making")
        self.assertEqual((making.state, making.owner_id), ("open", self.owner_user))
        # Approval before the inspection passed is refused.
        self.env["stock.quant"]._update_available_quantity(self.product, self.stock, 2)
        with self.assertRaisesRegex(UserError, "inspected first"):
            sample.action_approve()
        sample.action_start_inspection()
        self.assertEqual(sample.state, "inspection")
        self.assertEqual(making.state, "done")
        self.assertEqual(sample.qms_inspection_result, "pending")
        inspection = sample.qms_inspection_ids
        self.assertEqual(inspection.qty, 2, "the quantity inspected")
        with self.assertRaisesRegex(UserError, "once its inspection passed"):
            sample.action_approve()
        pass_inspection(sample)
        self.assertEqual(sample.qms_inspection_result, "passed")
        self.assertIs(sample.action_approve(), True)
        self.assertEqual(sample.state, "approved")
        # Shipped as a real delivery transfer.
        self.assertIs(sample.action_ship(), True)
        picking = sample.picking_id
        self.assertEqual(picking.picking_type_code, "outgoing")
        self.assertEqual(picking.partner_id, self.customer)
        self.assertEqual(picking.origin, sample.name)
        self.assertEqual(sample.state, "approved", "shipped once the delivery is validated")
        picking.move_ids.quantity = 2
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(sample.state, "shipped")
        self.assertEqual(
            self.env["stock.quant"]._get_available_quantity(self.product, self.stock), 0
        )
        decision = sample.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "decision")
        self.assertEqual((decision.state, decision.owner_id), ("open", self.sales_user))
        # Sales records the customer's signed acceptance.
        self.assertIs(
            sample.action_customer_approve(comment="Colour OK", signed_by="Mr. Chen"), True
        )
        self.assertEqual(sample.state, "accepted")
        self.assertEqual(sample.customer_signed_by, "Mr. Chen")
        self.assertEqual(sample.decision_channel, "sales")
        self.assertTrue(sample.date_accepted)
        self.assertEqual(decision.state, "done")
        original = sample.copy_ids.filtered(lambda c: c.copy_type == "original")
        duplicate = sample.copy_ids.filtered(lambda c: c.copy_type == "duplicate")
        self.assertEqual(
            (original.custodian_id, original.location_id), (self.sales_user, self.shelf)
        )
        self.assertEqual(duplicate.custodian_id, self.owner_user)
        self.assertEqual((original.department, duplicate.department), ("Marketing", "Engineering"))
        # Out of draft: archived, never deleted.
        with self.assertRaisesRegex(UserError, "archived"):
            sample.unlink()

    def test_partner_quality_button_counts_open_samples(self):
        sample = self._sample()
        self._ship(sample)
        sample.action_customer_approve()
        self.customer.invalidate_recordset(["qms_sample_count", "qms_open_count"])
        self.assertEqual(self.customer.qms_sample_count, 0, "accepted: no longer open")
        self._sample()
        self.customer.invalidate_recordset(["qms_sample_count", "qms_open_count"])
        self.assertEqual(self.customer.qms_sample_count, 1)
        self.assertGreaterEqual(self.customer.qms_open_count, 1)
        action = self.customer.action_view_qms_samples()
        self.assertEqual(len(self.env["qms.sample"].search(action["domain"])), 2)

    def test_rejection_path_then_a_new_revision(self):
        sample = self._sample()
        self._ship(sample)
        with self.assertRaisesRegex(UserError, "reason"):
            sample.action_customer_reject("  ")
        self.assertIs(sample.action_customer_reject("Shade too yellow, ΔE 2.1"), True)
        self.assertEqual(sample.state, "rejected")
        self.assertEqual(sample.rejection_reason, "Shade too yellow, ΔE 2.1")
        self.assertFalse(sample.copy_ids)
        self.assertFalse(sample.qms_deadline_ids.filtered(lambda d: d.state == "open"))
        capa = sample.qms_capa_ids
        self.assertEqual(len(capa), 1, "a corrective action for the rejection")
        self.assertIn("Shade too yellow", capa.title)
        self.assertEqual(capa.user_id, self.owner_user)
        # A new revision from the same request.
        action = sample.action_new_revision()
        second = self.env["qms.sample"].browse(action["res_id"])
        self.assertEqual((second.parent_id, second.revision, second.state), (sample, 2, "draft"))
        self.assertNotEqual(second.name, sample.name)
        self._ship(second)
        second.action_customer_approve()
        self.assertEqual(second.state, "accepted")

    def test_state_changes_only_through_actions(self):
        sample = self._sample()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            sample.write({"state": "accepted"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._sample(state="sealed")
        with self.assertRaisesRegex(UserError, "not possible now"):
            sample.action_ship()
        with self.assertRaisesRegex(ValidationError, "needs its partner"):
            self._sample(partner_id=False)

    def test_request_from_an_opportunity(self):
        lead = self.env["crm.lead"].create(
            {"name": "New display line", "type": "opportunity", "partner_id": self.customer.id}
        )
        action = lead.action_qms_request_sample()
        self.assertEqual(action["context"]["default_opportunity_id"], lead.id)
        sample = self._sample(
            opportunity_id=lead.id, kind=self.env.ref("qms_sample.sample_kind_presale")
        )
        self.assertTrue(sample.name.startswith("PR"))
        self.assertEqual(lead.qms_sample_count, 1)
        with self.assertRaisesRegex(ValidationError, "is not a document of"):
            self._sample(opportunity_id=lead.id, partner_id=self.other_customer.id)

    def test_decision_deadline_reminds_escalates_once_and_stops_when_decided(self):
        """The shipped sample waits for the customer: the salesperson is reminded,
        then the overdue decision escalates once; the customer's decision ends it."""
        with freeze_time("2026-03-02 02:00:00"):
            sample = self._sample()
            self._ship(sample)
            decision = sample.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "decision")
            self.assertEqual((decision.state, decision.owner_id), ("open", self.sales_user))
            self.assertFalse(sample.is_decision_overdue)
        Deadline = self.env["qms.deadline"]
        Sample = self.env["qms.sample"]

        def activities(text):
            return sample.activity_ids.filtered(lambda a: text in (a.summary or ""))

        def escalation_logs():
            return sample.message_ids.filtered(lambda m: "escalated to" in (m.body or ""))

        reminder = decision._reminder_datetimes()[0]
        with freeze_time(reminder + timedelta(minutes=5)):
            Deadline._process_due()
            self.assertEqual(activities("Due soon").user_id, self.sales_user)
            self.assertFalse(activities("Overdue"))
        with freeze_time(decision.due + timedelta(hours=1)):
            Deadline._process_due()
            self.assertEqual(activities("Overdue").user_id, self.sales_user)
            sample.invalidate_recordset(["is_decision_overdue"])
            self.assertTrue(sample.is_decision_overdue, "the form shows: decision overdue")
            self.assertIn(sample, Sample.search([("is_decision_overdue", "=", True)]))
            self.assertFalse(escalation_logs())
        with freeze_time(decision.escalate_at + timedelta(hours=1)):
            Deadline._process_due()
            escalated = activities("Escalated")
            self.assertTrue(escalated)
            self.assertEqual(len(escalation_logs()), 1)
        with freeze_time(decision.escalate_at + timedelta(days=4)):
            Deadline._process_due()
            self.assertEqual(activities("Escalated"), escalated, "escalated once")
            self.assertEqual(len(escalation_logs()), 1)
            sample.action_customer_approve(comment="Colour OK", signed_by="Mr. Chen")
            self.assertEqual(decision.state, "done")
            sample.invalidate_recordset(["is_decision_overdue"])
            self.assertFalse(sample.is_decision_overdue)
            self.assertNotIn(sample, Sample.search([("is_decision_overdue", "=", True)]))
            self.assertFalse(activities("Escalated") | activities("Overdue"), "the alerts go")
        with freeze_time(decision.escalate_at + timedelta(days=30)):
            Deadline._process_due()
            self.assertFalse(sample.activity_ids.filtered("qms_deadline_id"), "nothing more")
            self.assertEqual(len(escalation_logs()), 1)
