from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.qms_service.tests.common import ServiceCase


@tagged("post_install", "-at_install")
class TestServiceRepair(ServiceCase):
    def test_request_becomes_a_repair_order(self):
        request = self._request(user_id=self.engineer.id)
        with self.assertRaises(UserError):
            request.action_create_repair()
        request.action_accept()
        action = request.action_create_repair()
        repair = request.repair_ids
        self.assertEqual(action["res_id"], repair.id)
        self.assertEqual(repair.partner_id, self.customer)
        self.assertEqual(repair.product_id, self.product)
        self.assertEqual(repair.lot_id, self.serial)
        self.assertTrue(repair.under_warranty)
        self.assertEqual(repair.qms_service_request_id, request)
        self.assertEqual(request.state, "in_progress")
        self.assertEqual(request.repair_count, 1)
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        self.assertIn(self.engineer, request.activity_ids.user_id)
