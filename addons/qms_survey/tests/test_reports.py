import io
import shutil
import zipfile

import openpyxl

from odoo.exceptions import UserError

from .common import SurveyCase, cst

REPORT = "qms_survey.action_report_campaign_summary"
CAMPAIGN_XLSX = "qms_survey.action_report_campaign_summary_xlsx"
PLAN_XLSX = "qms_survey.action_report_plan_summary_xlsx"


class TestReports(SurveyCase):
    def setUp(self):
        super().setUp()
        self.q1 = self._sent_campaign("2026 Q1", cst(2026, 3, 2, 9, 0), "Average")
        self.q2 = self._sent_campaign("2026 Q2", cst(2026, 4, 1, 9, 0), "Satisfied")

    def _sent_campaign(self, title, at, label):
        campaign = self._campaign(title=title, date_send=at, company_id=self.fresh_company.id)
        invitation_a, _invitation_b = self._send(campaign, at=at)
        self._answer(invitation_a, self._all(label), at=at.replace(hour=at.hour + 1))
        return campaign

    def _xlsx(self, report, records, lang=None):
        reports = self.env["ir.actions.report"].with_context(lang=lang or self.env.lang)
        content, report_type = reports._render(report, records.ids)
        self.assertEqual(report_type, "xlsx")
        return content

    def test_xlsx_has_the_analysis_sheets_and_charts(self):
        content = self._xlsx(CAMPAIGN_XLSX, self.q2)
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            book.sheetnames,
            [
                "Summary",
                "Customers",
                "Actions",
                "Trend",
                "Customer trend",
                "Return rate",
                "Conclusions",
            ],
        )
        trend = [row for row in book["Trend"].iter_rows(min_row=6, values_only=True) if row[0]]
        self.assertEqual([row[0] for row in trend], ["2026 Q1", "2026 Q2"])
        self.assertAlmostEqual(trend[0][1], 60.0)
        self.assertAlmostEqual(trend[1][1], 80.0)
        customers = [
            row for row in book["Customers"].iter_rows(min_row=6, values_only=True) if row[0]
        ]
        self.assertIn(("Shanghai Motors", "Li Na"), [row[:2] for row in customers])
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        self.assertEqual(len(charts), 3, "trend, per-customer trend and return rate charts")

    def test_xlsx_reports_in_the_print_menu(self):
        """Both workbooks are XLSX reports of their form's Print menu and buttons, one
        record at a time; the summary writes its counts as integers."""
        for xmlid, model, view in (
            (CAMPAIGN_XLSX, "qms.survey.campaign", "qms_survey.qms_survey_campaign_view_form"),
            (PLAN_XLSX, "qms.survey.plan", "qms_survey.qms_survey_plan_view_form"),
        ):
            report = self.env.ref(xmlid)
            self.assertEqual(report.report_type, "xlsx")
            self.assertEqual(report.binding_model_id.model, model)
            self.assertEqual(report.binding_type, "report")
            bindings = self.env["ir.actions.actions"].get_bindings(model)["report"]
            self.assertIn(report.id, [action["id"] for action in bindings])
            arch = self.env.ref(view).arch
            self.assertIn(f'name="{report.id}" type="action"', arch)
        with self.assertRaises(UserError):
            self._xlsx(CAMPAIGN_XLSX, self.q1 | self.q2)
        summary = openpyxl.load_workbook(io.BytesIO(self._xlsx(CAMPAIGN_XLSX, self.q2)))["Summary"]
        values = {
            row[0].value: (row[1].value, row[1].number_format)
            for row in summary.iter_rows(min_row=6)
        }
        self.assertEqual(values["Sent"], (2, "0"))
        self.assertEqual(values["Returned in time"], (1, "0"))
        self.assertEqual(values["Return rate (%)"], (50.0, "0.00"))

    def test_pdf_summary_renders(self):
        html = self.env["ir.actions.report"]._render_qweb_html(REPORT, self.q2.ids)[0].decode()
        self.assertIn("Customer satisfaction survey summary analysis report", html)
        self.assertIn("50.0", html, "the return rate")
        self.assertIn("Shanghai Motors", html)
        self.assertIn("2026 Q1", html, "the trend")
        if shutil.which("wkhtmltopdf"):
            Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
            pdf = Report._render_qweb_pdf(REPORT, self.q2.ids)[0]
            self.assertTrue(pdf.startswith(b"%PDF"))

    def test_reports_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["qms_survey"], ["zh_CN"], overwrite=True)
        # the reader's language, not the company's (English here)
        reports = self.env["ir.actions.report"].with_context(lang="zh_CN")
        html = reports._render_qweb_html(REPORT, self.q2.ids)[0].decode()
        self.assertIn("客户满意度调查汇总分析报告", html)
        self.assertIn("回收率", html)
        content = self._xlsx(CAMPAIGN_XLSX, self.q2, lang="zh_CN")
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames[:2], ["汇总", "客户"])
        self.assertEqual(book["汇总"]["A1"].value, "客户满意度调查汇总分析")
        # a reader in English gets English, whatever the company's language
        self.fresh_company.partner_id.lang = "zh_CN"
        english = self.env["ir.actions.report"].with_context(lang="en_US")
        self.assertIn("Return rate", english._render_qweb_html(REPORT, self.q2.ids)[0].decode())
        book = openpyxl.load_workbook(io.BytesIO(self._xlsx(CAMPAIGN_XLSX, self.q2, "en_US")))
        self.assertEqual(book.sheetnames[:2], ["Summary", "Customers"])

    def test_annual_report_for_the_management_review(self):
        plan = self.env["qms.survey.plan"].create(
            {
                "title": "2026 plan",
                "year": 2026,
                "company_id": self.fresh_company.id,
                "survey_id": self.survey.id,
                "partner_ids": [(6, 0, (self.customer_a | self.customer_b).ids)],
            }
        )
        # counted in the plan as if planned before it was sent (the form fixes it once sent)
        (self.q1 | self.q2)._qms_workflow_write({"plan_id": plan.id})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("qms_survey.action_report_plan_summary", plan.ids)[0]
            .decode()
        )
        self.assertIn("Customer satisfaction survey summary analysis report", html)
        self.assertIn("Q1 2026", html)
        self.assertIn("Shanghai Motors", html)
        content = self._xlsx(PLAN_XLSX, plan)
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Campaigns", "Customer trend", "Return rate", "Actions"])
        rows = [r for r in book["Campaigns"].iter_rows(min_row=6, values_only=True) if r[0]]
        self.assertEqual([(r[0], r[4]) for r in rows], [("2026 Q1", 60.0), ("2026 Q2", 80.0)])
        customers = [
            r for r in book["Customer trend"].iter_rows(min_row=6, values_only=True) if r[0]
        ]
        self.assertEqual(customers, [("Ningbo Parts", None, None), ("Shanghai Motors", 60.0, 80.0)])
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        self.assertEqual(len(charts), 3)
