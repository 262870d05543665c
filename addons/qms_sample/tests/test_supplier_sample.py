from odoo import Command
from odoo.exceptions import UserError

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
        self.assertFalse(sample.qms_capa_ids, "no customer rejection: no corrective action")
