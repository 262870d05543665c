from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from odoo.addons.qms_sample.models.qms_lab_sample import RECEIPT_CHECKS

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
        sample.write(dict.fromkeys((*RECEIPT_CHECKS, "check_fit"), True))

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

    def test_transfer_slip_and_the_technical_responsible(self):
        """4.1.1 c: each handover is on the transfer slip; a mismatch or a broken
        seal is reported to the technical responsible (技术负责人)."""
        technical = new_test_user(
            self.env,
            login="qms_lab_tech",
            name="Lab Technical Lead",
            groups="qms_base.group_qms_user",
        )
        self.env.company.qms_lab_technical_user_id = technical
        tester = new_test_user(self.env, login="qms_lab_tester", groups="qms_base.group_qms_user")
        sample = self._lab(sealed_delivery=True)
        Transfer = self.env["qms.lab.sample.transfer"]
        handover = {
            "lab_sample_id": sample.id,
            "from_area": "receiving",
            "to_area": "test_lab",
            "to_user_id": tester.id,
        }
        with (
            self.assertRaisesRegex(ValidationError, "delivered sealed: check its seal"),
            self.env.cr.savepoint(),
        ):
            Transfer.create(handover)
        with (
            self.assertRaisesRegex(ValidationError, "from one place to another"),
            self.env.cr.savepoint(),
        ):
            Transfer.create({**handover, "to_area": "receiving", "seal_state": "intact"})
        first = Transfer.create({**handover, "seal_state": "intact"})
        self.assertEqual(first.from_user_id, self.env.user, "handed over by whoever records it")
        self.assertFalse(first.is_anomaly)
        self.assertFalse(sample.activity_ids.filtered(lambda a: a.user_id == technical))
        self.assertIn("Test laboratory", sample.message_ids[0].body)
        with (
            self.assertRaisesRegex(ValidationError, "Describe what did not match"),
            self.env.cr.savepoint(),
        ):
            Transfer.create({**handover, "seal_state": "broken"})
        Transfer.create(
            {
                **handover,
                "from_area": "test_lab",
                "to_area": "storage",
                "seal_state": "broken",
                "note": "Seal torn, carton wet",
            }
        )
        Transfer.create(
            {
                **handover,
                "from_area": "storage",
                "to_area": "test_lab",
                "seal_state": "intact",
                "state_matches": False,
                "note": "3 pieces on the slip, 2 in the box",
            }
        )
        alerts = sample.activity_ids.filtered(lambda a: a.user_id == technical)
        self.assertEqual(len(alerts), 2)
        self.assertTrue(any("seal is broken" in a.summary for a in alerts))
        self.assertTrue(any("does not match its transfer slip" in a.summary for a in alerts))
        sample.invalidate_recordset(["transfer_ids"])
        self.assertEqual(len(sample.transfer_ids), 3, "the refused handovers left nothing")
        with self.assertRaisesRegex(UserError, "never deleted"):
            first.unlink()
        # Found out later on a recorded handover: also reported.
        first.write({"state_matches": False, "note": "Label missing"})
        self.assertEqual(len(sample.activity_ids.filtered(lambda a: a.user_id == technical)), 3)

    def test_every_test_is_named_on_the_label(self):
        """4.3: each test performed is recorded by name on the sample's label."""
        sample = self._lab()
        self._check_all(sample)
        sample.action_accept()
        sample.action_start_test()
        sample.action_finish_test("Salt spray 48 h")
        sample.action_start_test()
        sample.action_finish_test("Drop test 1.2 m")
        self.assertEqual(sample.tests_done, "Salt spray 48 h\nDrop test 1.2 m")
        report = self.env.ref("qms_sample.action_report_qms_lab_sample_label")
        html, _type = report._render_qweb_html(report.report_name, sample.ids)
        for name in ("Salt spray 48 h", "Drop test 1.2 m"):
            self.assertIn(name.encode(), html)

    def test_commission_form_pdf_and_its_copy_to_the_customer(self):
        """4.1.1 a/b: the commission form, one copy e-mailed to the customer."""
        self.customer.email = "lab@brightview.example.cn"
        sample = self._lab(
            requested_tests="Salt spray 48 h; drop test 1.2 m",
            disposal_way="dispose",
            is_confidential=True,
        )
        report = self.env.ref("qms_sample.action_report_qms_lab_sample_commission")
        html, _type = report._render_qweb_html(report.report_name, sample.ids)
        for text in (
            "Test Commission Form",
            "WT-2026-0311",
            self.customer.name,
            "BV-7000",
            "Salt spray 48 h; drop test 1.2 m",
            "Disposed by manufacturing engineering",
            "Confidential at the customer",
            "Customer (signature and date)",
        ):
            self.assertIn(text.encode(), html)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.lang = "zh_CN"
        html_zh, _type = report._render_qweb_html(report.report_name, sample.ids)
        self.assertIn("见证取样送样委托单".encode(), html_zh, "in the customer's language")
        self.customer.lang = "en_US"
        action = sample.action_send_commission()
        composer = Form(self.env["mail.compose.message"].with_context(**action["context"])).save()
        self.assertEqual(composer.partner_ids, self.customer)
        self.assertIn("WT-2026-0311", composer.subject)
        self.assertEqual(len(composer.attachment_ids), 1, "the commission form attached")
        composer.action_send_mail()
        message = sample.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("WT-2026-0311", message.attachment_ids.name)
        with self.assertRaisesRegex(UserError, "no customer"):
            self._lab(partner_id=False, commission_ref="WT-X").action_send_commission()
