import io

import openpyxl

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form

from .common import SampleCase, pass_inspection


class TestSupplierSample(SampleCase):
    """004 5.3.1: supplier samples come with their documents, are tested on at
    least 5 pieces, tried in production and confirmed on the confirmation sheet."""

    def _supplier_sample(self, **values):
        return self._sample(
            **{
                "kind": self.kind_supplier,
                "title": "PC/ABS resin, new grade",
                "partner_id": self.supplier.id,
                "product_id": self.material.id,
                "source": "supplier",
                "supplier_trigger": "material_change",
                "quantity": 10,
                "self_inspection_report_ids": [
                    Command.link(self._attachment("self-inspection.pdf").id)
                ],
                "material_certificate_ids": [Command.link(self._attachment("certificate.pdf").id)],
                **values,
            }
        )

    def test_five_piece_rule_at_four_and_five(self):
        sample = self._supplier_sample(qty_tested=4)
        self.assertTrue(sample.name.startswith("SS"))
        with self.assertRaisesRegex(UserError, "at least 5 pieces are tested, not 4"):
            sample.action_start_inspection()
        self.assertEqual(sample.state, "draft")
        sample.qty_tested = 5
        self.assertIs(sample.action_start_inspection(), True)
        self.assertEqual(sample.state, "inspection")
        self.assertEqual(sample.qms_inspection_ids.qty, 5)

    def test_the_minimum_is_a_setting(self):
        self.env.company.qms_sample_min_test_qty = 3
        sample = self._supplier_sample(qty_tested=3)
        sample.action_start_inspection()
        self.assertEqual(sample.state, "inspection")
        self.kind_supplier.min_test_qty = 8
        other = self._supplier_sample(qty_tested=5)
        with self.assertRaisesRegex(UserError, "at least 8 pieces"):
            other.action_start_inspection()

    def test_missing_self_inspection_report_is_refused(self):
        sample = self._supplier_sample(qty_tested=5, self_inspection_report_ids=[Command.clear()])
        with self.assertRaisesRegex(UserError, "self-inspection report"):
            sample.action_start_inspection()
        self.assertEqual(sample.state, "draft")
        self.assertFalse(sample.qms_inspection_ids)
        sample.self_inspection_report_ids = [Command.link(self._attachment("report.pdf").id)]
        sample.material_certificate_ids = [Command.clear()]
        with self.assertRaisesRegex(UserError, "material certificate"):
            sample.action_start_inspection()

    def test_trial_and_customer_change_approval_before_confirmation(self):
        sample = self._supplier_sample(qty_tested=5, affects_customer=True)
        sample.action_start_inspection()
        pass_inspection(sample)
        with self.assertRaisesRegex(UserError, "production trial"):
            sample.action_approve()
        sample.write({"fit_test_result": "ok", "trial_result": "ok"})
        with self.assertRaisesRegex(UserError, "engineering change notice"):
            sample.action_approve()
        with self.assertRaisesRegex(UserError, "number of the engineering change notice"):
            sample.action_ecn_approved()
        sample.ecn_reference = "ECN-2026-014"
        sample.action_ecn_approved()
        self.assertIs(sample.action_approve(), True)
        self.assertEqual(sample.state, "accepted", "a supplier sample is confirmed, not shipped")
        # The confirmation sheet, in English and in Chinese.
        self.env["res.lang"]._activate_lang("zh_CN")
        report = self.env.ref("qms_sample.action_report_qms_sample_confirmation")
        html_en, _type = report._render_qweb_html(report.report_name, sample.ids)
        self.assertIn(b"Sample Confirmation Sheet", html_en)
        self.assertIn(b"ECN-2026-014", html_en)
        self.supplier.lang = "zh_CN"
        html_zh, _type = report._render_qweb_html(report.report_name, sample.ids)
        self.assertIn(sample.name.encode(), html_zh)
        self.assertIn("样品确认单".encode(), html_zh, "in the supplier's language")
        # The supplier sample list.
        xlsx = self.env.ref("qms_sample.action_report_qms_supplier_sample_list_xlsx")
        content, file_type = xlsx._render(xlsx.report_name, sample.ids)
        self.assertEqual(file_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_ng_goes_back_to_purchasing(self):
        purchaser = self.sales_user
        sample = self._supplier_sample(qty_tested=5, purchase_user_id=purchaser.id)
        sample.action_start_inspection()
        pass_inspection(sample, ok=False)
        self.assertEqual(sample.qms_inspection_result, "failed")
        with self.assertRaisesRegex(UserError, "once its inspection passed"):
            sample.action_approve()
        sample.action_reject("ΔE 2.1 out of tolerance")
        self.assertEqual(sample.state, "rejected")
        self.assertTrue(sample.date_returned_to_purchasing)
        activity = sample.activity_ids.filtered(lambda a: a.user_id == purchaser)
        self.assertIn("Return the sample", activity.summary)
        self.assertIn("self-inspection.pdf", activity.note, "with all its documents")
        with self.assertRaisesRegex(UserError, "not confirmed OK yet"):
            sample.action_send_confirmation()
        self.assertFalse(sample.qms_capa_ids, "no customer rejection: no corrective action")

    def test_confirmation_sheet_original_to_supplier_copies_to_purchasing_and_qa(self):
        """004 5.3.1 d: once OK, the original goes to the supplier, a copy each to
        purchasing and QA; the sample says when and to whom."""
        purchaser = self.sales_user
        sample = self._supplier_sample(
            qty_tested=5, purchase_user_id=purchaser.id, qa_user_id=self.qa_head.id
        )
        with self.assertRaisesRegex(UserError, "not confirmed OK yet"):
            sample.action_send_confirmation()
        sample.action_start_inspection()
        pass_inspection(sample)
        sample.write({"fit_test_result": "ok", "trial_result": "ok"})
        with self.assertRaisesRegex(UserError, "not confirmed OK yet"):
            sample.action_send_confirmation()
        sample.action_approve()
        self.assertEqual(sample.state, "accepted")
        action = sample.action_send_confirmation()
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = Form(self.env["mail.compose.message"].with_context(**action["context"])).save()
        self.assertEqual(composer.partner_ids, self.supplier, "the original to the supplier")
        self.assertIn("Sample confirmation sheet", composer.subject)
        self.assertEqual(len(composer.attachment_ids), 1, "the confirmation sheet attached")
        self.assertIn(sample.name, composer.attachment_ids.name)
        composer.action_send_mail()
        message = sample.message_ids.filtered(lambda m: self.supplier in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(sample.name, message.attachment_ids.name)
        # Sent: when, the original's recipient and the two copies are recorded.
        self.assertTrue(sample.date_confirmation_sent)
        self.assertEqual(sample.confirmation_original_partner_ids, self.supplier)
        self.assertEqual(sample.confirmation_purchase_copy_id, purchaser)
        self.assertEqual(sample.confirmation_qa_copy_id, self.qa_head)
        copies = purchaser.partner_id | self.qa_head.partner_id
        self.assertLessEqual(copies, sample.message_partner_ids, "both follow the sample")
        self.assertLessEqual(
            copies, message.notification_ids.res_partner_id, "both are notified of the sheet"
        )
        for user in (purchaser, self.qa_head):
            activity = sample.activity_ids.filtered(lambda a, u=user: a.user_id == u)
            self.assertIn("File the copy of the sample confirmation sheet", activity.summary)
        # The supplier sample list shows the distribution.
        xlsx = self.env.ref("qms_sample.action_report_qms_supplier_sample_list_xlsx")
        content, _type = xlsx._render(xlsx.report_name, sample.ids)
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        self.assertIn("Confirmation sheet sent on", values)
        self.assertIn(self.supplier.display_name, values)
        self.assertIn(f"{purchaser.name}, {self.qa_head.name}", values)

    def test_the_composer_flag_alone_records_no_confirmation_sheet(self):
        sample = self._supplier_sample(
            qty_tested=5, purchase_user_id=self.sales_user.id, qa_user_id=self.qa_head.id
        )
        sample.action_start_inspection()
        pass_inspection(sample)
        sample.write({"fit_test_result": "ok", "trial_result": "ok"})
        sample.action_approve()
        sample.with_context(qms_mark_confirmation_sent=True).message_post(
            body="Sheet follows", message_type="comment", partner_ids=self.supplier.ids
        )
        self.assertFalse(sample.date_confirmation_sent, "no sheet went out")
        self.assertFalse(sample.confirmation_original_partner_ids)
        self.assertFalse(
            sample.activity_ids.filtered(lambda a: "confirmation sheet" in (a.summary or ""))
        )

    def test_confirmation_copies_need_their_recipients(self):
        sample = self._supplier_sample(qty_tested=5, fit_test_result="ok", trial_result="ok")
        sample.action_start_inspection()
        pass_inspection(sample)
        sample.action_approve()
        with self.assertRaisesRegex(UserError, "choose the purchaser and the QA inspector"):
            sample.action_send_confirmation()
        self.env.company.write(
            {
                "qms_sample_purchase_user_id": self.sales_user.id,
                "qms_sample_qa_user_id": self.qa_head.id,
            }
        )
        self.assertEqual(sample.action_send_confirmation()["res_model"], "mail.compose.message")
