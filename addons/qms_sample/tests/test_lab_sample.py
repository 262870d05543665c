from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import SampleCase


class TestLabSample(SampleCase):
    """实验室样品管理程序: receipt checks, label, tests, return or disposal."""

    def _lab(self, **values):
        return self.env["qms.lab.sample"].create(
            {
                "partner_id": self.customer.id,
                "commission_ref": "WT-2026-0311",
                "model_name": "BV-7000",
                "quantity": 3,
                "storage_conditions": "23±2 °C, dry",
                **values,
            }
        )

    def _check_all(self, sample):
        sample.write(
            dict.fromkeys(
                (
                    "check_packaging",
                    "check_appearance",
                    "check_quantity",
                    "check_model",
                    "check_specification",
                    "check_grade",
                    "check_complete",
                    "check_fit",
                ),
                True,
            )
        )

    def test_state_machine_return_versus_disposal(self):
        returned = self._lab(disposal_way="return")
        self.assertTrue(returned.name.startswith("LS"))
        with self.assertRaisesRegex(UserError, "not fit for the test"):
            returned.action_accept()
        returned.check_fit = True
        with self.assertRaisesRegex(UserError, "record the anomalies"):
            returned.action_accept()
        returned.receipt_notes = "Outer carton dented; parts intact (customer informed)."
        self.assertIs(returned.action_accept(), True)
        self.assertEqual(returned.state, "awaiting")
        with self.assertRaisesRegex(UserError, "through its buttons"):
            returned.write({"state": "tested"})
        returned.action_start_test(test=self.test)
        self.assertEqual(returned.state, "in_test")
        with self.assertRaisesRegex(UserError, "open inspection"):
            returned.action_finish_test()
        inspection = returned.qms_inspection_ids
        match, delta = inspection.inspection_lines.sorted(lambda line: line.test_line.sequence)
        match.qualitative_value = match.possible_ql_values.filtered("ok")
        delta.quantitative_value = 0.5
        inspection.action_confirm()
        returned.action_finish_test()
        self.assertEqual(returned.state, "tested")
        self.assertEqual(returned.tests_done, self.test.name, "the test name is on the label")
        with self.assertRaisesRegex(UserError, "goes back to the customer"):
            returned.action_dispose("crushed")
        self.assertIs(returned.action_return("Collected by Mr. Chen"), True)
        self.assertEqual(returned.state, "returned")

        disposed = self._lab(disposal_way="dispose", commission_ref="WT-2026-0312")
        self._check_all(disposed)
        disposed.action_accept()
        disposed.action_start_test()
        disposed.action_finish_test("Salt spray 48 h")
        with self.assertRaisesRegex(UserError, "not to be returned"):
            disposed.action_return()
        with self.assertRaisesRegex(UserError, "how the sample is disposed"):
            disposed.action_dispose()
        disposed.action_dispose("Handed to manufacturing engineering for scrap")
        self.assertEqual(disposed.state, "disposed")
        with self.assertRaisesRegex(UserError, "archived, never deleted"):
            disposed.unlink()
        # The label: number, commission number, model and a barcode.
        report = self.env.ref("qms_sample.action_report_qms_lab_sample_label")
        html, _type = report._render_qweb_html(report.report_name, disposed.ids)
        for text in (disposed.name, "WT-2026-0312", "BV-7000", "Salt spray 48 h"):
            self.assertIn(text.encode(), html)
        self.assertIn(f'alt="Barcode {disposed.name}"'.encode(), html)
        # The commission and check record, with each receipt check.
        receipt = self.env.ref("qms_sample.action_report_qms_lab_sample_receipt")
        html, _type = receipt._render_qweb_html(receipt.report_name, returned.ids)
        self.assertIn(b"Outer carton dented", html)
        self.assertIn(b"Packaging intact", html)

    def test_confidential_samples_for_the_restricted_group_only(self):
        secret = self._lab(is_confidential=True, commission_ref="WT-SECRET")
        plain = self._lab(commission_ref="WT-PLAIN")
        lab_user = new_test_user(self.env, login="qms_lab", groups="qms_base.group_qms_user")
        trusted = new_test_user(
            self.env, login="qms_lab_trusted", groups="qms_sample.group_qms_lab_confidential"
        )
        Lab = self.env["qms.lab.sample"]
        domain = [("id", "in", (secret | plain).ids)]
        self.assertEqual(Lab.with_user(lab_user).search(domain), plain)
        self.assertEqual(Lab.with_user(trusted).search(domain), secret | plain)
        with self.assertRaises(AccessError):
            secret.with_user(lab_user).read(["commission_ref"])
