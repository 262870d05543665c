import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPropertyPortal(HttpCase):
    """/my/property: what we hold for the customer, counts to confirm or dispute,
    incidents; a customer sees only its own company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.env.company.qms_property_count_auto_send = False
        cls.customer_a = Partner.create(
            {"name": "Portal Property A", "is_company": True, "lang": "en_US"}
        )
        cls.contact_a = Partner.create(
            {"name": "Alice Planner", "parent_id": cls.customer_a.id, "email": "a@a.example.com"}
        )
        cls.customer_b = Partner.create({"name": "Portal Property B", "is_company": True})
        cls.contact_b = Partner.create(
            {"name": "Bob Planner", "parent_id": cls.customer_b.id, "email": "b@b.example.com"}
        )
        cls.user_a = new_test_user(
            cls.env, login="qms_prop_a", groups="base.group_portal", partner_id=cls.contact_a.id
        )
        cls.user_b = new_test_user(
            cls.env, login="qms_prop_b", groups="base.group_portal", partner_id=cls.contact_b.id
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Portal copper frames", "is_storable": True}
        )
        kind = cls.env.ref("qms_customer_property.property_kind_materials")
        cls.items = cls.env["qms.property"].create(
            [
                {
                    "title": "Portal copper frames",
                    "kind_id": kind.id,
                    "partner_id": customer.id,
                    "product_id": cls.product.id,
                    "qty_announced": qty,
                }
                for customer, qty in ((cls.customer_a, 120), (cls.customer_b, 30))
            ]
        )
        cls.items._receive_as_listed()
        Count = cls.env["qms.property.count"]
        cls.count_a = Count._generate(partners=cls.customer_a)
        cls.count_b = Count._generate(partners=cls.customer_b)
        (cls.count_a | cls.count_b).action_send()

    def test_portal_tour_confirms_the_count(self):
        self.start_tour("/my", "qms_property_portal_tour", login=self.user_a.login)
        self.assertEqual(self.count_a.state, "confirmed")
        self.assertEqual(self.count_a.confirmed_by_id, self.contact_a)
        self.assertFalse(self.count_a.line_ids, "confirmed: no difference to investigate")
        self.assertEqual(self.count_b.state, "sent", "the other customer's count is untouched")

    def test_dispute_line_by_line_over_the_portal_form(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open(f"/my/property/counts/{self.count_a.id}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            f"/my/property/counts/{self.count_a.id}/answer",
            data={
                "csrf_token": token,
                "answer": "dispute",
                "dispute_1": "on",
                "qty_1": "118",
                "remark_1": "Two frames returned on our delivery note 77",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.count_a.state, "disputed")
        line = self.count_a.line_ids
        self.assertEqual((line.sequence, line.product_id), (1, self.product))
        self.assertEqual(line.qty_customer, 118)
        self.assertEqual(line.qty_difference, -2)

    def test_customers_see_only_their_own(self):
        Property = self.env["qms.property"].with_user(self.user_a)
        self.assertEqual(Property.search([]), self.items[0])
        Count = self.env["qms.property.count"].with_user(self.user_a)
        self.assertEqual(Count.search([]), self.count_a)
        with self.assertRaises(AccessError):
            Count.browse(self.count_b.id).read(["name"])
        with self.assertRaises(AccessError):
            Property.browse(self.items[0].id).read(["note"])  # internal field
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open("/my/property")
        self.assertIn("Portal copper frames", page.text)
        self.assertIn(self.count_a.name, page.text)
        self.assertNotIn(self.count_b.name, page.text)
        other = self.url_open(f"/my/property/counts/{self.count_b.id}")
        self.assertEqual(other.status_code, 404, "another customer's count is not found")
        other_item = self.url_open(f"/my/property/{self.items[1].id}")
        self.assertEqual(other_item.status_code, 404)
