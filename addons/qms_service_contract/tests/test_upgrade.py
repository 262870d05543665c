from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ContractCase, cst


@tagged("post_install", "-at_install")
class TestUpgrade(ContractCase):
    """客户程序升级: applied for, arranged, agreed, tested and approved,
    reported within a week, then called back with the seed's questions; a
    second callback within 3 days when the first gets no positive answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._active_contract()

    def _upgrade(self, **values):
        return self.env["qms.service.upgrade"].create(
            {
                "contract_id": self.contract.id,
                "regional_manager_id": self.regional_manager.id,
                "engineer_id": self.engineer.id,
                "user_id": self.owner_user.id,
                "plan": "<p>Upgrade HIS to 5.2 on the test database first</p>",
                "scope": "Slow outpatient billing; report printing",
                **values,
            }
        )

    def _live(self, upgrade):
        upgrade.action_apply()
        upgrade.with_user(self.regional_manager).action_approve()
        upgrade.action_agree_plan()
        upgrade.test_result = "Billing and printing tested with the customer"
        upgrade.action_customer_approve()
        upgrade.action_go_live()

    def _answer(self, callback, *answers):
        for line, value in zip(
            callback.qms_answer_ids.filtered(lambda a: a.answer_type == "yes_no"),
            answers,
            strict=True,
        ):
            line.answer_yes_no = value

    def _result_mails(self, upgrade):
        return upgrade.message_ids.filtered(
            lambda m: self.customer_manager.partner_id in m.partner_ids
        )

    def test_steps_are_guarded(self):
        upgrade = self._upgrade(regional_manager_id=False)
        with self.assertRaisesRegex(UserError, "regional manager"):
            upgrade.action_apply()
        upgrade.regional_manager_id = self.regional_manager
        self.assertIs(upgrade.action_apply(), True)
        self.assertEqual(upgrade.activity_ids.user_id, self.regional_manager)
        with self.assertRaisesRegex(UserError, "Only the regional manager"):
            upgrade.with_user(self.engineer).action_approve()
        upgrade.with_user(self.regional_manager).action_approve()
        upgrade.plan = False
        with self.assertRaisesRegex(UserError, "plan"):
            upgrade.action_agree_plan()
        upgrade.plan = "<p>Plan</p>"
        upgrade.action_agree_plan()
        with self.assertRaisesRegex(UserError, "not possible now"):
            upgrade.action_go_live()
        with self.assertRaisesRegex(UserError, "test environment"):
            upgrade.action_customer_approve()
        upgrade.no_test_environment = True
        self.assertIs(upgrade.action_customer_approve(), True)
        self.assertEqual(upgrade.state, "tested")

    @freeze_time("2026-03-02 02:00:00")
    def test_report_within_a_week_then_callback_with_questions(self):
        upgrade = self._upgrade()
        self._live(upgrade)
        report = upgrade.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "report")
        self.assertEqual(report.due, cst(2026, 3, 9, 10, 0), "one week")
        self.assertEqual(report.owner_id, self.engineer)
        with self.assertRaisesRegex(UserError, "report"):
            upgrade.action_report()
        upgrade.report = "<p>Upgraded to 5.2; billing fixed</p>"
        with self.assertRaisesRegex(UserError, "confirmed"):
            upgrade.action_report()
        upgrade.report_confirmed_by = "Head of IT"
        self.assertIs(upgrade.action_report(), True)
        self.assertEqual(report.state, "done")
        callback = upgrade.qms_callback_ids
        self.assertEqual(callback.kind_id.code, "upgrade")
        self.assertEqual(callback.contact_id, self.contact)
        self.assertEqual(
            callback.qms_answer_ids.mapped("name"),
            [
                "Is the system stable since the upgrade?",
                "Are the problems that appeared after the upgrade all solved?",
                "Do the problems not solved yet have clear next arrangements?",
            ],
        )

    def test_positive_callback_closes_and_mails_the_customer_manager(self):
        upgrade = self._upgrade(report_confirmed_by="Head of IT", report="<p>Done</p>")
        self._live(upgrade)
        upgrade.action_report()
        callback = upgrade.qms_callback_ids
        with self.assertRaisesRegex(UserError, "answer"):
            callback.action_reached()
        self._answer(callback, "yes", "yes", "yes")
        callback.action_reached()
        self.assertEqual(upgrade.state, "done")
        self.assertTrue(upgrade.callback_positive)
        mails = self._result_mails(upgrade)
        self.assertEqual(len(mails), 1)
        self.assertIn("Is the system stable since the upgrade?", mails.body)
        self.assertEqual(len(upgrade.qms_callback_ids), 1, "no second callback")

    def test_no_positive_answer_second_callback_within_three_days(self):
        upgrade = self._upgrade(report_confirmed_by="Head of IT", report="<p>Done</p>")
        with freeze_time("2026-03-02 02:00:00"):
            self._live(upgrade)
            upgrade.action_report()
        first = upgrade.qms_callback_ids
        with freeze_time("2026-03-03 02:00:00"):  # Tuesday 10:00 Beijing
            self._answer(first, "yes", "no", "yes")
            first.action_reached()
        self.assertEqual(upgrade.state, "reported")
        self.assertEqual(len(self._result_mails(upgrade)), 1, "results mailed after each call")
        second = upgrade.qms_callback_ids - first
        self.assertEqual(second.kind_id.code, "upgrade_second")
        self.assertEqual(second.state, "planned")
        # three working days: Friday 10:00
        self.assertEqual(second.date_to, cst(2026, 3, 6, 10, 0))
        self._answer(second, "yes", "yes", "yes")
        second.action_reached()
        self.assertEqual(upgrade.state, "done")
        self.assertTrue(upgrade.callback_positive)

    def test_customer_not_reached_counts_as_no_positive_answer(self):
        upgrade = self._upgrade(report_confirmed_by="Head of IT", report="<p>Done</p>")
        self._live(upgrade)
        upgrade.action_report()
        first = upgrade.qms_callback_ids
        for _attempt in range(self.env.company.qms_callback_attempts):
            first.action_not_reached()
        self.assertEqual(first.state, "failed")
        self.assertEqual((upgrade.qms_callback_ids - first).kind_id.code, "upgrade_second")

    def test_visit_needs_no_test(self):
        upgrade = self._upgrade(upgrade_type="visit")
        upgrade.action_apply()
        upgrade.action_approve()  # a QMS manager may arrange too
        upgrade.action_agree_plan()
        self.assertIs(upgrade.action_go_live(), True)
        self.assertEqual(upgrade.state, "live")
