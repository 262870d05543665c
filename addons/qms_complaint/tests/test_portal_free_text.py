import re

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintPortalFreeText(HttpCase):
    """A customer whose product is not in the list types it and its lot as free
    text; quality reads both on the backend form to match them at triage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_a = cls.env["res.partner"].create(
            {"name": "Free Text Customer", "is_company": True, "lang": "en_US"}
        )
        contact = cls.env["res.partner"].create(
            {
                "name": "Fiona Freetext",
                "parent_id": cls.customer_a.id,
                "email": "fiona@freetext.example.com",
                "lang": "en_US",
            }
        )
        cls.user_a = new_test_user(
            cls.env, login="qms_portal_free_text", groups="base.group_portal", partner_id=contact.id
        )

    def _complaints_a(self):
        return self.env["qms.complaint"].search(
            [("commercial_partner_id", "=", self.customer_a.id)]
        )

    def _csrf_token(self):
        page = self.url_open("/my/complaints/new")
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _form(self, **values):
        return {
            "csrf_token": self._csrf_token(),
            "title": "Unknown housing leaks",
            "product_id": "",
            "qty_defective": "2",
            "qty_delivered": "40",
            "description": "Leaks at the flange",
            **values,
        }

    def test_free_text_product_and_lot(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open("/my/complaints/new")
        self.assertIn('name="product_text"', page.text)
        self.assertIn("If your product is not in the list", page.text)
        response = self.url_open(
            "/my/complaints/new",
            data=self._form(product_text="Flange housing P/N 77-310", lot_name="B-2026-11"),
        )
        complaint = self._complaints_a()
        self.assertEqual(len(complaint), 1, "the lot without a product is accepted")
        self.assertFalse(complaint.product_id)
        self.assertFalse(complaint.lot_id)
        self.assertEqual(complaint.product_text, "Flange housing P/N 77-310")
        self.assertEqual(complaint.lot_text, "B-2026-11")
        self.assertTrue(response.url.endswith(f"/my/complaints/{complaint.id}?created=1"))
        # The customer reads what it typed on its complaint, and in its list
        self.assertIn("Product as described", response.text)
        self.assertIn("Flange housing P/N 77-310", response.text)
        self.assertIn("B-2026-11", response.text)
        listing = self.url_open("/my/complaints")
        self.assertIn("Flange housing P/N 77-310", listing.text)
        # The portal user reads both fields over RPC (they are portal fields)
        values = complaint.with_user(self.user_a).read(["product_text", "lot_text"])[0]
        self.assertEqual(values["lot_text"], "B-2026-11")
        # Quality sees them on the form for triage, and in the register
        arch = self.env["qms.complaint"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="product_text"', arch)
        self.assertIn('name="lot_text"', arch)

    def test_bad_free_text(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        response = self.url_open("/my/complaints/new", data=self._form(product_text="   "))
        self.assertIn("o_qms_complaint_error", response.text)
        self.assertIn("Product name or part number cannot be only spaces", response.text)
        response = self.url_open("/my/complaints/new", data=self._form(lot_name=" \t "))
        self.assertIn("Lot/Serial number cannot be only spaces", response.text)
        response = self.url_open("/my/complaints/new", data=self._form(product_text="X" * 129))
        self.assertIn(
            "Product as described is too long: 129 characters, at most 128.", response.text
        )
        self.assertIn('value="' + "X" * 129 + '"', response.text, "the value typed is kept")
        response = self.url_open("/my/complaints/new", data=self._form(lot_name="L" * 65))
        self.assertIn("Lot/batch as described is too long", response.text)
        self.assertFalse(self._complaints_a(), "nothing written")
