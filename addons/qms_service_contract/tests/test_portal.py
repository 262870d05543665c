from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestContractPortal(HttpCase, ContractCase):
    """Customers see their own service contracts on /my/service-contracts,
    never another customer's, and none of the internal fields."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = new_test_user(
            cls.env, login="qms_sc_portal_a", groups="base.group_portal", partner_id=cls.contact.id
        )
        cls.other_contact = cls.env["res.partner"].create(
            {"name": "Huashan IT", "parent_id": cls.other_customer.id, "email": "it@hs.example.com"}
        )
        cls.portal_b = new_test_user(
            cls.env,
            login="qms_sc_portal_b",
            groups="base.group_portal",
            partner_id=cls.other_contact.id,
        )
        cls.contract_a = cls._active_contract()
        cls.contract_b = cls._active_contract(
            customer=cls.other_customer, project_name="Huashan PACS"
        )

    def test_portal_tour(self):
        self.start_tour("/my", "qms_service_contract_portal_tour", login=self.portal_a.login)

    def test_customer_sees_only_its_contracts(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open("/my/service-contracts")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.contract_a.name, page.text)
        self.assertNotIn("Huashan PACS", page.text)
        self.assertEqual(self.url_open(self.contract_a.access_url).status_code, 200)
        self.assertEqual(self.url_open(self.contract_b.access_url).status_code, 404)

    def test_other_customer_gets_not_found(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        self.assertEqual(self.url_open(self.contract_a.access_url).status_code, 404)
        page = self.url_open("/my/service-contracts")
        self.assertNotIn(self.contract_a.name, page.text)

    def test_anonymous_is_sent_to_login(self):
        page = self.url_open(self.contract_a.access_url, allow_redirects=False)
        self.assertEqual(page.status_code, 303)
        self.assertIn("/web/login", page.headers["Location"])

    def test_records_and_fields_refused_to_portal(self):
        Contract = self.env["qms.service.contract"].with_user(self.portal_a)
        self.assertEqual(Contract.search([]), self.contract_a)
        with self.assertRaises(AccessError):
            self.contract_b.with_user(self.portal_a).read(["name"])
        with self.assertRaises(AccessError):
            self.contract_a.with_user(self.portal_a).read(["salesperson_id"])
        with self.assertRaises(AccessError):
            self.contract_a.with_user(self.portal_a).write({"project_name": "Mine"})

    @freeze_time("2026-06-01 02:00:00")
    def test_internal_users_of_one_company_only(self):
        other_company = self.env["res.company"].create({"name": "Other plant"})
        outsider = new_test_user(
            self.env,
            login="qms_sc_outsider",
            groups="qms_base.group_qms_user",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        contracts = self.env["qms.service.contract"].with_user(outsider).search([])
        self.assertFalse(contracts & (self.contract_a | self.contract_b))
