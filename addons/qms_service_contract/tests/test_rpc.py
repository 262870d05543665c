from datetime import date, timedelta
from xmlrpc.client import Fault

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ContractCase

PASSWORD = "qms_sc_rpc_pw_2026"


@tagged("post_install", "-at_install")
class TestContractRpc(HttpCase, ContractCase):
    """Other systems use contracts, handovers and paperwork over XML-RPC: bad
    input gets a clear error over the wire and writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_user = new_test_user(
            cls.env, login="qms_sc_rpc", password=PASSWORD, groups="qms_base.group_qms_user"
        )

    def _call(self, model, method, *args):
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, "qms_sc_rpc", PASSWORD, {})
        return self.xmlrpc_object.execute(db, uid, PASSWORD, model, method, *args)

    def _contract_values(self, **values):
        return {
            "partner_id": self.customer.id,
            "project_name": "RPC project",
            "line_ids": [(0, 0, {"product_id": self.product.id, "lot_id": self.lot_a.id})],
            **values,
        }

    def test_create_activate_and_read_back(self):
        (contract_id,) = self._call(
            "qms.service.contract",
            "create",
            [self._contract_values(date_acceptance=str(date(2026, 3, 2)))],
        )
        self.assertIs(self._call("qms.service.contract", "action_activate", [contract_id]), True)
        (row,) = self._call(
            "qms.service.contract", "read", [contract_id], ["name", "state", "date_free_end"]
        )
        self.assertTrue(row["name"].startswith("SC"))
        self.assertEqual(row["state"], "active")
        self.assertEqual(row["date_free_end"], "2027-03-01")

    def test_bad_input_is_refused_and_writes_nothing(self):
        tomorrow = str(fields.Date.today() + timedelta(days=1))
        contract = self._contract()
        cases = [
            ("qms.service.contract", self._contract_values(partner_id=False), "Customer"),
            (
                "qms.service.contract",
                self._contract_values(state="active"),
                "only through its buttons",
            ),
            (
                "qms.service.contract",
                self._contract_values(
                    period_ids=[(0, 0, {"date_start": "2027-03-02", "date_end": "2027-01-01"})]
                ),
                "cannot end",
            ),
            (
                "qms.service.contract",
                self._contract_values(
                    line_ids=[(0, 0, {"product_id": self.software.id, "lot_id": self.lot_a.id})]
                ),
                "belongs to",
            ),
            (
                "qms.service.handover",
                {"contract_id": contract.id, "date_acceptance": tomorrow},
                "cannot be in the future",
            ),
            (
                "qms.service.contract.paperwork",
                {"contract_id": contract.id, "date_stamped": f"{tomorrow} 00:00:00"},
                "stamped in the future",
            ),
            (
                "qms.service.callback.draw",
                {"year": 2026, "quarter": "1", "size": -5},
                "at least one customer",
            ),
        ]
        for model, values, message in cases:
            before = self.env[model].search_count([])
            with self.subTest(model=model, message=message):
                with self.assertRaises(Fault) as caught:
                    self._call(model, "create", [values])
                self.assertIn(message, caught.exception.faultString)
                self.assertEqual(self.env[model].search_count([]), before, "nothing written")
        stray = self.env["qms.service.contract.line"].search(
            [("product_id", "=", self.software.id), ("lot_id", "=", self.lot_a.id)]
        )
        self.assertFalse(stray)

    def test_action_in_the_wrong_state_is_refused(self):
        contract = self._contract()
        with self.assertRaises(Fault) as caught:
            self._call("qms.service.contract", "action_end", [contract.id])
        self.assertIn("not possible now", caught.exception.faultString)
