from odoo.exceptions import UserError

from odoo.addons.qms_complaint.tests.common import ComplaintCase


class TestComplaintSample(ComplaintCase):
    """003 5.4.5: samples brought back for a complaint's analysis are labelled
    lab samples the complaint creates and follows."""

    def test_complaint_creates_and_follows_its_analysis_samples(self):
        complaint = self._complaint()
        action = complaint.action_create_analysis_sample(origin="visit", quantity=3)
        sample = self.env["qms.lab.sample"].browse(action["res_id"])
        self.assertEqual(sample.complaint_id, complaint)
        self.assertEqual(sample.commission_ref, complaint.name)
        self.assertEqual(sample.partner_id, self.customer)
        self.assertEqual(sample.product_id, self.product)
        self.assertEqual((sample.quantity, sample.complaint_origin), (3, "visit"))
        self.assertEqual(complaint.analysis_sample_count, 1)
        self.assertEqual(
            self.env["qms.lab.sample"].search(complaint.action_view_analysis_samples()["domain"]),
            sample,
        )
        # The complaint hears of each step in the lab.
        sample.write({"check_fit": True, "receipt_notes": "Two units cracked in transit"})
        sample.action_accept()
        self.assertIn(sample.name, complaint.message_ids[0].body)
        self.assertIn("Awaiting test", complaint.message_ids[0].body)
        sample.action_start_test()
        sample.action_finish_test("Cross-section of the solder joints")
        sample.action_dispose("Scrapped after the analysis")
        self.assertIn("Disposed", complaint.message_ids[0].body)
        # Its label names the complaint.
        report = self.env.ref("qms_sample.action_report_qms_lab_sample_label")
        html, _type = report._render_qweb_html(report.report_name, sample.ids)
        self.assertIn(complaint.name.encode(), html)

    def test_no_sample_for_a_cancelled_complaint(self):
        complaint = self._complaint()
        complaint.action_cancel("Logged twice")
        with self.assertRaisesRegex(UserError, "is closed"):
            complaint.action_create_analysis_sample()
