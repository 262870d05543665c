import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ContractCase, cst


@tagged("post_install", "-at_install")
class TestHandover(ContractCase):
    """项目移交: the application within 5 working days of the acceptance,
    quality's confirmation within 10 working days, then the free maintenance
    period, the tracking list and the customer service notice letter."""

    def _handover(self, acceptance=date(2026, 3, 2), **values):
        contract = values.pop("contract", None) or self._contract()
        return self.env["qms.service.handover"].create(
            {
                "contract_id": contract.id,
                "date_acceptance": acceptance,
                "modules": "Outpatient, inpatient, pharmacy",
                "project_manager_id": self.engineer.id,
                "user_id": self.owner_user.id,
                **values,
            }
        )

    def _attach(self, handover):
        handover.attachment_ids = self.env["ir.attachment"].create(
            {"name": "working_papers.txt", "datas": base64.b64encode(b"papers")}
        )

    def _deadline(self, record, code):
        return record.qms_deadline_ids.filtered(lambda d: d.kind_id.code == code)

    @freeze_time("2026-03-04 02:00:00")
    def test_application_due_five_working_days_after_acceptance(self):
        handover = self._handover()  # accepted Monday 2 March
        submit = self._deadline(handover, "submit")
        self.assertEqual(submit.owner_id, self.engineer)
        # Monday 9:00 Beijing + 5 working days = next Monday 9:00 (weekend skipped)
        self.assertEqual(submit.due, cst(2026, 3, 9, 9, 0))

    @freeze_time("2026-02-12 02:00:00")
    def test_application_deadline_skips_spring_festival(self):
        handover = self._handover(acceptance=date(2026, 2, 12))
        # 12 Feb (Thu) + 5 working days, 14-23 Feb holiday (14 Feb and 28 Feb are make-up days)
        due = self._deadline(handover, "submit").due
        expected = self.env.company._qms_calendar()._qms_add_working_days(cst(2026, 2, 12, 9), 5)
        self.assertEqual(due, expected)
        self.assertGreater(due, cst(2026, 2, 23))

    @freeze_time("2026-03-04 02:00:00")
    def test_submit_needs_working_papers_then_quality_has_ten_working_days(self):
        handover = self._handover()
        with self.assertRaisesRegex(UserError, "working papers"):
            handover.action_submit()
        self._attach(handover)
        self.assertIs(handover.action_submit(), True)
        self.assertEqual(handover.state, "submitted")
        self.assertEqual(self._deadline(handover, "submit").state, "done")
        self.assertTrue(self._deadline(handover, "submit").on_time)
        confirm = self._deadline(handover, "confirm").filtered(lambda d: d.state == "open")
        self.assertEqual(confirm.owner_id, self.owner_user)
        # Wednesday 10:00 + 10 working days = Wednesday two weeks later, 10:00
        self.assertEqual(confirm.due, cst(2026, 3, 18, 10, 0))

    @freeze_time("2026-03-04 02:00:00")
    def test_accepted_starts_free_period_and_sends_the_notice(self):
        handover = self._handover()
        contract = handover.contract_id
        self._attach(handover)
        handover.action_submit()
        self.assertIs(handover.action_accept(), True)
        self.assertEqual(handover.state, "accepted")
        self.assertEqual(contract.state, "active")
        self.assertEqual(contract.date_free_start, date(2026, 3, 2), "from the acceptance")
        self.assertEqual(contract.date_free_end, date(2027, 3, 1))
        # the maintenance-contract tracking list shows it
        tracked = self.env["qms.service.contract"].search([("handover_id", "!=", False)])
        self.assertIn(contract, tracked)
        self.assertEqual(contract.handover_modules, "Outpatient, inpatient, pharmacy")
        # the notice letter went to the customer's contact, with its PDF
        message = handover.message_ids.filtered(lambda m: self.contact in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("customer service notice", message.subject.lower())
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertTrue(handover.date_notice_sent)
        receipt = self._deadline(handover, "notice_receipt")
        self.assertEqual(receipt.state, "open")
        self.assertIs(handover.action_confirm_notice_receipt(), True)
        self.assertEqual(receipt.state, "done")
        with self.assertRaisesRegex(UserError, "confirmed already"):
            handover.action_confirm_notice_receipt()

    @freeze_time("2026-03-04 02:00:00")
    def test_not_ready_tracks_the_expected_date(self):
        handover = self._handover()
        self._attach(handover)
        handover.action_submit()
        with self.assertRaisesRegex(UserError, "expected"):
            handover.action_not_accept()
        handover.write({"date_expected": date(2026, 4, 15), "not_ready_reason": "Pharmacy open"})
        self.assertIs(handover.action_not_accept(), True)
        self.assertEqual(handover.state, "not_accepted")
        self.assertEqual(handover.contract_id.state, "draft")
        expected = self._deadline(handover, "expected")
        self.assertEqual(expected.due, cst(2026, 4, 15, 9, 0))
        self.assertEqual(expected.owner_id, self.owner_user)
        # moved on: submitted again, quality has its ten days again
        handover.action_submit()
        self.assertEqual(expected.state, "done")
        self.assertEqual(
            len(self._deadline(handover, "confirm").filtered(lambda d: d.state == "open")), 1
        )

    @freeze_time("2026-03-04 02:00:00")
    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "future"):
            self._handover(acceptance=date(2026, 3, 10))
        handover = self._handover()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            handover.write({"state": "accepted"})
        with self.assertRaisesRegex(UserError, "not possible now"):
            handover.action_accept()

    @freeze_time("2026-03-04 02:00:00")
    def test_notice_letter_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.contact.lang = "zh_CN"
        handover = self._handover()
        self._attach(handover)
        handover.action_submit()
        handover.action_accept()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("qms_service_contract.action_report_customer_notice", handover.ids)[
                0
            ]
            .decode()
        )
        self.assertTrue("客户服务告知书" in html, "the notice letter is printed in Chinese")
        self.contact.lang = "en_US"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("qms_service_contract.action_report_customer_notice", handover.ids)[
                0
            ]
            .decode()
        )
        self.assertTrue("Customer Service Notice" in html, "and in English")
