from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestServiceMultiCompany(ServiceCase):
    """Each company sees its own requests and applies its own settings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "QMS Service B Co"})
        cls.user_b = new_test_user(
            cls.env,
            login="qms_srv_company_b",
            groups="qms_base.group_qms_user",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )

    def test_requests_are_isolated_per_company(self):
        request_a = self._request()
        request_b = self.Request.with_company(self.company_b).create(
            {"title": "B request", "partner_id": self.other_customer.id, "problem": "x"}
        )
        self.assertEqual(request_b.company_id, self.company_b)
        self.assertTrue(request_b.qms_deadline_ids)
        self.assertEqual(request_b.qms_deadline_ids.company_id, self.company_b)
        visible = self.Request.with_user(self.user_b).search([])
        self.assertIn(request_b, visible)
        self.assertNotIn(request_a, visible)

    def test_qualification_counts_in_its_company(self):
        """The engineer is qualified in company A, not in B."""
        with self.assertRaisesRegex(ValidationError, "training exam"):
            self.Request.with_company(self.company_b).create(
                {
                    "title": "B request",
                    "partner_id": self.other_customer.id,
                    "problem": "x",
                    "user_id": self.engineer.id,
                    "company_id": self.company_b.id,
                }
            )
        self.company_b.qms_service_require_qualification = False
        request = self.Request.with_company(self.company_b).create(
            {
                "title": "B request",
                "partner_id": self.other_customer.id,
                "problem": "x",
                "user_id": self.engineer.id,
                "company_id": self.company_b.id,
            }
        )
        self.assertEqual(request.user_id, self.engineer)

    def test_closure_cycle_is_the_company_setting(self):
        self.company_b.qms_service_closure_months = 4
        request_b = self.Request.with_company(self.company_b).create(
            {"title": "B request", "partner_id": self.other_customer.id, "problem": "x"}
        )
        closure = self._deadline(request_b, "closure")
        self.assertEqual((closure.due - request_b.date_received).days // 30, 4)
