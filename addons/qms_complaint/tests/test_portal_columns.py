from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintPortalColumns(HttpCase):
    """/my/complaints keeps every column of every row, on a desktop and on a phone,
    for a complaint with no customer reference and no product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        customer = cls.env["res.partner"].create({"name": "Columns Customer", "is_company": True})
        contact = cls.env["res.partner"].create(
            {"name": "Carla Columns", "parent_id": customer.id, "email": "carla@columns.example"}
        )
        cls.user = new_test_user(
            cls.env, login="qms_portal_columns", groups="base.group_portal", partner_id=contact.id
        )
        cls.complaint = cls.env["qms.complaint"].create(
            {"title": "Bare complaint without reference", "partner_id": customer.id}
        )

    def test_every_cell_on_a_desktop(self):
        self.assertFalse(self.complaint.customer_ref or self.complaint.product_id)
        self.start_tour(
            "/my/complaints", "qms_complaint_portal_columns_tour", login=self.user.login
        )

    def test_readable_on_a_390_px_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/my/complaints", "qms_complaint_portal_phone_tour", login=self.user.login)
