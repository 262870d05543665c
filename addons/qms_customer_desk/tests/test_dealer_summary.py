import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import DeskCase, cst

SUMMARY_REPORT = "qms_customer_desk.action_report_qms_desk_summary_xlsx"


class TestDealerData(DeskCase):
    """000 客户资料收集: stores send their customer data by the 25th of each month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.qms_desk_user_id = cls.owner_user
        cls.store = cls.env["res.partner"].create(
            {"name": "Hangzhou Store", "is_company": True, "qms_desk_is_dealer": True}
        )

    def test_one_deadline_per_dealer_and_month_by_the_25th(self):
        Report = self.env["qms.desk.dealer.report"]
        with freeze_time("2026-04-01 01:00:00"):
            reports = Report._cron_plan_month()
            mine = reports.filtered(lambda r: r.dealer_id == self.store)
            self.assertEqual(len(mine), 1)
            self.assertEqual(mine.date_month, date(2026, 4, 1))
            self.assertEqual(mine.user_id, self.owner_user)
            deadline = mine.qms_deadline_ids
            self.assertEqual(deadline.kind_id.code, "dealer_data")
            self.assertEqual(deadline.due, cst(2026, 4, 25, 23, 59, 59))
            self.assertEqual(mine.date_due, deadline.due)
            # the cron runs every day: still one per dealer and month
            self.assertFalse(
                Report._cron_plan_month().filtered(lambda r: r.dealer_id == self.store)
            )
        with freeze_time("2026-04-26 02:00:00"):
            self.env["qms.deadline"]._process_due()
            self.assertEqual(deadline.alert_level, "owner")
            self.assertTrue(mine.qms_overdue)
            self.assertIs(mine.action_receive(), True)
            self.assertEqual(mine.state, "received")
            self.assertEqual(deadline.state, "done")
            self.assertFalse(deadline.on_time)
            with self.assertRaisesRegex(UserError, "already received"):
                mine.action_receive()

    def test_the_day_is_a_setting_and_received_in_time(self):
        self.env.company.qms_desk_dealer_day = 20
        with freeze_time("2026-04-01 01:00:00"):
            report = self.env["qms.desk.dealer.report"].create(
                {"dealer_id": self.store.id, "date_month": "2026-04-15"}
            )
            self.assertEqual(report.date_month, date(2026, 4, 1))
            self.assertEqual(report.date_due, cst(2026, 4, 20, 23, 59, 59))
        with freeze_time("2026-04-18 02:00:00"):
            customer = (
                self.env["qms.desk.customer"]
                .with_user(self.keeper)
                .create(
                    {
                        "name": "Wang Fang",
                        "mobile": "13905711234",
                        "dealer_id": self.store.id,
                        "dealer_report_id": report.id,
                    }
                )
            )
            self.assertEqual(report.customer_count, 1)
            self.assertEqual(report.with_user(self.keeper).customer_ids, customer)
            report.action_receive()
            self.assertTrue(report.qms_deadline_ids.on_time)


class TestMonthlySummary(DeskCase):
    """000 客服系统建立细则: all reported problems summarised by the 28th."""

    def test_summary_by_the_28th_with_its_report(self):
        with freeze_time("2026-04-10 02:00:00"):
            complaint_call = self._call(
                "13900001111", summary="Dead pixels on five screens", product_id=self.product.id
            )
            complaint_call.action_to_complaint()
            consult_call = self._call("13900001111", summary="How to clean the screen?")
            consult_call.action_to_consultation()
            self._call("0755-2222 3333").action_done()
        with freeze_time("2026-03-20 02:00:00"):
            self._call("13900001111", summary="March: not in April's summary").action_done()
        with freeze_time("2026-05-01 01:00:00"):
            Summary = self.env["qms.desk.summary"]
            summary = Summary._cron_plan_last_month().filtered(
                lambda s: s.company_id == self.env.company
            )
            self.assertEqual(summary.name, "2026-04")
            self.assertFalse(Summary._cron_plan_last_month(), "one per month")
            deadline = summary.qms_deadline_ids
            self.assertEqual(deadline.kind_id.code, "summary")
            self.assertEqual(deadline.due, cst(2026, 5, 28, 23, 59, 59))
            self.assertEqual(summary.call_count, 3)
            self.assertEqual(summary.complaint_count, 1)
            self.assertEqual(summary.consultation_count, 1)
            self.assertEqual(summary.feedback_count, 2)

            content, report_type = self.env["ir.actions.report"]._render(
                SUMMARY_REPORT, summary.ids
            )
            self.assertEqual(report_type, "xlsx")
            book = openpyxl.load_workbook(io.BytesIO(content))
            self.assertEqual(book.sheetnames, ["Summary", "Problems", "Calls"])
            values = [cell.value for row in book["Summary"].iter_rows() for cell in row]
            self.assertIn("2026-04", values)
            calls = [row[0].value for row in book["Calls"].iter_rows()]
            self.assertIn(complaint_call.name, calls)
            problems = [row[0].value for row in book["Problems"].iter_rows()]
            self.assertIn(complaint_call.complaint_id.name, problems)

            with self.assertRaisesRegex(UserError, "write the conclusions"):
                summary.action_done()
            summary.conclusions = "<p>Dead pixels: supplier lot 2611, 8D running.</p>"
            self.assertIs(summary.action_done(), True)
            self.assertEqual(deadline.state, "done")
            self.assertTrue(deadline.on_time)
