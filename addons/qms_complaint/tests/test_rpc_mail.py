from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ComplaintCase

RAW_EMAIL = """Return-Path: <{email}>
From: Li Wei <{email}>
To: complaints@{domain}
Subject: Cracked lens on shipment 4471
Message-ID: <complaint-4471@example.cn>
Date: Mon, 02 Mar 2026 09:12:00 +0800
Content-Type: text/plain; charset="utf-8"

Twelve units arrived with cracked lenses. Please send your 8D.
"""


@tagged("post_install", "-at_install")
class TestComplaintRpc(HttpCase, ComplaintCase):
    """Other systems create complaints over XML-RPC: bad input gets a clear
    error over the wire and leaves no record behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_user = new_test_user(
            cls.env, login="qms_rpc", password="qms_rpc_pw_2026", groups="qms_base.group_qms_user"
        )

    def _create(self, values):
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, "qms_rpc", "qms_rpc_pw_2026", {})
        return self.xmlrpc_object.execute(
            self.env.cr.dbname, uid, "qms_rpc_pw_2026", "qms.complaint", "create", [values]
        )

    def _base(self, **values):
        return {
            "title": "RPC complaint",
            "partner_id": self.customer.id,
            "product_id": self.product.id,
            "qty_defective": 2,
            "qty_delivered": 100,
            "channel": "other",
            **values,
        }

    def test_create_and_read_back(self):
        (complaint_id,) = self._create(self._base())
        complaint = self.env["qms.complaint"].browse(complaint_id)
        self.assertTrue(complaint.name.startswith("CC"))
        self.assertTrue(complaint.qms_deadline_ids, "the same deadlines as any other path")

    def test_bad_input_is_refused_and_leaves_nothing(self):
        other_lot = self.env["stock.lot"].create(
            {"name": "PB-9", "product_id": self.plain_product.id}
        )
        cases = {
            "A complaint needs a customer": self._base(partner_id=False),
            "Quantities cannot be negative": self._base(qty_defective=-1),
            "exceeds the delivered quantity": self._base(qty_defective=101),
            "belongs to Power board": self._base(lot_id=other_lot.id),
            "Channel: not one of the possible values": self._base(channel="pigeon"),
        }
        for message, values in cases.items():
            with self.subTest(message), self.assertRaises(Fault) as caught:
                self._create(values)
            self.assertIn(message, caught.exception.faultString)
        self.assertFalse(
            self.env["qms.complaint"].search([("title", "=", "RPC complaint")]),
            "no partial record",
        )


class TestComplaintMail(ComplaintCase):
    def test_email_to_the_alias_creates_a_complaint(self):
        domain = self.env["mail.alias.domain"].create({"name": "quality.example.com"})
        alias = self.env.ref("qms_complaint.mail_alias_complaints")
        alias.alias_domain_id = domain
        contact = self.env["res.partner"].create(
            {"name": "Li Wei", "email": "li.wei@display.example.cn", "parent_id": self.customer.id}
        )
        raw = RAW_EMAIL.format(email=contact.email, domain=domain.name)
        complaint_id = self.env["mail.thread"].message_process(None, raw)
        complaint = self.env["qms.complaint"].browse(complaint_id)
        self.assertEqual(complaint.partner_id, self.customer, "the sender's company")
        self.assertEqual(complaint.contact_id, contact)
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.title, "Cracked lens on shipment 4471")
        self.assertTrue(complaint.name.startswith("CC"), "numbered, not named after the subject")
        self.assertIn("cracked lenses", complaint.description)
        self.assertTrue(complaint.qms_deadline_ids)
