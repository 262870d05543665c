from datetime import date

from odoo.tests import new_test_user

from odoo.addons.qms_base.tests.common import QmsCase, cst  # noqa: F401 (re-exported)


class ContractCase(QmsCase):
    """Two customers with contacts, serial-tracked equipment, the people of
    the seeds: engineer, salesperson, customer manager, regional manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.engineer = new_test_user(
            env, login="qms_sc_engineer", name="Service Engineer", groups="qms_base.group_qms_user"
        )
        cls.salesperson = new_test_user(
            env,
            login="qms_sc_sales",
            name="Sales Rep",
            email="sales.rep@example.com",
            groups="qms_base.group_qms_user",
        )
        cls.customer_manager = new_test_user(
            env,
            login="qms_sc_cm",
            name="Customer Manager",
            email="cm@example.com",
            groups="qms_base.group_qms_user",
        )
        cls.regional_manager = new_test_user(
            env, login="qms_sc_rm", name="Regional Manager", groups="qms_base.group_qms_user"
        )
        Partner = env["res.partner"]
        cls.customer = Partner.create(
            {"name": "Ruijin Hospital", "is_company": True, "lang": "en_US"}
        )
        cls.contact = Partner.create(
            {
                "name": "Head of IT",
                "parent_id": cls.customer.id,
                "email": "it@ruijin.example.com",
                "lang": "en_US",
            }
        )
        cls.other_customer = Partner.create({"name": "Huashan Hospital", "is_company": True})
        cls.product = env["product.product"].create(
            {"name": "Imaging workstation", "is_storable": True, "tracking": "serial"}
        )
        cls.software = env["product.product"].create({"name": "HIS software", "type": "service"})
        cls.lot_a, cls.lot_b = env["stock.lot"].create(
            [
                {"name": "WS-0001", "product_id": cls.product.id},
                {"name": "WS-0002", "product_id": cls.product.id},
            ]
        )
        cls.level_gold = env["qms.service.level"].create({"name": "Gold", "code": "gold_test"})

    @classmethod
    def _contract(cls, customer=None, contact=None, **values):
        customer = customer or cls.customer
        if contact is None:
            contact = cls.contact if customer == cls.customer else cls.env["res.partner"]
        return cls.env["qms.service.contract"].create(
            {
                "partner_id": customer.id,
                "contact_id": contact.id,
                "project_name": "HIS phase 1",
                "user_id": cls.owner_user.id,
                "engineer_id": cls.engineer.id,
                "salesperson_id": cls.salesperson.id,
                "customer_manager_id": cls.customer_manager.id,
                "level_id": cls.level_gold.id,
                "line_ids": [
                    (0, 0, {"product_id": cls.product.id, "lot_id": cls.lot_a.id}),
                    (0, 0, {"product_id": cls.software.id}),
                ],
                **values,
            }
        )

    @classmethod
    def _active_contract(cls, acceptance=date(2026, 3, 2), **values):
        contract = cls._contract(date_acceptance=acceptance, **values)
        contract.action_activate()
        return contract
