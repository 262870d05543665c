from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import SampleCase


class TestHsfReport(SampleCase):
    """004 5.3.1 e: the HSF list, its expiry reminders and the receipt check."""

    def _report(self, **values):
        return self.env["qms.hsf.report"].create(
            {
                "partner_id": self.supplier.id,
                "product_id": self.material.id,
                "date_test": "2025-04-15",
                "laboratory": "SGS Guangzhou",
                "report_number": "CANEC2504150001",
                "validity_months": 12,
                "test_items": "RoHS 10 substances",
                "result": "pass",
                "result_detail": "All below limits",
                **values,
            }
        )

    def _receipt(self):
        picking_type = self.warehouse.in_type_id
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": self.supplier.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.material.name,
                            "product_id": self.material.id,
                            "product_uom_qty": 25,
                            "product_uom": self.material.uom_id.id,
                            "location_id": self.env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": self.stock.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 25
        return picking

    @freeze_time("2026-03-02 02:00:00")
    def test_all_twelve_fields_and_dates(self):
        report = self._report()
        self.assertEqual(report.material_code, "RM-PCABS-01")
        self.assertEqual(report.date_expiry, date(2026, 4, 15))
        self.assertEqual(report.date_next_request, date(2026, 3, 16), "30 days before, a setting")
        self.assertTrue(report.is_valid)
        with self.assertRaisesRegex(ValidationError, "chemical: attach its MSDS"):
            self._report(report_number="X-2", is_chemical=True)
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            self._report(report_number="X-3", date_test="2026-05-01")
        xlsx = self.env.ref("qms_sample.action_report_qms_hsf_register_xlsx")
        content, file_type = xlsx._render(xlsx.report_name, report.ids)
        self.assertEqual(file_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_expiry_reminder_is_sent_once(self):
        with freeze_time("2026-03-02 02:00:00"):
            report = self._report()
            deadline = report.qms_deadline_ids
            self.assertEqual(deadline.kind_id.code, "expiry")
        Deadline = self.env["qms.deadline"]

        def requests():
            return report.message_ids.filtered(
                lambda m: m.subject and "New environmental test report needed" in m.subject
            )

        with freeze_time("2026-03-10 02:00:00"):
            Deadline._process_due()
            self.assertFalse(requests(), "not yet: 30 days before expiry is 16 March")
        with freeze_time("2026-03-17 02:00:00"):
            Deadline._process_due()
            self.assertEqual(len(requests()), 1)
            self.assertIn(self.supplier, requests().partner_ids, "sent to the supplier")
            self.assertTrue(report.date_reminded)
            Deadline._process_due()
        with freeze_time("2026-03-20 02:00:00"):
            Deadline._process_due()
            self.assertEqual(len(requests()), 1, "sent once")

    @freeze_time("2026-06-01 02:00:00")
    def test_receipt_blocked_by_an_expired_report(self):
        report = self._report()
        self.assertFalse(report.is_valid, "expired on 15 April")
        self.env.company.qms_sample_hsf_receipt_check = "block"
        picking = self._receipt()
        self.assertIn("no valid HSF test report", picking.qms_hsf_warning)
        with self.assertRaisesRegex(UserError, "no valid HSF test report for: .*PC/ABS resin"):
            picking.button_validate()
        # the warning's confirmation (what the wizard passes) does not lift a block
        with self.assertRaisesRegex(UserError, "no valid HSF test report"):
            picking.with_context(qms_hsf_checked=True).button_validate()
        self.assertEqual(picking.state, "assigned")
        # A new valid report lets the receipt through.
        self._report(report_number="CANEC2605200007", date_test="2026-05-20")
        picking.invalidate_recordset(["qms_hsf_warning"])
        self.assertFalse(picking.qms_hsf_warning)
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    @freeze_time("2026-06-01 02:00:00")
    def test_receipt_warns_when_set_to_warn(self):
        """ "warn": validating asks for a confirmation listing the missing reports;
        cancelling leaves the receipt as it was, confirming receives it and logs who."""
        self._report()  # expired on 15 April
        self.env.company.qms_sample_hsf_receipt_check = "warn"
        picking = self._receipt()
        action = picking.button_validate()
        self.assertEqual(action["res_model"], "qms.hsf.receipt.wizard")
        self.assertEqual(picking.state, "assigned", "not validated before the answer")
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"])).save()
        self.assertIn(picking.name, wizard.warning)
        self.assertIn("no valid HSF test report for: [RM-PCABS-01] PC/ABS resin", wizard.warning)
        # Cancel: the wizard is dropped, the receipt waits.
        self.assertEqual(picking.state, "assigned")
        self.assertFalse(
            picking.message_ids.filtered(lambda m: "despite the warning" in (m.body or ""))
        )
        # Confirm: received, and the chatter says who accepted it.
        self.assertIs(wizard.action_confirm(), True)
        self.assertEqual(picking.state, "done")
        note = picking.message_ids.filtered(lambda m: "despite the warning" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(self.env.user.name, note.body)
        self.assertIn("PC/ABS resin", note.body)
        # Materials that need no report are not checked.
        self.material.qms_hsf_required = False
        self.env.company.qms_sample_hsf_receipt_check = "block"
        other = self._receipt()
        other.button_validate()
        self.assertEqual(other.state, "done")

    def test_receipt_with_a_partial_quantity_still_offers_the_backorder(self):
        """The HSF confirmation first, then Odoo's own backorder wizard."""
        self.env.company.qms_sample_hsf_receipt_check = "warn"
        picking = self._receipt()
        picking.move_ids.quantity = 10
        action = picking.button_validate()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"])).save()
        backorder = wizard.action_confirm()
        self.assertEqual(backorder["res_model"], "stock.backorder.confirmation")
        self.assertEqual(picking.state, "assigned")

    def test_receipt_not_checked_when_set_to_none(self):
        self.env.company.qms_sample_hsf_receipt_check = "none"
        picking = self._receipt()
        self.assertIs(picking.button_validate(), True)
        self.assertEqual(picking.state, "done")
        self.assertFalse(
            picking.message_ids.filtered(lambda m: "HSF" in (m.body or "")),
            "no warning, no note",
        )
