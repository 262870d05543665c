from odoo.tests import HttpCase, new_test_user, tagged

from .common import DeskCase

HOTLINE = "400-820-8820"


@tagged("post_install", "-at_install")
class TestHotlinePublished(HttpCase, DeskCase):
    """003 5.4.1: the complaint hotline is published to customers — on the
    portal home, the portal complaint pages and the 8D report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.qms_desk_hotline = HOTLINE
        contact = cls.env["res.partner"].create(
            {"name": "Portal Buyer", "parent_id": cls.customer.id, "email": "buyer@example.cn"}
        )
        new_test_user(
            cls.env,
            login="qms_desk_portal",
            password="qms_desk_portal_pw_2026",
            groups="base.group_portal",
            partner_id=contact.id,
        )

    def test_portal_pages_show_the_hotline(self):
        self.authenticate("qms_desk_portal", "qms_desk_portal_pw_2026")
        for url in ("/my/home", "/my/complaints", "/my/complaints/new"):
            with self.subTest(url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(HOTLINE, response.text)
                self.assertIn("o_qms_desk_hotline", response.text)

    def test_no_hotline_no_banner(self):
        self.env.company.qms_desk_hotline = False
        self.authenticate("qms_desk_portal", "qms_desk_portal_pw_2026")
        self.assertNotIn("o_qms_desk_hotline", self.url_open("/my/home").text)

    def test_8d_report_prints_the_hotline(self):
        complaint = self._complaint()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "qms_complaint.action_report_qms_complaint_8d", complaint.ids
        )
        self.assertIn(HOTLINE, html.decode())

    def test_opt_out_link_over_http(self):
        customer = self.env["qms.desk.customer"].create(
            {"name": "Wang Fang", "email": "wang@example.cn"}
        )
        response = self.url_open(f"/qms_desk/care/opt_out/{customer.id}/forged")
        self.assertIn("not valid", response.text)
        self.assertFalse(customer.care_opt_out)
        path = "/qms_desk" + customer._care_opt_out_url().split("/qms_desk", 1)[1]
        response = self.url_open(path)
        self.assertIn("no more greetings", response.text)
        customer.invalidate_recordset()
        self.assertTrue(customer.care_opt_out)
