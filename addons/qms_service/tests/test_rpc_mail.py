from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ServiceCase

RAW_EMAIL = """Return-Path: <{email}>
From: Wang Fang <{email}>
To: service@{domain}
Subject: Coating line controller shows E42
Message-ID: <service-e42@example.cn>
Date: Mon, 02 Mar 2026 09:12:00 +0800
Content-Type: text/plain; charset="utf-8"

The line stops every hour with E42. Please send an engineer.
"""


@tagged("post_install", "-at_install")
class TestServiceRpc(HttpCase, ServiceCase):
    """Other systems create requests over a real XML-RPC socket: bad input
    gets a clear error over the wire and leaves no record behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_user = new_test_user(
            cls.env,
            login="qms_srv_rpc",
            password="qms_srv_rpc_2026",
            groups="qms_base.group_qms_user",
        )

    def _call(self, method, *args):
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, "qms_srv_rpc", "qms_srv_rpc_2026", {})
        return self.xmlrpc_object.execute(
            db, uid, "qms_srv_rpc_2026", "qms.service.request", method, *args
        )

    def _base(self, **values):
        return {
            "title": "RPC request",
            "partner_id": self.customer.id,
            "product_id": self.product.id,
            "problem": "E42",
            "channel": "api",
            **values,
        }

    def test_create_accept_and_read_back(self):
        (request_id,) = self._call("create", [self._base(user_id=self.engineer.id)])
        request = self.Request.browse(request_id)
        self.assertTrue(request.name.startswith("SR"))
        self.assertTrue(request.qms_deadline_ids, "the same SLA as any other path")
        self.assertTrue(self._call("action_accept", [request_id]))
        (read,) = self._call("read", [request_id], ["state", "expected_resolution"])
        self.assertEqual(read["state"], "accepted")
        self.assertTrue(read["expected_resolution"])

    def test_bad_input_is_refused_and_leaves_nothing(self):
        other = self.env["product.product"].create({"name": "Power board"})
        other_serial = self.env["stock.lot"].create({"name": "PB-9", "product_id": other.id})
        cases = {
            "A service request needs a customer": self._base(partner_id=False),
            "Product / equipment: no such record (got 999999999)": self._base(product_id=999999999),
            "belongs to Power board": self._base(lot_id=other_serial.id),
            "Urgency: not one of the possible values": self._base(urgency="yesterday"),
            "cannot be before the request was received": self._base(
                date_received="2026-03-02 08:00:00", date_required="2026-03-01 08:00:00"
            ),
            "has not passed the service training exam": self._base(user_id=self.novice.id),
            "only through its buttons": self._base(state="closed"),
        }
        for message, values in cases.items():
            with self.subTest(message), self.assertRaises(Fault) as caught:
                self._call("create", [values])
            self.assertIn(message, caught.exception.faultString)
        self.assertFalse(self.Request.search([("title", "=", "RPC request")]), "no partial record")

    def test_guarded_action_over_rpc(self):
        (request_id,) = self._call("create", [self._base()])
        with self.assertRaises(Fault) as caught:
            self._call("action_close", [request_id])
        self.assertIn("this action is not possible now", caught.exception.faultString)


@tagged("post_install", "-at_install")
class TestServiceMail(ServiceCase):
    def test_email_to_the_alias_creates_a_request(self):
        domain = self.env["mail.alias.domain"].create({"name": "service.example.com"})
        alias = self.env.ref("qms_service.mail_alias_service")
        alias.alias_domain_id = domain
        raw = RAW_EMAIL.format(email=self.customer_contact.email, domain=domain.name)
        request_id = self.env["mail.thread"].message_process(None, raw)
        request = self.Request.browse(request_id)
        self.assertEqual(request.partner_id, self.customer, "the sender's company")
        self.assertEqual(request.contact_id, self.customer_contact)
        self.assertEqual(request.channel, "email")
        self.assertEqual(request.title, "Coating line controller shows E42")
        self.assertTrue(request.name.startswith("SR"))
        self.assertIn("every hour", request.problem)
        self.assertTrue(self._deadline(request, "response"))
