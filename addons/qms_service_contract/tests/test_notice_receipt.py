import base64
from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestNoticeReceipt(HttpCase, ContractCase):
    """客户服务告知书: the customer confirms on the portal that it received the
    notice letter (who and when recorded, the deadline closed); quality still
    records a receipt given by phone or on paper; another customer cannot."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = new_test_user(
            cls.env, login="qms_sc_notice_a", groups="base.group_portal", partner_id=cls.contact.id
        )
        other_contact = cls.env["res.partner"].create(
            {"name": "Huashan IT", "parent_id": cls.other_customer.id, "email": "it@hs.example.com"}
        )
        cls.portal_b = new_test_user(
            cls.env,
            login="qms_sc_notice_b",
            groups="base.group_portal",
            partner_id=other_contact.id,
        )
        cls.contract = cls._contract()
        cls.handover = cls.env["qms.service.handover"].create(
            {
                "contract_id": cls.contract.id,
                "date_acceptance": fields.Date.today() - timedelta(days=2),
                "user_id": cls.owner_user.id,
                "attachment_ids": [
                    (0, 0, {"name": "papers.txt", "datas": base64.b64encode(b"papers")})
                ],
            }
        )
        cls.handover.action_submit()
        cls.handover.action_accept()

    def _receipt_deadline(self):
        return self.handover.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "notice_receipt")

    def _confirm_url(self):
        return f"{self.contract.access_url}/confirm-notice"

    def test_customer_confirms_receipt_on_the_portal(self):
        self.assertEqual(self.contract.state, "active")
        self.assertTrue(self.handover.date_notice_sent)
        self.assertEqual(self._receipt_deadline().state, "open")
        self.start_tour("/my", "qms_service_contract_notice_tour", login=self.portal_a.login)
        self.handover.invalidate_recordset()
        self.assertTrue(self.handover.date_notice_received)
        self.assertEqual(self.handover.notice_receipt_channel, "portal")
        self.assertEqual(self.handover.notice_receipt_partner_id, self.contact)
        self.assertEqual(self.handover.notice_receipt_user_id, self.portal_a)
        self.assertEqual(self._receipt_deadline().state, "done")
        for record in (self.handover, self.contract):
            posted = record.message_ids.filtered(lambda m: "notice letter confirmed" in m.body)
            self.assertEqual(posted.author_id, self.contact)
            self.assertIn(self.contact.name, posted.body)

    def test_another_customer_gets_not_found(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        page = self.url_open(
            self._confirm_url(),
            data={"csrf_token": http.Request.csrf_token(self)},
            allow_redirects=False,
        )
        self.assertEqual(page.status_code, 404)
        self.assertFalse(self.handover.date_notice_received)
        self.assertEqual(self._receipt_deadline().state, "open")

    def test_post_needs_the_csrf_token(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(self._confirm_url(), data={"x": "1"}, allow_redirects=False)
        self.assertEqual(page.status_code, 400)
        self.assertFalse(self.handover.date_notice_received)
        page = self.url_open(
            self._confirm_url(),
            data={"csrf_token": http.Request.csrf_token(self)},
            allow_redirects=False,
        )
        self.assertEqual(page.status_code, 303)
        self.handover.invalidate_recordset()
        self.assertEqual(self.handover.notice_receipt_channel, "portal")
        page = self.url_open(self.contract.access_url)
        self.assertIn("Receipt confirmed on", page.text)
        self.assertNotIn("o_qms_confirm_notice", page.text)

    def test_receipt_by_paper_is_recorded_in_the_backend(self):
        handover = self.handover.with_user(self.owner_user)
        result = handover.with_context(qms_notice_channel="paper").action_confirm_notice_receipt()
        self.assertIs(result, True)
        self.assertEqual(self.handover.notice_receipt_channel, "paper")
        self.assertEqual(self.handover.notice_receipt_user_id, self.owner_user)
        self.assertEqual(self.handover.notice_receipt_partner_id, self.contact)
        self.assertEqual(self._receipt_deadline().state, "done")
        # the portal shows it confirmed, without the button
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(self.contract.access_url)
        self.assertIn("Receipt confirmed on", page.text)
        self.assertNotIn("o_qms_confirm_notice", page.text)

    def test_phone_is_the_default_and_portal_cannot_be_forged(self):
        handover = self.handover.with_context(qms_notice_channel="portal")
        handover.action_confirm_notice_receipt()
        self.assertEqual(self.handover.notice_receipt_channel, "phone")
