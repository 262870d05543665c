from odoo.tests import new_test_user

from odoo.addons.qms_base.tests.common import QmsCase, cst  # noqa: F401 (re-exported)


class ServiceCase(QmsCase):
    """Two customers, a serial-tracked machine, a qualified engineer (the QMS
    case's user, whose manager is the quality head) and an unqualified one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["qms.service.request"]
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Shenzhen Display Co.",
                "is_company": True,
                "lang": "en_US",
                "email": "it@szdisplay.example.com",
            }
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {
                "name": "Wang Fang",
                "parent_id": cls.customer.id,
                "email": "wang@szdisplay.example.com",
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Suzhou Motors", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Coating line controller", "is_storable": True, "tracking": "serial"}
        )
        cls.serial = cls.env["stock.lot"].create(
            {"name": "CTL-2026-0042", "product_id": cls.product.id}
        )
        cls.engineer = cls.owner_user
        cls.env["qms.service.qualification"].create(
            {"user_id": cls.engineer.id, "method": "record", "date_passed": "2026-01-05"}
        )
        cls.novice = new_test_user(
            cls.env, login="qms_novice", name="New Engineer", groups="qms_base.group_qms_user"
        )
        cls.standard = cls.env.ref("qms_service.service_level_standard")

    def _request(self, **values):
        return self.Request.create(
            {
                "title": "Controller stops after an hour",
                "partner_id": self.customer.id,
                "contact_id": self.customer_contact.id,
                "product_id": self.product.id,
                "lot_id": self.serial.id,
                "problem": "<p>The line stops; error E42.</p>",
                **values,
            }
        )

    def _visit(self, request, start, end, result="ongoing", onsite=True):
        """A submitted visit report of the engineer (it writes the work records)."""
        visit = self.env["qms.service.visit"].create(
            {
                "request_id": request.id,
                "user_id": self.engineer.id,
                "date_start": start,
                "date_end": end,
                "is_onsite": onsite,
                "description": "<p>Replaced the encoder board.</p>",
                "result": result,
            }
        )
        visit.action_submit()
        return visit

    def _deadline(self, request, code):
        return self.env["qms.deadline"].search(
            [
                ("res_model", "=", request._name),
                ("res_id", "=", request.id),
                ("kind_id.code", "=", code),
            ],
            order="id desc",
            limit=1,
        )
