import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestCallbackPlan(ContractCase):
    """年度质量回访计划 (001 6.5.1): generated from the contracts in force,
    approved by a QMS manager, carried out through qms.callback."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2027-01-05 02:00:00"):
            cls.class_a = cls._active_contract(
                acceptance=date(2027, 4, 6), project_class="a", project_name="PACS"
            )
            cls.class_b = cls._active_contract(
                customer=cls.other_customer, acceptance=date(2026, 9, 14)
            )
            cls.draft = cls._contract(project_name="Not in force")
        cls.manager_user.groups_id = [(4, cls.env.ref("qms_base.group_qms_manager").id)]

    def _plan(self):
        Plan = self.env["qms.service.callback.plan"].with_user(self.owner_user)
        plan = Plan.create({"year": 2027, "company_id": self.env.company.id})
        plan.action_generate()
        return plan

    def _line(self, plan, contract):
        return plan.line_ids.filtered(lambda line: line.contract_id == contract)

    @freeze_time("2027-01-05 02:00:00")
    def test_generated_from_contracts_in_force(self):
        plan = self._plan()
        self.assertFalse(self._line(plan, self.draft), "a draft contract is not called back")
        warranty = self._line(plan, self.class_a)
        self.assertEqual(warranty.kind, "warranty")
        self.assertEqual(warranty.month, "4", "the month the warranty starts")
        self.assertEqual(warranty.user_id, self.owner_user)
        quality = self._line(plan, self.class_b)
        self.assertEqual((quality.kind, quality.month), ("quality", "9"))
        self.assertEqual(quality.partner_id, self.other_customer)

    @freeze_time("2027-01-05 02:00:00")
    def test_approved_by_a_manager_plans_the_callbacks(self):
        plan = self._plan()
        self.assertIs(plan.action_submit(), True)
        with self.assertRaisesRegex(UserError, "QMS manager"):
            plan.action_approve()
        with self.assertRaises(UserError):
            plan.line_ids[:1].month = "6"
        self.assertIs(plan.with_user(self.manager_user).action_approve(), True)
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.manager_user)
        warranty = self._line(plan, self.class_a)
        self.assertEqual(
            warranty.callback_id,
            self.class_a.qms_callback_ids,
            "the warranty callback the contract planned, not a second one",
        )
        quality = self._line(plan, self.class_b).callback_id
        self.assertEqual(quality.kind_id.code, "quality")
        self.assertEqual(quality.res_model, "qms.service.contract")
        self.assertEqual(quality.res_id, self.class_b.id)
        self.assertEqual(quality.user_id, self.owner_user)
        self.assertEqual(quality.date_planned.date(), date(2027, 9, 1), "its planned month")
        planned = len(plan.line_ids)  # the demo contracts are in force too
        self.assertEqual((plan.planned_count, plan.done_count), (planned, 0))
        self.assertEqual(len(plan.line_ids.callback_id), planned)
        quality.action_reached()
        self.assertEqual(plan.done_count, 1)
        self.assertAlmostEqual(plan.progress, 100.0 / planned)
        action = plan.action_view_callbacks()
        self.assertEqual(action["res_model"], "qms.callback")

    @freeze_time("2027-01-05 02:00:00")
    def test_one_plan_per_year_and_no_empty_plan(self):
        plan = self._plan()
        with self.assertRaises(Exception):  # noqa: B017 (ValidationError inside a savepoint)
            with self.env.cr.savepoint():
                self.env["qms.service.callback.plan"].create({"year": 2027})
        plan.line_ids.unlink()
        with self.assertRaisesRegex(UserError, "no callback"):
            plan.action_submit()

    @freeze_time("2027-01-05 02:00:00")
    def test_xlsx_export(self):
        plan = self._plan()
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.owner_user)
            ._render("qms_service_contract.action_report_callback_plan_xlsx", plan.ids)
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
        self.assertIn("Annual quality callback plan 2027", texts)
        self.assertIn(self.other_customer.name, texts)
