import io

import openpyxl

from odoo.addons.qms_base.tests.xlsx_asserts import assert_printable

from .common import SurveyCase, cst

CAMPAIGN_XLSX = "qms_survey.action_report_campaign_summary_xlsx"
PLAN_XLSX = "qms_survey.action_report_plan_summary_xlsx"


class TestReportsPrint(SurveyCase):
    """Both satisfaction workbooks print as the management review reads them:
    landscape, one page wide, the header row repeated, the report's name and the
    page number on every page, sheet names and counts as a reader expects."""

    def setUp(self):
        super().setUp()
        at = cst(2026, 3, 2, 9, 0)
        self.campaign = self._campaign(
            title="2026 Q1", date_send=at, company_id=self.fresh_company.id
        )
        invitation, _other = self._send(self.campaign, at=at)
        self._answer(invitation, self._all("Satisfied"), at=at.replace(hour=10))
        self.plan = self.env["qms.survey.plan"].create(
            {
                "title": "2026 plan",
                "year": 2026,
                "company_id": self.fresh_company.id,
                "survey_id": self.survey.id,
                "partner_ids": [(6, 0, (self.customer_a | self.customer_b).ids)],
            }
        )
        # counted in the plan as if planned before it was sent (the form fixes it once sent)
        self.campaign._qms_workflow_write({"plan_id": self.plan.id})

    def _book(self, report, record, lang="en_US"):
        reports = self.env["ir.actions.report"].with_context(lang=lang)
        content, _report_type = reports._render(report, record.ids)
        return openpyxl.load_workbook(io.BytesIO(content))

    def _assert_printable(self, book, report, lang="en_US"):
        title = self.env.ref(report).with_context(lang=lang).name
        assert_printable(self, book, title)
        return title

    def _counts(self, book, sheet_index):
        """Sent and returned of the first data row of the "Campaigns" / "Return rate"."""
        sheet = book.worksheets[sheet_index]
        return next(sheet.iter_rows(min_row=6, max_row=6, values_only=True))

    def test_workbooks_print_in_english(self):
        for report, record in ((CAMPAIGN_XLSX, self.campaign), (PLAN_XLSX, self.plan)):
            self._assert_printable(self._book(report, record), report)
        plan_book = self._book(PLAN_XLSX, self.plan)
        row = self._counts(plan_book, 0)
        self.assertEqual(row[:3], ("2026 Q1", 2, 1))
        self.assertTrue(all(isinstance(value, int) for value in row[1:3]), "counts, not 2.0")
        quarter = self._counts(plan_book, plan_book.sheetnames.index("Return rate"))
        self.assertIsInstance(quarter[1], int)

    def test_workbooks_print_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["qms_survey"], ["zh_CN"], overwrite=True)
        english = {
            CAMPAIGN_XLSX: [
                "Summary",
                "Customers",
                "Actions",
                "Trend",
                "Customer trend",
                "Return rate",
                "Conclusions",
            ],
            PLAN_XLSX: ["Campaigns", "Customer trend", "Return rate", "Actions"],
        }
        for report, record in ((CAMPAIGN_XLSX, self.campaign), (PLAN_XLSX, self.plan)):
            book = self._book(report, record, lang="zh_CN")
            title = self._assert_printable(book, report, lang="zh_CN")
            self.assertNotEqual(title, self.env.ref(report).name, "the name is translated")
            self.assertEqual(len(book.sheetnames), len(english[report]))
            for name, source in zip(book.sheetnames, english[report], strict=True):
                self.assertNotEqual(name, source, "sheet names in the reader's language")
