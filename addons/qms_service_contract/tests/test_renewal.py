from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestRenewalQuotation(ContractCase):
    """At the renewal reminder the customer gets one quotation of its paid
    maintenance at its pricelist; confirmed, it adds the next paid period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.maintenance = env["product.product"].create(
            {"name": "Annual maintenance", "type": "service", "list_price": 1000.0}
        )
        cls.pricelist = env["product.pricelist"].create(
            {
                "name": "Hospital prices",
                "item_ids": [
                    (
                        0,
                        0,
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.maintenance.id,
                            "compute_price": "fixed",
                            "fixed_price": 800.0,
                        },
                    )
                ],
            }
        )
        cls.customer.property_product_pricelist = cls.pricelist
        cls.order = env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.salesperson.id,
                "order_line": [
                    (0, 0, {"product_id": cls.maintenance.id, "product_uom_qty": 1}),
                    (0, 0, {"display_type": "line_note", "name": "Paid yearly"}),
                ],
            }
        )

    def _contract_with_order(self):
        with freeze_time("2026-06-01 02:00:00"):
            return self._active_contract(sale_order_id=self.order.id)

    def _run_cron(self, moment):
        with freeze_time(moment):
            self.env["qms.deadline"]._process_due()

    def test_reminder_makes_one_quotation_at_the_customer_pricelist(self):
        contract = self._contract_with_order()
        self.assertEqual(contract.date_end, date(2027, 3, 1))
        self.assertFalse(contract.renewal_order_id)
        self._run_cron("2027-01-05 02:00:00")  # 60 days before the coverage ends
        quotation = contract.renewal_order_id
        self.assertTrue(quotation)
        self.assertEqual(quotation.state, "draft")
        self.assertEqual(quotation.partner_id, self.customer)
        self.assertEqual(quotation.pricelist_id, self.pricelist)
        self.assertEqual(quotation.order_line.product_id, self.maintenance)
        self.assertEqual(quotation.order_line.price_unit, 800.0, "the customer's pricelist")
        self.assertEqual(quotation.user_id, self.salesperson)
        self._run_cron("2027-02-05 02:00:00")  # the second reminder: no second quotation
        self.assertEqual(contract.renewal_order_ids, quotation)
        action = contract.action_create_renewal_quotation()
        self.assertEqual(action["res_id"], quotation.id, "the open quotation, not a new one")
        self.assertEqual(contract.renewal_order_count, 1)
        self.assertEqual(contract.action_view_renewal_orders()["res_id"], quotation.id)

    def test_confirming_the_renewal_adds_the_next_paid_period(self):
        contract = self._contract_with_order()
        with freeze_time("2027-02-10 02:00:00"):
            contract.action_create_renewal_quotation()
            order = contract.renewal_order_id
            order.action_confirm()
        period = contract.period_ids
        self.assertEqual(len(period), 1)
        self.assertEqual((period.date_start, period.date_end), (date(2027, 3, 2), date(2028, 3, 1)))
        self.assertEqual(period.sale_order_id, order)
        self.assertEqual(period.amount, 800.0)
        self.assertEqual(contract.date_end, date(2028, 3, 1))
        self.assertFalse(contract.renewal_order_id, "the next renewal gets its own quotation")
        renewal = contract.qms_deadline_ids.filtered(
            lambda d: d.kind_id.code == "renewal" and d.state == "open"
        )
        self.assertEqual(renewal.due.date(), date(2028, 3, 1), "00:00 on 2 March, Shanghai")
        # the next year's renewal is quoted from the renewed period's order
        with freeze_time("2028-01-10 02:00:00"):
            contract.action_create_renewal_quotation()
        self.assertNotEqual(contract.renewal_order_id, order)
        self.assertEqual(contract.renewal_order_count, 2)

    def test_cancelled_quotation_is_made_again(self):
        contract = self._contract_with_order()
        with freeze_time("2027-02-10 02:00:00"):
            contract.action_create_renewal_quotation()
            first = contract.renewal_order_id
            first.action_cancel()
            contract.action_create_renewal_quotation()
        self.assertNotEqual(contract.renewal_order_id, first)

    def test_nothing_to_renew_is_said(self):
        with freeze_time("2026-06-01 02:00:00"):
            contract = self._active_contract()
            with self.assertRaises(UserError):
                contract.action_create_renewal_quotation()
        self.assertFalse(contract.renewal_order_ids)
