from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ContractCase, cst


@tagged("post_install", "-at_install")
class TestContractCoverage(ContractCase):
    """A request finds the customer's contract for its product and serial
    number, shows the coverage and runs on the contract's SLA level."""

    def _request(self, customer=None, product=None, lot=None, received=None, **values):
        return self.env["qms.service.request"].create(
            {
                "partner_id": (customer or self.customer).id,
                "title": "Workstation does not boot",
                "problem": "<p>Black screen</p>",
                "product_id": (product or self.product).id,
                "lot_id": lot.id if lot else False,
                "date_received": received or datetime(2026, 6, 1, 2, 0),
                **values,
            }
        )

    @freeze_time("2026-06-01 02:00:00")
    def test_serial_covered_in_free_period_with_contract_level(self):
        contract = self._active_contract()
        self.assertEqual(contract.date_free_start, date(2026, 3, 2))
        self.assertEqual(contract.date_free_end, date(2027, 3, 1))
        self.assertEqual(contract.coverage_state, "free")
        request = self._request(lot=self.lot_a)
        self.assertEqual(request.service_contract_id, contract)
        self.assertEqual(request.coverage_state, "free")
        self.assertEqual(request.effective_level_id, self.level_gold)
        self.assertEqual(request._service_level(), self.level_gold)

    @freeze_time("2026-06-01 02:00:00")
    def test_covered_request_runs_on_the_contract_level_targets(self):
        self.level_gold.target_ids = [
            (0, 0, {"urgency": "normal", "response_hours": 2, "resolution_hours": 16})
        ]
        self._active_contract()
        request = self._request(lot=self.lot_a, urgency="normal", received=cst(2026, 6, 1, 10))
        response = request.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "response")
        self.assertEqual(response.due, cst(2026, 6, 1, 12, 0), "the Gold level's 2 working hours")
        uncovered = self._request(lot=self.lot_b, urgency="normal", received=cst(2026, 6, 1, 10))
        other = uncovered.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "response")
        self.assertNotEqual(other.due, response.due)

    @freeze_time("2026-06-01 02:00:00")
    def test_unlisted_serial_is_not_covered(self):
        self._active_contract()
        request = self._request(lot=self.lot_b)
        self.assertFalse(request.service_contract_id)
        self.assertEqual(request.coverage_state, "none")
        self.assertEqual(request._service_level(), self.env["qms.service.level"]._standard())

    @freeze_time("2026-06-01 02:00:00")
    def test_product_without_serial_covers_every_unit(self):
        contract = self._active_contract()
        request = self._request(product=self.software)
        self.assertEqual(request.service_contract_id, contract)
        self.assertEqual(request.coverage_state, "free")

    @freeze_time("2026-06-01 02:00:00")
    def test_request_level_wins_over_contract(self):
        self._active_contract()
        standard = self.env["qms.service.level"]._standard()
        request = self._request(lot=self.lot_a, level_id=standard.id)
        self.assertEqual(request._service_level(), standard)

    @freeze_time("2026-06-01 02:00:00")
    def test_other_customer_is_not_covered(self):
        self._active_contract()
        request = self._request(customer=self.other_customer, lot=self.lot_a)
        self.assertFalse(request.service_contract_id)
        self.assertEqual(request.coverage_state, "none")

    @freeze_time("2026-06-01 02:00:00")
    def test_paid_period_then_expired(self):
        contract = self._active_contract(
            period_ids=[(0, 0, {"date_start": date(2027, 3, 2), "date_end": date(2028, 3, 1)})]
        )
        self.assertEqual(contract.date_end, date(2028, 3, 1))
        paid = self._request(lot=self.lot_a, received=datetime(2027, 6, 1, 2, 0))
        self.assertEqual(paid.coverage_state, "paid")
        self.assertEqual(paid.effective_level_id, self.level_gold)
        late = self._request(lot=self.lot_a, received=datetime(2028, 6, 1, 2, 0))
        self.assertEqual(late.service_contract_id, contract)
        self.assertEqual(late.coverage_state, "expired")
        self.assertNotEqual(late.effective_level_id, self.level_gold)

    @freeze_time("2026-06-01 02:00:00")
    def test_draft_contract_covers_nothing_until_in_force(self):
        contract = self._contract(date_acceptance=date(2026, 3, 2))
        request = self._request(lot=self.lot_a)
        self.assertFalse(request.service_contract_id)
        contract.action_activate()
        self.assertEqual(request.service_contract_id, contract, "open requests look again")
        self.assertEqual(request.coverage_state, "free")

    @freeze_time("2026-06-01 02:00:00")
    def test_renewal_deadline_at_coverage_end_with_reminders(self):
        contract = self._active_contract()
        renewal = contract.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "renewal")
        self.assertEqual(len(renewal), 1)
        # the local midnight after the last covered day (2027-03-01, Beijing time)
        self.assertEqual(renewal.due, datetime(2027, 3, 1, 16, 0))
        self.assertEqual(renewal.date_next_reminder, datetime(2026, 12, 31, 16, 0))
        contract.write(
            {"period_ids": [(0, 0, {"date_start": date(2027, 3, 2), "date_end": date(2028, 3, 1)})]}
        )
        contract._schedule_renewal()
        self.assertEqual(renewal.due, datetime(2028, 3, 1, 16, 0))

    def test_activation_needs_products_and_a_start(self):
        contract = self._contract(line_ids=[])
        with self.assertRaises(UserError):
            contract.action_activate()
        contract.date_acceptance = date(2026, 3, 2)
        with self.assertRaisesRegex(UserError, "covered products"):
            contract.action_activate()
        self.assertEqual(contract.state, "draft")

    def test_state_changes_only_through_actions(self):
        contract = self._contract()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            contract.write({"state": "active"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._contract(state="active")
        self.assertIs(contract.action_cancel(), True)
        self.assertIs(contract.action_reset_draft(), True)

    def test_bad_periods_refused(self):
        contract = self._contract()
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            contract.write(
                {
                    "period_ids": [
                        (0, 0, {"date_start": date(2027, 3, 2), "date_end": date(2027, 1, 1)})
                    ]
                }
            )
        contract.write(
            {"period_ids": [(0, 0, {"date_start": date(2027, 3, 2), "date_end": date(2028, 3, 1)})]}
        )
        with self.assertRaisesRegex(ValidationError, "overlap"):
            contract.write(
                {
                    "period_ids": [
                        (0, 0, {"date_start": date(2028, 1, 1), "date_end": date(2028, 6, 1)})
                    ]
                }
            )

    def test_contact_of_another_customer_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a contact"):
            self._contract(customer=self.other_customer, contact=self.contact)

    @freeze_time("2026-03-03 02:00:00")
    def test_class_a_warranty_callback_within_a_month(self):
        contract = self._active_contract(project_class="a")
        callback = contract.qms_callback_ids
        self.assertEqual(callback.kind_id.code, "warranty")
        self.assertEqual(callback.date_start, datetime(2026, 3, 2, 1, 0))
        self.assertEqual(callback.date_to, datetime(2026, 4, 1, 1, 0))
        self.assertEqual(callback.partner_id, self.customer)
        self.assertFalse(self._active_contract(project_class="b").qms_callback_ids)
