from odoo.tests import Form

from .common import DeskCase


class TestPhoneCheck(DeskCase):
    """SPEC §0: mainland mobile numbers are 11 digits starting with 1 — warned, never blocked."""

    def test_ten_digit_mainland_number_warns(self):
        call = self._call("1390000111")
        self.assertIn("11 digits", call.phone_warning)
        self.assertIn("has 10", call.phone_warning)
        self.assertTrue(call.exists(), "warned, not blocked")
        partner = self.env["res.partner"].create(
            {"name": "Chen Jie", "country_id": self.env.ref("base.cn").id, "mobile": "139 0000 111"}
        )
        self.assertIn("11 digits", partner.qms_phone_warning)
        result = partner._onchange_qms_phone_warning()
        self.assertIn("11 digits", result["warning"]["message"])

    def test_foreign_number_stays_silent(self):
        self.assertFalse(self.foreign_customer.qms_phone_warning)
        german_mobile = self.env["res.partner"].create(
            {"name": "Anna", "country_id": self.env.ref("base.de").id, "mobile": "1512345678"}
        )
        self.assertFalse(german_mobile.qms_phone_warning, "a 10-digit number elsewhere is fine")
        self.assertFalse(self._call("+49 89 1234567").phone_warning)

    def test_valid_and_non_mobile_numbers_are_silent(self):
        for number in ("13900001111", "+86 139-0000-1111", "0755-2222 3333", "400-820-8820"):
            with self.subTest(number):
                self.assertFalse(self._call(number).phone_warning)

    def test_partner_form_shows_the_warning(self):
        with Form(self.env["res.partner"]) as form:
            form.name = "Zhao Lei"
            form.country_id = self.env.ref("base.cn")
            form.mobile = "1390000111"
            self.assertIn("11 digits", form.qms_phone_warning)
            form.mobile = "13900001112"
            self.assertFalse(form.qms_phone_warning)
