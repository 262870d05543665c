import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import send_8d_report


@tagged("post_install", "-at_install")
class TestComplaintPortal(HttpCase):
    """Customers file and follow complaints on /my/complaints, and see only their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {"name": "Portal Customer A", "is_company": True, "lang": "en_US"}
        )
        cls.contact_a = Partner.create(
            {
                "name": "Alice Buyer",
                "parent_id": cls.customer_a.id,
                "email": "alice@customer-a.example.com",
                "lang": "en_US",
            }
        )
        cls.customer_b = Partner.create({"name": "Portal Customer B", "is_company": True})
        cls.contact_b = Partner.create(
            {
                "name": "Bob Buyer",
                "parent_id": cls.customer_b.id,
                "email": "bob@b.example.com",
                "lang": "en_US",
            }
        )
        cls.user_a = new_test_user(
            cls.env,
            login="qms_portal_a",
            groups="base.group_portal",
            partner_id=cls.contact_a.id,
        )
        cls.user_b = new_test_user(
            cls.env,
            login="qms_portal_b",
            groups="base.group_portal",
            partner_id=cls.contact_b.id,
        )
        cls.product = cls.env["product.product"].create(
            {"name": "QMS Portal Widget", "is_storable": True, "tracking": "lot"}
        )
        cls.other_product = cls.env["product.product"].create(
            {"name": "QMS Portal Gadget", "is_storable": True}
        )
        cls.lot = cls.env["stock.lot"].create({"name": "LOT-P-01", "product_id": cls.product.id})
        # Customer A bought the widget (the order of its contact counts for the company).
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.contact_a.id,
                "order_line": [(0, 0, {"product_id": cls.product.id, "product_uom_qty": 100})],
            }
        )
        order.action_confirm()

    def _complaints_a(self):
        return self.env["qms.complaint"].search(
            [("commercial_partner_id", "=", self.customer_a.id)]
        )

    def _complaint_a(self):
        return self.env["qms.complaint"].create(
            {
                "title": "Cracked housing",
                "partner_id": self.customer_a.id,
                "contact_id": self.contact_a.id,
                "product_id": self.product.id,
                "qty_defective": 2,
                "qty_delivered": 50,
            }
        )

    def _send_report(self, complaint):
        """The 8D report sent through the composer, once D4 and D5 are filled."""
        complaint.action_confirm_defect()
        complaint.write({"root_cause_occurrence": "Worn jig", "root_cause_escape": "No check"})
        complaint._qms_capa_create(
            [
                {
                    "title": "Replace the jig",
                    "kind": "corrective",
                    "user_id": self.env.user.id,
                    "date_deadline": fields.Date.today() + timedelta(days=30),
                }
            ]
        )
        send_8d_report(complaint)
        self.assertTrue(complaint.date_report_sent)

    def _csrf_token(self):
        page = self.url_open("/my/complaints/new")
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _counter(self):
        result = self.make_jsonrpc_request("/my/counters", {"counters": ["complaint_count"]})
        return result["complaint_count"]

    # ------------------------------------------------------------------
    def test_portal_tour_files_a_complaint(self):
        self.start_tour("/my", "qms_complaint_portal_tour", login=self.user_a.login)

        complaint = self._complaints_a()
        self.assertEqual(len(complaint), 1, "exactly one complaint for customer A")
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.partner_id, self.customer_a)
        self.assertEqual(complaint.contact_id, self.contact_a)
        self.assertEqual(complaint.title, "Scratched housings on delivery")
        self.assertEqual(complaint.product_id, self.product)
        self.assertEqual(complaint.lot_id, self.lot)
        self.assertEqual(complaint.product_text, "Customer P/N 55-120")
        self.assertEqual((complaint.qty_defective, complaint.qty_delivered), (4, 100))
        self.assertEqual(complaint.customer_ref, "NCR-PORTAL-7")
        self.assertIn("deep scratches", complaint.description)
        self.assertEqual(complaint.state, "draft")
        self.assertTrue(complaint.name.startswith("CC"))
        self.assertTrue(complaint.qms_deadline_ids, "the intake opened the deadlines")
        self.assertFalse(complaint.user_id, "the engineer is chosen at triage, not the portal user")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "qms.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(attachment.mapped("name"), ["qms_portal_photo.txt"])
        self.assertEqual(attachment.raw, b"scratches on the front face")
        self.assertEqual(complaint.photo_ids, attachment)
        self.assertIn(self.contact_a, complaint.message_partner_ids, "the contact follows it")
        comment = complaint.message_ids.filtered(
            lambda m: m.message_type == "comment" and "other housings" in m.body
        )
        self.assertEqual(comment.author_id, self.contact_a, "the chatter message of the tour")

    def test_customer_sees_its_complaint(self):
        complaint = self._complaint_a()
        self.authenticate(self.user_a.login, self.user_a.login)
        self.assertEqual(self._counter(), 1)
        listing = self.url_open("/my/complaints")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(complaint.name, listing.text)
        detail = self.url_open(f"/my/complaints/{complaint.id}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn(complaint.name, detail.text)
        self.assertIn("Received", detail.text)
        self.assertIn("Cracked housing", detail.text)
        self.assertNotIn("8D report", detail.text, "no report link before the report is sent")
        # The 8D progress shows the steps and their done dates, never the owners.
        complaint.action_confirm_defect()
        detail = self.url_open(f"/my/complaints/{complaint.id}")
        self.assertIn("8D progress", detail.text)
        self.assertIn("D0 Emergency response", detail.text)
        self.assertIn("D8 Closure and recognition", detail.text)
        self.assertNotIn(complaint.step_ids[0].user_id.name, detail.text)
        self.assertIn("8D in progress", detail.text)

    def test_8d_report_download(self):
        complaint = self._complaint_a()
        self.authenticate(self.user_a.login, self.user_a.login)
        url = f"/my/complaints/{complaint.id}?report_type=pdf&download=true"
        self.assertEqual(self.url_open(url).status_code, 404, "no report before it is sent")
        self._send_report(complaint)
        detail = self.url_open(f"/my/complaints/{complaint.id}")
        if not self.env.ref("qms_complaint.action_report_qms_complaint_8d", False):
            self.assertNotIn("o_qms_complaint_report", detail.text)
            self.skipTest("the 8D report is not installed")
        self.assertIn("8D report sent on", detail.text)
        self.assertIn(
            f'href="/my/complaints/{complaint.id}?report_type=pdf&amp;download=true"', detail.text
        )
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        sent = complaint.report_attachment_id
        self.assertTrue(sent, "the PDF as sent is kept")
        disposition = response.headers["Content-Disposition"]
        self.assertTrue(disposition.startswith("attachment;"), disposition)
        self.assertIn(f"8D-{complaint.name}-rev0.pdf", disposition)
        self.assertEqual(response.content, sent.raw)
        # Quality goes on drafting after the sending: the customer still gets what was sent.
        complaint.write({"root_cause_occurrence": "Draft: maybe the fixture, to be checked"})
        self.env.flush_all()
        later = self.url_open(url)
        self.assertEqual(later.status_code, 200)
        self.assertEqual(later.content, sent.raw, "the download is the PDF attached at sending")

    def test_other_customer_sees_nothing(self):
        complaint = self._complaint_a()
        self._send_report(complaint)
        self.authenticate(self.user_b.login, self.user_b.login)
        self.assertEqual(self._counter(), 0)
        listing = self.url_open("/my/complaints")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn(complaint.name, listing.text)
        self.assertIn("There are no complaints yet.", listing.text)
        # Another customer's complaint is "not found", like one that does not exist.
        detail = self.url_open(f"/my/complaints/{complaint.id}", allow_redirects=False)
        self.assertEqual(detail.status_code, 404)
        self.assertNotIn(complaint.name, detail.text)
        missing = self.url_open("/my/complaints/999999999", allow_redirects=False)
        self.assertEqual(missing.status_code, 404)
        report = self.url_open(
            f"/my/complaints/{complaint.id}?report_type=pdf&download=true", allow_redirects=False
        )
        self.assertEqual(report.status_code, 404)

    def test_anonymous_is_sent_to_login(self):
        complaint = self._complaint_a()
        response = self.url_open(f"/my/complaints/{complaint.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        # With the document's access token, the page opens without a login.
        token = complaint._portal_ensure_token()
        response = self.url_open(f"/my/complaints/{complaint.id}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(complaint.name, response.text)

    def test_bad_input_shows_the_error_and_writes_nothing(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        form = {
            "csrf_token": self._csrf_token(),
            "title": "Too many defects",
            "product_id": str(self.product.id),
            "qty_defective": "10",
            "qty_delivered": "5",
            "customer_ref": "NCR-BAD-1",
            "description": "More defective than delivered",
        }
        without_token = self.url_open("/my/complaints/new", data={**form, "csrf_token": "x"})
        self.assertEqual(without_token.status_code, 400, "CSRF protection")
        self.assertFalse(self._complaints_a())
        files = {"attachments": ("evidence.txt", b"evidence", "text/plain")}
        attachments_before = self.env["ir.attachment"].search_count([])
        response = self.url_open("/my/complaints/new", data=form, files=files)
        self.assertEqual(response.status_code, 200)
        self.assertIn("exceeds the delivered quantity", response.text)
        self.assertIn("o_qms_complaint_error", response.text)
        self.assertIn('value="Too many defects"', response.text, "the entered values are kept")
        self.assertIn('value="NCR-BAD-1"', response.text)
        self.assertIn(">More defective than delivered</textarea>", response.text)
        self.assertFalse(self._complaints_a(), "nothing written")
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments_before)

        # A lot of another product: the form says so.
        form.update(qty_defective="1", lot_name="NO-SUCH-LOT")
        response = self.url_open("/my/complaints/new", data=form)
        self.assertIn("Lot NO-SUCH-LOT is not a lot of QMS Portal Widget.", response.text)
        self.assertFalse(self._complaints_a())

        # A product the customer did not buy is refused.
        form.update(lot_name="", product_id=str(self.other_product.id))
        response = self.url_open("/my/complaints/new", data=form)
        self.assertIn("Choose the product among the products you bought.", response.text)
        self.assertFalse(self._complaints_a())

        # The products offered are the ones customer A bought.
        page = self.url_open("/my/complaints/new")
        self.assertIn("QMS Portal Widget", page.text)
        self.assertNotIn("QMS Portal Gadget", page.text)

        # Corrected, with its lot: the complaint is created and the customer lands on it.
        form.update(product_id=str(self.product.id), lot_name="LOT-P-01")
        response = self.url_open("/my/complaints/new", data=form)
        complaint = self._complaints_a()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.lot_id, self.lot)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith(f"/my/complaints/{complaint.id}?created=1"))
        self.assertIn(complaint.name, response.text)
