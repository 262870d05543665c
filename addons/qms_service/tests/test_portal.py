import re

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestServicePortal(HttpCase):
    """Customers ask for service on /my/service-requests, follow it, confirm
    the resolution, and see only their own company's requests."""

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
            {"name": "Bob Buyer", "parent_id": cls.customer_b.id, "email": "bob@b.example.com"}
        )
        cls.user_a = new_test_user(
            cls.env,
            login="qms_srv_portal_a",
            groups="base.group_portal",
            partner_id=cls.contact_a.id,
        )
        cls.user_b = new_test_user(
            cls.env,
            login="qms_srv_portal_b",
            groups="base.group_portal",
            partner_id=cls.contact_b.id,
        )
        cls.engineer = new_test_user(
            cls.env, login="qms_srv_engineer", name="Li Wei", groups="qms_base.group_qms_user"
        )
        cls.env["qms.service.qualification"].create({"user_id": cls.engineer.id})
        cls.product = cls.env["product.product"].create(
            {"name": "QMS Portal Controller", "is_storable": True, "tracking": "serial"}
        )
        cls.serial = cls.env["stock.lot"].create(
            {"name": "SN-PORTAL-1", "product_id": cls.product.id}
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.contact_a.id,
                "order_line": [(0, 0, {"product_id": cls.product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()

    def _requests_a(self):
        return self.env["qms.service.request"].search(
            [("commercial_partner_id", "=", self.customer_a.id)]
        )

    def _request_a(self):
        return self.env["qms.service.request"].create(
            {
                "title": "Oven alarm",
                "partner_id": self.customer_a.id,
                "contact_id": self.contact_a.id,
                "problem": "<p>Alarm 17 at start-up</p>",
                "user_id": self.engineer.id,
            }
        )

    def _counter(self):
        result = self.make_jsonrpc_request("/my/counters", {"counters": ["service_request_count"]})
        return result["service_request_count"]

    def _csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_portal_tour_submits_a_request(self):
        self.start_tour("/my", "qms_service_portal_tour", login=self.user_a.login)
        request = self._requests_a()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.channel, "portal")
        self.assertEqual(request.contact_id, self.contact_a)
        self.assertEqual(request.title, "Coating line stops every hour")
        self.assertEqual(request.product_id, self.product)
        self.assertEqual(request.lot_id, self.serial)
        self.assertEqual(request.project_name, "Line 3 retrofit")
        self.assertEqual(request.urgency, "high")
        self.assertIn("E42", request.problem)
        self.assertEqual(request.state, "new")
        self.assertTrue(request.name.startswith("SR"))
        self.assertTrue(request.expected_resolution, "the intake opened the SLA")
        self.assertEqual(request.attachment_ids.mapped("name"), ["qms_service_error_log.txt"])

    def test_customer_follows_and_accepts_the_resolution(self):
        request = self._request_a()
        request.action_accept()
        request.action_resolve()
        self.authenticate(self.user_a.login, self.user_a.login)
        self.assertEqual(self._counter(), 1)
        detail = self.url_open(f"/my/service-requests/{request.id}")
        self.assertIn("Is the problem solved?", detail.text)
        self.assertIn("Li Wei", detail.text)
        token = self._csrf(f"/my/service-requests/{request.id}")
        answer = self.url_open(
            f"/my/service-requests/{request.id}/answer",
            data={"csrf_token": token, "answer": "accept", "feedback": "Works again"},
        )
        self.assertEqual(answer.status_code, 200)
        self.assertEqual(request.state, "closed")
        self.assertTrue(request.date_customer_accepted)
        self.assertEqual(request.customer_feedback, "Works again")

    def test_customer_says_not_solved(self):
        request = self._request_a()
        request.action_accept()
        request.action_resolve()
        self.authenticate(self.user_a.login, self.user_a.login)
        token = self._csrf(f"/my/service-requests/{request.id}")
        self.url_open(
            f"/my/service-requests/{request.id}/answer",
            data={"csrf_token": token, "answer": "reject", "feedback": "Alarm is back"},
        )
        self.assertEqual(request.state, "in_progress")
        self.assertEqual(request.reopen_count, 1)

    def test_other_customer_sees_nothing(self):
        request = self._request_a()
        request.action_accept()
        request.action_resolve()
        self.authenticate(self.user_b.login, self.user_b.login)
        self.assertEqual(self._counter(), 0)
        listing = self.url_open("/my/service-requests")
        self.assertIn("There are no service requests yet.", listing.text)
        self.assertNotIn(request.name, listing.text)
        detail = self.url_open(f"/my/service-requests/{request.id}", allow_redirects=False)
        self.assertEqual(detail.status_code, 404)
        token = self._csrf("/my/service-requests/new")
        answer = self.url_open(
            f"/my/service-requests/{request.id}/answer",
            data={"csrf_token": token, "answer": "accept"},
            allow_redirects=False,
        )
        self.assertEqual(answer.status_code, 404)
        self.assertEqual(request.state, "resolved", "B cannot close A's request")
        # nor through RPC with its own rights
        Request = self.env["qms.service.request"].with_user(self.user_b)
        self.assertFalse(Request.search([("id", "=", request.id)]))

    def test_bad_portal_input_keeps_the_form(self):
        self.authenticate(self.user_a.login, self.user_a.login)
        token = self._csrf("/my/service-requests/new")
        page = self.url_open(
            "/my/service-requests/new",
            data={
                "csrf_token": token,
                "title": "Bad serial",
                "problem": "x",
                "product_id": str(self.product.id),
                "lot_name": "NOPE-1",
            },
        )
        self.assertIn("is not a serial number of", page.text)
        page = self.url_open(
            "/my/service-requests/new",
            data={
                "csrf_token": token,
                "title": "Bad date",
                "problem": "x",
                "date_required": "31/31",
            },
        )
        self.assertIn("is not a date", page.text)
        self.assertFalse(self._requests_a())
