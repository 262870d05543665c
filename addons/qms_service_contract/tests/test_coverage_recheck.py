from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestCoverageRecheck(ContractCase):
    """When the covered products of a contract change, the customer's open
    requests look their contract up again and show the new coverage."""

    def _request(self, lot):
        return self.env["qms.service.request"].create(
            {
                "partner_id": self.customer.id,
                "title": "Workstation does not boot",
                "problem": "<p>Black screen</p>",
                "product_id": self.product.id,
                "lot_id": lot.id,
                "date_received": datetime(2026, 6, 1, 2, 0),
            }
        )

    @freeze_time("2026-06-01 02:00:00")
    def test_removing_a_line_uncovers_an_open_request(self):
        contract = self._active_contract()
        request = self._request(self.lot_a)
        self.assertEqual(request.coverage_state, "free")
        with Form(contract) as form:
            form.line_ids.remove(0)  # WS-0001
        self.assertFalse(request.service_contract_id)
        self.assertEqual(request.coverage_state, "none")
        form = Form(request)
        self.assertEqual(form.coverage_state, "none", "the request's form shows it")

    @freeze_time("2026-06-01 02:00:00")
    def test_adding_a_line_covers_an_open_request(self):
        contract = self._active_contract()
        request = self._request(self.lot_b)
        self.assertEqual(request.coverage_state, "none")
        contract.line_ids = [(0, 0, {"product_id": self.product.id, "lot_id": self.lot_b.id})]
        self.assertEqual(request.service_contract_id, contract)
        self.assertEqual(request.coverage_state, "free")

    @freeze_time("2026-06-01 02:00:00")
    def test_editing_a_line_moves_the_coverage(self):
        contract = self._active_contract()
        covered, uncovered = self._request(self.lot_a), self._request(self.lot_b)
        line = contract.line_ids.filtered(lambda line: line.lot_id == self.lot_a)
        line.lot_id = self.lot_b
        self.assertEqual(covered.coverage_state, "none")
        self.assertEqual(uncovered.coverage_state, "free")

    @freeze_time("2026-06-01 02:00:00")
    def test_closed_requests_keep_their_coverage(self):
        contract = self._active_contract()
        request = self._request(self.lot_a)
        request._qms_workflow_write({"state": "closed"})
        contract.line_ids.filtered("lot_id").unlink()
        self.assertEqual(request.coverage_state, "free", "what covered it when it was received")
