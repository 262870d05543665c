from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user

from .common import FakeModelsMixin, QmsCase, cst

MONDAY = "2026-03-02 02:00:00"  # 10:00 in Beijing


class TestLoan(FakeModelsMixin, QmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_fake_models("QmsFakeItem")
        cls.env["ir.model.access"].create(
            {
                "name": "fake item",
                "model_id": cls.env["ir.model"]._get_id("qms.fake.item"),
                "group_id": cls.env.ref("qms_base.group_qms_user").id,
                "perm_read": True,
                "perm_write": True,
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "Shenzhen Display Co."})
        cls.item = cls.env["qms.fake.item"].create(
            {"name": "Sealed colour board", "partner_id": cls.customer.id}
        )
        cls.custodian = cls.manager_user
        cls.borrower = cls.owner_user
        cls.kind = cls.env["qms.deadline.kind"].create(
            {
                "name": "Sealed sample out",
                "code": "sealed",
                "model_id": cls.env["ir.model"]._get_id("qms.loan"),
                "duration": 3,
                "duration_unit": "working_days",
                "escalation_delay": 1,
                "escalation_delay_unit": "working_days",
            }
        )

    def _request(self, **kwargs):
        return self.item._qms_loan_request(
            self.borrower,
            kwargs.pop("purpose", "Compare with the production batch"),
            kind_code=kwargs.pop("kind_code", "sealed"),
            custodian=kwargs.pop("custodian", self.custodian),
        )

    @freeze_time(MONDAY)
    def test_lend_and_return_on_time(self):
        loan = self._request()
        self.assertEqual(loan.state, "requested")
        self.assertEqual(loan.partner_id, self.customer)
        self.assertTrue(loan.name.startswith("LN2026-"))
        self.assertEqual(self.item.qms_loan_state, "requested")
        loan.with_user(self.custodian).action_lend()
        self.assertEqual(loan.state, "out")
        # 3 working days from Monday 10:00 Beijing: Thursday 10:00.
        self.assertEqual(loan.date_due, cst(2026, 3, 5, 10, 0))
        self.assertEqual(self.item.qms_loan_state, "out")
        self.assertEqual(self.item.qms_loan_borrower_id, self.borrower)
        self.assertTrue(loan.action_return("No scratches."))
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.returned_condition, "No scratches.")
        deadline = loan.qms_deadline_ids
        self.assertEqual((deadline.state, deadline.on_time), ("done", True))
        self.assertEqual(self.item.qms_loan_state, "available")
        self.assertEqual(self.item.heard, "out;returned;")

    @freeze_time(MONDAY)
    def test_overdue_loan_escalates_through_the_deadline_engine(self):
        loan = self._request()
        loan.with_user(self.custodian).action_lend()
        self.env["qms.deadline"]._process_due(now=cst(2026, 3, 5, 11, 0))
        self.assertEqual(loan.qms_deadline_ids.alert_level, "owner")
        self.env["qms.deadline"]._process_due(now=cst(2026, 3, 6, 11, 0))
        self.assertEqual(loan.qms_deadline_ids.alert_level, "escalated")
        activities = loan.activity_ids
        self.assertEqual(activities.user_id, self.borrower | self.manager_user)
        with freeze_time("2026-03-06 03:00:00"):
            self.assertTrue(loan.is_overdue)
            self.assertEqual(self.env["qms.loan"].search([("is_overdue", "=", True)]), loan)
            self.assertEqual(self.item.qms_loan_state, "overdue")
            loan.action_return()
        self.assertFalse(loan.qms_deadline_ids.on_time)

    @freeze_time(MONDAY)
    def test_one_loan_at_a_time_and_the_custodian_decides(self):
        loan = self._request()
        with self.assertRaises(UserError):
            self._request()
        other = new_test_user(self.env, login="qms_other", groups="qms_base.group_qms_user")
        with self.assertRaises(UserError) as caught:
            loan.with_user(other).action_lend()
        self.assertIn("custodian", str(caught.exception))
        self.assertTrue(loan.with_user(self.custodian).action_refuse())
        self.assertEqual(self.item.qms_loan_state, "available")
        self.assertEqual(self._request().state, "requested")

    @freeze_time(MONDAY)
    def test_the_item_can_refuse_to_be_handed_over(self):
        self.item.locked = True
        loan = self._request()
        with self.assertRaises(UserError) as caught:
            loan.with_user(self.custodian).action_lend()
        self.assertIn("Calibration overdue", str(caught.exception))
        self.assertEqual(loan.state, "requested")
        self.assertFalse(loan.qms_deadline_ids)

    @freeze_time(MONDAY)
    def test_state_and_dates_change_only_through_the_buttons(self):
        loan = self._request()
        for values in ({"state": "returned"}, {"date_out": "2026-03-01 00:00:00"}):
            with self.assertRaises(UserError):
                loan.write(values)
        with self.assertRaises(UserError):
            self.env["qms.loan"].create(
                {
                    "res_model": self.item._name,
                    "res_id": self.item.id,
                    "borrower_id": self.borrower.id,
                    "purpose": "x",
                    "state": "out",
                }
            )
        loan.with_user(self.custodian).action_lend()
        with self.assertRaises(UserError):
            loan.borrower_id = self.manager_user
        with self.assertRaises(UserError):
            loan.unlink()
        with self.assertRaises(UserError):
            loan.action_lend()
        loan.date_due = cst(2026, 3, 10, 10, 0)
        self.assertEqual(loan.qms_deadline_ids.due, cst(2026, 3, 10, 10, 0))
        with self.assertRaises(ValidationError):
            loan.date_due = cst(2026, 2, 1, 10, 0)

    def test_bad_input_is_refused_and_writes_nothing(self):
        before = self.env["qms.loan"].search_count([])
        portal = new_test_user(self.env, login="portal_loan", groups="base.group_portal")
        for borrower, purpose in ((self.borrower, "   "), (portal, "Borrow")):
            with self.assertRaises(ValidationError):
                self.item._qms_loan_request(borrower, purpose)
        with self.assertRaises(ValidationError):
            self.env["qms.loan"].create({"borrower_id": self.borrower.id, "purpose": "No item"})
        loan = self._request()
        loan.with_user(self.custodian).action_lend()
        with self.assertRaises(ValidationError):
            loan.action_return(123)
        self.assertEqual(loan.state, "out")
        self.assertEqual(self.env["qms.loan"].search_count([]), before + 1)
