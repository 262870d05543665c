from odoo.tests import new_test_user

from odoo.addons.qms_complaint.tests.common import ComplaintCase, cst  # noqa: F401


class DeskCase(ComplaintCase):
    """A hotline agent (QMS user), a customer-data keeper (confidential group),
    a customer with a Chinese mobile number and a foreign one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.cn")
        cls.agent = new_test_user(
            cls.env, login="qms_desk_agent", name="Hotline Agent", groups="qms_base.group_qms_user"
        )
        cls.keeper = new_test_user(
            cls.env,
            login="qms_desk_keeper",
            name="Customer Data Keeper",
            groups="qms_customer_desk.group_qms_desk_confidential",
        )
        cls.customer.write({"mobile": "+86 139 0000 1111", "country_id": cls.env.ref("base.cn").id})
        cls.foreign_customer = cls.env["res.partner"].create(
            {
                "name": "Munich Kitchens GmbH",
                "is_company": True,
                "country_id": cls.env.ref("base.de").id,
                "phone": "+49 89 1234567",
            }
        )

    def _call(self, number, **values):
        return (
            self.env["qms.desk.call"]
            .with_user(self.agent)
            .create({"caller_number": number, **values})
        )
