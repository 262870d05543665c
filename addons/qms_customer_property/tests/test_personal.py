from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import PropertyCase


class TestPersonalData(PropertyCase):
    """Customers' personal information: a restricted group, every read logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.privacy_officer = new_test_user(
            cls.env,
            login="qms_privacy",
            name="Privacy Officer",
            groups="qms_customer_property.group_qms_property_personal",
        )
        cls.record = (
            cls.env["qms.property.personal"]
            .with_context(qms_personal_no_log=True)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "person_name": "Wang Fang",
                    "phone": "13800138000",
                    "id_number": "320102199001011234",
                    "purpose": "Delivery of service parts to the end user",
                }
            )
        )
        cls.Log = cls.env["qms.property.access.log"]

    def _logs(self, user):
        return self.Log.search([("user_id", "=", user.id), ("record_id", "=", self.record.id)])

    def test_every_way_of_reading_is_logged(self):
        # each request starts with an empty cache: the first read goes to the database
        self.env.invalidate_all()
        Personal = self.env["qms.property.personal"].with_user(self.privacy_officer)
        record = Personal.browse(self.record.id)
        self.assertEqual(record.read(["person_name", "phone"])[0]["phone"], "13800138000")
        log = self._logs(self.privacy_officer)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.field_names, "person_name,phone")
        self.assertTrue(log.date)

        self.env.invalidate_all()
        Personal.search_read([("id", "=", self.record.id)], ["id_number"])
        self.env.invalidate_all()
        Personal.browse(self.record.id).web_read({"person_name": {}, "address": {}})
        self.env.invalidate_all()
        self.assertEqual(Personal.browse(self.record.id).id_number, "320102199001011234")
        self.assertEqual(
            len(self._logs(self.privacy_officer)), 4, "read, search_read, web_read, code"
        )

    def test_reads_of_other_fields_are_not_logged(self):
        self.env.invalidate_all()
        Personal = self.env["qms.property.personal"].with_user(self.privacy_officer)
        Personal.browse(self.record.id).read(["purpose", "date_retention"])
        self.assertFalse(self._logs(self.privacy_officer))

    def test_refused_outside_the_group(self):
        Personal = self.env["qms.property.personal"].with_user(self.owner_user)
        with self.assertRaises(AccessError):
            Personal.browse(self.record.id).read(["phone"])
        with self.assertRaises(AccessError):
            Personal.search([])
        self.assertFalse(self._logs(self.owner_user), "nothing was read")

    def test_the_log_cannot_be_changed_or_deleted(self):
        self.env.invalidate_all()
        self.env["qms.property.personal"].with_user(self.privacy_officer).browse(
            self.record.id
        ).read(["phone"])
        log = self._logs(self.privacy_officer)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            log.write({"field_names": "nothing"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            log.unlink()
