from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user

from .common import ComplaintCase


class TestAuditIntegrity(ComplaintCase):
    """What an IATF record keeps, and the bad input a complaint refuses at the model."""

    def test_finished_complaint_keeps_its_customer_and_type(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        with self.assertRaisesRegex(UserError, "Type can no longer change"):
            complaint.write({"feedback_type": "praise"})
        with self.assertRaisesRegex(UserError, "Customer can no longer change"):
            complaint.write({"partner_id": self.other_customer.id})
        complaint.action_cancel("Logged twice")
        with self.assertRaisesRegex(UserError, "Customer can no longer change"):
            complaint.write({"partner_id": self.other_customer.id})
        with self.assertRaisesRegex(UserError, "Company can no longer change"):
            complaint.write({"company_id": self.env["res.company"].create({"name": "Other"}).id})
        for values in ({"name": "CC-forged"}, {"date_closed": False}, {"state": "draft"}):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                complaint.write(values)
        self.assertEqual(complaint.partner_id, self.customer)

    def test_copy_starts_as_a_new_complaint(self):
        """A copy is a new record: its own number, received, none of the
        original's recorded outcome (reason, transfers, severity)."""
        complaint = self._complaint()
        complaint.action_confirm_defect()
        complaint.action_cancel("Logged twice")
        copy = complaint.copy()
        self.assertEqual(copy.state, "draft")
        self.assertNotEqual(copy.name, complaint.name)
        self.assertFalse(copy.cancel_reason)
        self.assertFalse(copy.date_confirmed)
        self.assertEqual(complaint.cancel_reason, "Logged twice")

    def test_workflow_context_key_cannot_be_forged(self):
        complaint = self._complaint()
        capa = complaint._qms_capa_create([{"title": "Retrain", "user_id": self.owner_user.id}])
        with self.assertRaisesRegex(UserError, "only through"):
            capa.with_context(qms_capa_action=True).write({"state": "done"})
        deadline = complaint.qms_deadline_ids[:1]
        for values in ({"state": "done"}, {"alert_level": "escalated"}, {"due": deadline.start}):
            with self.assertRaisesRegex(UserError, "only through its buttons"):
                deadline.with_context(qms_workflow=True).write(values)
        self.assertEqual(deadline.state, "open")

    def test_references_of_other_customers_and_portal_users_are_refused(self):
        foreign_contact = self.env["res.partner"].create(
            {"name": "Wu", "parent_id": self.other_customer.id}
        )
        portal = new_test_user(self.env, login="audit_portal_c", groups="base.group_portal")
        cases = [
            ({"contact_id": foreign_contact.id}, "not a contact"),
            ({"user_id": portal.id}, "internal user"),
            ({"auditor_id": portal.id}, "internal users"),
            ({"qty_wip": -1}, "cannot be negative"),
            ({"qty_defective": 50, "qty_delivered": 10}, "exceeds"),
            ({"date_received": fields.Datetime.now() + timedelta(days=365 * 70)}, "future"),
            ({"title": "  \u3000 "}, "cannot be empty"),
            ({"channel": "pigeon"}, "not one of the possible values"),
            ({"category_id": "abc"}, "a record id is expected"),
            ({"category_id": 1.5}, "a record id is expected"),
            ({"category_id": [1, 2]}, "a record id is expected"),
            ({"company_id": "abc"}, "a record id is expected"),
            ({"date_received": "9999-12-31 00:00:00"}, "year"),
            ({"date_received": "2026-13-45"}, "not a valid date"),
            ({"qty_defective": float("nan")}, "finite number"),
        ]
        before = self.env["qms.complaint"].search_count([])
        for values, message in cases:
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
                self.env.cr.savepoint(),
            ):
                self._complaint(**values)
        self.assertEqual(self.env["qms.complaint"].search_count([]), before)
        receipt_type = self.warehouse.in_type_id
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": receipt_type.id,
                "partner_id": self.customer.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock.id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "not a delivery"):
            self._complaint(picking_id=receipt.id)

    def test_bad_arguments_and_values_of_actions(self):
        complaint = self._complaint()
        with self.assertRaisesRegex(UserError, "Explain"):
            complaint.action_not_responsible(123)
        with self.assertRaisesRegex(UserError, "reason"):
            complaint.action_cancel(["x"])
        capa = complaint._qms_capa_create([{"title": "Retrain", "user_id": self.owner_user.id}])
        with self.assertRaisesRegex(ValidationError, "a record id is expected"):
            capa.write({"user_id": {"id": 1}})
        capa.write({"title": "Retrain the line"})  # the transaction goes on
        complaint.action_confirm_defect()
        verification = self.env["qms.complaint.verification"]
        with self.assertRaisesRegex(ValidationError, "cannot be found in"):
            verification.create(
                {
                    "complaint_id": complaint.id,
                    "checked": "Lot 2611",
                    "qty_checked": 10,
                    "qty_defective": 50,
                }
            )
