from odoo.exceptions import AccessError, ValidationError

from .common import DeskCase


class TestCustomerRecords(DeskCase):
    """000 客户资料收集, 004 客户服务管理程序 5.1–5.2, 003 重要客户档案."""

    def _record(self, **values):
        return (
            self.env["qms.desk.customer"]
            .with_user(self.keeper)
            .create({"name": "Shenzhen Display purchasing", **values})
        )

    def test_confidential_group_refuses_others(self):
        record = self._record(mobile="13900002222", birthday="1980-03-04")
        # a QMS user outside the group can neither read, search nor create records
        Customer = self.env["qms.desk.customer"].with_user(self.agent)
        with self.assertRaises(AccessError):
            Customer.browse(record.id).read(["name", "birthday"])
        with self.assertRaises(AccessError):
            Customer.search([])
        with self.assertRaises(AccessError):
            Customer.create({"name": "Sneaky"})
        # the hotline agent's call still finds the customer, without the record
        call = self._call("13900002222")
        self.assertNotIn("desk_customer_id", call.with_user(self.agent).read()[0])
        self.assertEqual(call.with_user(self.keeper).desk_customer_id, record)
        # the keeper reads it
        self.assertEqual(record.with_user(self.keeper).read(["birthday"])[0]["birthday"].year, 1980)

    def test_purchase_history_tendency_and_key_customer_file(self):
        table = self.env["product.product"].create(
            {"name": "Oak table 1.6 m", "is_storable": True, "default_code": "OT-160"}
        )
        self._deliver(table, 40)
        self._deliver(self.plain_product, 10)
        record = self._record(
            partner_id=self.customer.id,
            class_id=self.env.ref("qms_customer_desk.customer_class_key").id,
        )
        self.assertTrue(record.is_key)
        self.assertEqual(record.order_count, 2)
        self.assertTrue(record.date_last_order)
        self.assertIn("%", record.tendency)
        # every batch with its specification and quantity
        self.assertIn("Oak table 1.6 m", record.purchase_history)
        self.assertIn("Power board", record.purchase_history)
        self.assertIn("40.00", record.purchase_history)

    def test_data_form_checks(self):
        with self.assertRaisesRegex(ValidationError, "future"):
            self._record(birthday="2999-01-01")
        with self.assertRaisesRegex(ValidationError, "not marked as a store"):
            self._record(dealer_id=self.other_customer.id)
        record = self._record(mobile="139 0000 222")
        self.assertIn("11 digits", record.phone_warning)
