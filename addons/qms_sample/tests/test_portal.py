from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

from .common import make_inspection_test, pass_inspection


@tagged("post_install", "-at_install")
class TestSamplePortal(HttpCase):
    """Customers follow and decide on their samples on /my/samples, and only theirs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create({"name": "Portal Sample A", "is_company": True})
        cls.contact_a = Partner.create(
            {"name": "Ann Buyer", "parent_id": cls.customer_a.id, "email": "ann@a.example.com"}
        )
        cls.customer_b = Partner.create({"name": "Portal Sample B", "is_company": True})
        cls.contact_b = Partner.create(
            {"name": "Ben Buyer", "parent_id": cls.customer_b.id, "email": "ben@b.example.com"}
        )
        cls.user_a = new_test_user(
            cls.env,
            login="qms_sample_portal_a",
            name="Ann Buyer",
            groups="base.group_portal",
            partner_id=cls.contact_a.id,
        )
        cls.user_b = new_test_user(
            cls.env,
            login="qms_sample_portal_b",
            name="Ben Buyer",
            groups="base.group_portal",
            partner_id=cls.contact_b.id,
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Portal front cover", "is_storable": True}
        )
        kind = cls.env.ref("qms_sample.sample_kind_customer")
        kind.test_id = make_inspection_test(cls.env, "Portal colour check")
        cls.sample = cls.env["qms.sample"].create(
            {
                "title": "Colour board portal",
                "kind_id": kind.id,
                "partner_id": cls.customer_a.id,
                "product_id": cls.product.id,
                "quantity": 1,
                "user_id": cls.env.user.id,
                "internal_note": "Margin is thin on this one",
            }
        )
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"]._update_available_quantity(cls.product, stock, 1)
        cls.sample.action_start()
        cls.sample.action_start_inspection()
        pass_inspection(cls.sample)
        cls.sample.action_approve()
        cls.sample.action_ship()
        cls.sample.picking_id.move_ids.quantity = 1
        cls.sample.picking_id.button_validate()

    def test_portal_tour_approves_a_sample(self):
        self.assertEqual(self.sample.state, "shipped")
        self.start_tour("/my", "qms_sample_portal_tour", login=self.user_a.login)
        self.assertEqual(self.sample.state, "accepted")
        self.assertEqual(self.sample.decision_channel, "portal")
        self.assertEqual(self.sample.customer_comment, "Colour matches our master, approved.")
        self.assertEqual(self.sample.customer_signed_by, "Ann Buyer")
        self.assertEqual(len(self.sample.copy_ids), 2, "original and duplicate kept")

    def test_reject_needs_a_comment_and_the_sheet_downloads(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        page = self.url_open(f"/my/samples/{self.sample.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Colour board portal", page.text)
        self.assertNotIn("Margin is thin", page.text, "internal notes stay internal")
        response = self.url_open(
            f"/my/samples/{self.sample.id}/decision",
            data={"decision": "reject", "comment": "", "csrf_token": self._csrf()},
        )
        self.assertIn("reason for rejecting", response.text)
        self.assertEqual(self.sample.state, "shipped")
        self.url_open(
            f"/my/samples/{self.sample.id}/decision",
            data={"decision": "reject", "comment": "Too glossy", "csrf_token": self._csrf()},
        )
        self.assertEqual(self.sample.state, "rejected")
        self.assertEqual(self.sample.rejection_reason, "Too glossy")
        sheet = self.url_open(f"/my/samples/{self.sample.id}?report_type=pdf&download=true")
        self.assertEqual(sheet.status_code, 200)
        self.assertEqual(sheet.headers["Content-Type"], "application/pdf")

    def _csrf(self):
        import re  # noqa: PLC0415

        page = self.url_open(f"/my/samples/{self.sample.id}")
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        return match.group(1) if match else ""

    def test_a_foreign_customer_gets_nothing(self):
        self.authenticate(self.user_b.login, self.user_b.login)
        listing = self.url_open("/my/samples")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn("Colour board portal", listing.text)
        self.assertNotIn(self.sample.name, listing.text)
        self.assertEqual(self.url_open(f"/my/samples/{self.sample.id}").status_code, 404)
        pdf = self.url_open(f"/my/samples/{self.sample.id}?report_type=pdf")
        self.assertEqual(pdf.status_code, 404)
        decision = self.url_open(
            f"/my/samples/{self.sample.id}/decision",
            data={"decision": "approve", "csrf_token": self._csrf_for_b()},
        )
        self.assertEqual(decision.status_code, 404)
        self.assertEqual(self.sample.state, "shipped")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["sample_count"]})
        self.assertEqual(counters["sample_count"], 0)
        # Over RPC: nothing found, nothing readable.
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, self.user_b.login, self.user_b.login, {})
        found = self.xmlrpc_object.execute(db, uid, self.user_b.login, "qms.sample", "search", [])
        self.assertEqual(found, [])
        with self.assertRaises(Fault) as caught:
            self.xmlrpc_object.execute(
                db, uid, self.user_b.login, "qms.sample", "read", [self.sample.id], ["title"]
            )
        self.assertIn("doesn't have 'read' access", caught.exception.faultString)
        # Even the customer's own user cannot read internal fields.
        uid_a = self.xmlrpc_common.authenticate(db, self.user_a.login, self.user_a.login, {})
        with self.assertRaises(Fault) as caught:
            self.xmlrpc_object.execute(
                db,
                uid_a,
                self.user_a.login,
                "qms.sample",
                "read",
                [self.sample.id],
                ["internal_note"],
            )
        self.assertIn("internal_note", caught.exception.faultString)
        with self.assertRaises(Fault):
            self.xmlrpc_object.execute(
                db,
                uid_a,
                self.user_a.login,
                "qms.sample",
                "write",
                [self.sample.id],
                {"title": "Changed"},
            )

    def _csrf_for_b(self):
        import re  # noqa: PLC0415

        page = self.url_open("/my/samples")
        match = re.search(r'csrf_token["\']?\s*[:=]\s*["\']([^"\']+)', page.text)
        return match.group(1) if match else ""
