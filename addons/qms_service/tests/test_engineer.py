from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestServiceEngineer(ServiceCase):
    def test_unqualified_engineer_cannot_be_assigned(self):
        with self.assertRaisesRegex(ValidationError, "has not passed the service training exam"):
            self._request(user_id=self.novice.id)
        request = self._request()
        with self.assertRaisesRegex(ValidationError, "New Engineer"):
            request.user_id = self.novice
        # once the exam is passed (here a skill record) the assignment goes through
        self.env["qms.service.qualification"].create(
            {"user_id": self.novice.id, "method": "record", "score": 85}
        )
        request.user_id = self.novice
        self.assertEqual(request.user_id, self.novice)

    def test_expired_qualification_is_refused(self):
        self.env["qms.service.qualification"].create(
            {"user_id": self.novice.id, "date_passed": "2024-01-01", "date_expiry": "2025-01-01"}
        )
        with self.assertRaises(ValidationError):
            self._request(user_id=self.novice.id)

    def test_the_setting_lifts_the_rule(self):
        self.env.company.qms_service_require_qualification = False
        request = self._request(user_id=self.novice.id)
        self.assertEqual(request.user_id, self.novice)
