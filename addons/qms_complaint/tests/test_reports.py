import ast
import io
import json
import os
from datetime import date, datetime, timedelta

import openpyxl
import polib
import pytz
from freezegun import freeze_time

from odoo import fields, http
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .common import send_8d_report

REPORT = "qms_complaint.action_report_qms_complaint_8d"
REGISTER_REPORT = "qms_complaint.action_report_qms_complaint_register_xlsx"
REGISTER_URL = "/report/xlsx/qms_complaint.complaint_register_xlsx"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHANGHAI = pytz.timezone("Asia/Shanghai")
REGISTER_HEADERS = [
    "Number",
    "Received on",
    "Type",
    "Channel",
    "Customer",
    "Product",
    "Lot/Serial",
    "Defective",
    "Delivered",
    "PPM",
    "Category",
    "Severity",
    "Severe",
    "Status",
    "8D step",
    "8D report due",
    "8D report sent",
    "On time",
    "Closed on",
]
HEADER_ROW = 5  # title, 2 subtitles, a blank row, then the header (1-based rows)
# Labels of the 8D report the zh_CN translation must cover (see test_8d_report_po_zh_cn).
PO_LABELS = [
    "8D Report",
    "Customer reference",
    "Root cause (occurrence)",
    "Root cause (non-detection)",
    "D3 Containment",
    "D8 Closure and recognition",
    "Lessons learned",
]


def local(value):
    """A naive UTC datetime as the Beijing wall-clock time (naive), as in the register."""
    return pytz.utc.localize(value).astimezone(SHANGHAI).replace(tzinfo=None)


def zh_cn_translations():
    """msgid → msgstr of the module's zh_CN.po, None while the file does not exist."""
    path = os.path.join(get_module_path("qms_complaint"), "i18n", "zh_CN.po")
    if not os.path.isfile(path):
        return None
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(path)
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


class ReportCase:
    """A customer, a lot-tracked product and a complaint with every 8D section filled."""

    @classmethod
    def _setup_report_data(cls):
        # English unless a test says otherwise, whatever languages the database has
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, tz="Asia/Shanghai", lang="en_US")
        )
        cls.engineer = new_test_user(
            cls.env, login="rep_engineer", name="Li Wei", groups="qms_base.group_qms_user"
        )
        cls.leader = new_test_user(
            cls.env, login="rep_leader", name="Zhang Min", groups="qms_base.group_qms_user"
        )
        cls.member = new_test_user(
            cls.env, login="rep_member", name="Wang Fang", groups="qms_base.group_qms_user"
        )
        cls.auditor = new_test_user(
            cls.env, login="rep_auditor", name="Chen Jie", groups="qms_base.group_qms_user"
        )
        cls.owner = new_test_user(
            cls.env, login="rep_owner", name="Zhao Lei", groups="qms_base.group_qms_manager"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Shenzhen Auto Parts Co.", "is_company": True, "lang": "en_US"}
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Ningbo Brakes Ltd.", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Housing H-100",
                "default_code": "H-100",
                "is_storable": True,
                "tracking": "lot",
            }
        )
        cls.other_product = cls.env["product.product"].create(
            {"name": "Bracket B-7", "default_code": "B-7", "is_storable": True}
        )
        cls.lot = cls.env["stock.lot"].create({"name": "LOT-2611", "product_id": cls.product.id})
        cls.category = cls.env.ref("qms_complaint.category_quality")
        cls.complaint = cls.env["qms.complaint"].create(
            {
                "title": "Scratches on the housing",
                "partner_id": cls.customer.id,
                "customer_ref": "NCR-4711",
                "date_received": datetime(2026, 3, 2, 1, 30),
                "product_id": cls.product.id,
                "lot_id": cls.lot.id,
                "category_id": cls.category.id,
                "user_id": cls.engineer.id,
                "qty_defective": 12,
                "qty_delivered": 4000,
                "team_leader_id": cls.leader.id,
                "team_member_ids": [fields.Command.set((cls.leader | cls.member).ids)],
                "d2_what": "Deep scratches on the sealing face",
                "d2_why": "Leaks at the customer's end-of-line test",
                "d2_where": "Customer assembly line 3",
                "d2_when": "Since week 9",
                "d2_who": "Customer incoming inspection",
                "d2_how": "Visual check and leak test",
                "d2_how_many": "12 of 4000",
                "qty_wip": 150,
                "qty_transit": 600,
                "qty_customer": 3250,
                "containment_note": "All suspect parts sorted 100 %",
                "root_cause_occurrence": "Worn gripper jaw scratches the sealing face",
                "root_cause_escape": "The vision camera does not see the sealing face",
                "why_1": "The gripper jaw touched the sealing face",
                "why_2": "The jaw pad was worn out",
                "fishbone_machine": "Gripper pads without a replacement interval",
                "lessons_learned": "<p>Grippers on sealing faces need a pad wear check.</p>",
                "update_fmea": True,
                "update_control_plan": True,
                "training_note": "Operators of line 2 trained on the pad check",
                "auditor_id": cls.auditor.id,
                "project_owner_id": cls.owner.id,
                "recognition": "Thanks to the line 2 team",
            }
        )
        with freeze_time("2026-03-05 02:00:00"):
            cls.action = cls.complaint._qms_capa_create(
                [
                    {
                        "title": "Replace the gripper pads every 20000 cycles",
                        "kind": "corrective",
                        "user_id": cls.leader.id,
                        "date_deadline": date(2026, 3, 20),
                        "result": "Pads replaced, no scratch since",
                    }
                ]
            )
        cls.env["qms.complaint.verification"].create(
            {
                "complaint_id": cls.complaint.id,
                "date": date(2026, 3, 25),
                "user_id": cls.auditor.id,
                "checked": "500 housings of lot LOT-2700",
                "qty_checked": 500,
                "result": "pass",
            }
        )
        # The fixture sets the confirmations as the action methods would.
        cls.complaint._qms_workflow_write(
            {
                "date_auditor_confirmed": datetime(2026, 4, 2, 2, 0),
                "date_owner_confirmed": datetime(2026, 4, 3, 6, 0),
            }
        )


class TestComplaint8DReport(ReportCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.document = cls.env.ref("qms_complaint.report_qms_complaint_8d_document")

    def _render(self, complaints, env=None):
        html, report_type = (env or self.env)["ir.actions.report"]._render_qweb_html(
            REPORT, complaints.ids
        )
        self.assertEqual(report_type, "html")
        return html.decode()

    def test_unconfirmed_effects_say_so(self):
        """D8 names who confirmed the effect only once they did: before, the customer
        reads "Not yet confirmed", not the auditor's name as if it were done."""
        self.complaint._qms_workflow_write(
            {"date_auditor_confirmed": False, "date_owner_confirmed": False}
        )
        html = self._render(self.complaint)
        d8 = html[html.index("D8 Closure and recognition") :]
        d8 = d8[: d8.index("</table>")]
        self.assertEqual(d8.count("Not yet confirmed"), 2)
        self.assertNotIn(self.auditor.name, d8)
        self.complaint._qms_workflow_write({"date_auditor_confirmed": datetime(2026, 4, 2, 2, 0)})
        d8 = self._render(self.complaint)
        d8 = d8[d8.index("D8 Closure and recognition") :]
        d8 = d8[: d8.index("</table>")]
        self.assertEqual(d8.count("Not yet confirmed"), 1)
        self.assertIn(self.auditor.name, d8)

    def test_report_action(self):
        report = self.env.ref(REPORT)
        self.assertEqual(report.model, "qms.complaint")
        self.assertEqual(report.report_type, "qweb-pdf")
        self.assertEqual(report.report_name, "qms_complaint.report_qms_complaint_8d")
        self.assertEqual(report.binding_model_id.model, "qms.complaint")
        self.assertEqual(report._get_report_from_name(report.report_name), report)
        self.assertEqual(self.complaint._get_report_base_filename(), f"8D-{self.complaint.name}")

    def test_8d_report_english(self):
        html = self._render(self.complaint)
        complaint = self.complaint
        for text in (
            # header block
            "8D Report",
            complaint.name,
            "Shenzhen Auto Parts Co.",
            "NCR-4711",
            "[H-100] Housing H-100",
            "LOT-2611",
            "03/02/2026",
            "0.30 % (3000 ppm)",
            # D1 and D2
            "Zhang Min, Wang Fang",
            "Deep scratches on the sealing face",
            "12 of 4000",
            # D3
            "Suspect WIP isolated",
            "All suspect parts sorted 100 %",
            # D4: root causes, the filled whys and fishbone branch
            "Root cause (occurrence)",
            "Worn gripper jaw scratches the sealing face",
            "The vision camera does not see the sealing face",
            "The jaw pad was worn out",
            "Gripper pads without a replacement interval",
            # D5, D6
            "Long-term (corrective)",
            "Replace the gripper pads every 20000 cycles",
            "Pads replaced, no scratch since",
            "500 housings of lot LOT-2700",
            # D7, D8
            "Grippers on sealing faces need a pad wear check.",
            "Operators of line 2 trained on the pad check",
            "Chen Jie",
            "Zhao Lei",
            # CJK fonts for the PDF
            '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",',
            '"Microsoft YaHei"',
        ):
            self.assertIn(text, html)
        # An empty value keeps its cell: the header table stays aligned
        self.assertRegex(html, r"<th>Defect type</th>\s*<td>\s*</td>")
        # Fishbone branches left empty are not printed
        self.assertNotIn(">Material<", html)
        self.assertIn(">Machine<", html)

    def test_8d_report_follows_customer_language(self):
        """The labels follow the customer's language, not the user's."""
        self.document.update_field_translations(
            "arch_db", {"zh_CN": {"Root cause (occurrence)": "根本原因（发生）"}}
        )
        html_en = self._render(
            self.complaint, self.env(context=dict(self.env.context, lang="zh_CN"))
        )
        self.assertIn("Root cause (occurrence)", html_en)
        self.assertNotIn("根本原因（发生）", html_en)

        self.customer.lang = "zh_CN"
        html_zh = self._render(self.complaint)
        self.assertIn("根本原因（发生）", html_zh)
        self.assertNotIn("Root cause (occurrence)", html_zh)
        self.assertIn(self.complaint.name, html_zh)
        self.assertIn("Worn gripper jaw scratches the sealing face", html_zh)

    def test_8d_report_po_zh_cn(self):
        """With the module's zh_CN.po loaded, the report's labels are Chinese."""
        translations = zh_cn_translations()
        if translations is None:
            self.skipTest("qms_complaint/i18n/zh_CN.po is not written yet")
        self.env["ir.module.module"]._load_module_terms(
            ["qms_complaint"], ["zh_CN"], overwrite=True
        )
        self.customer.lang = "zh_CN"
        html = self._render(self.complaint)
        for label in PO_LABELS:
            self.assertTrue(translations.get(label), f"zh_CN.po does not translate {label!r}")
            self.assertIn(translations[label], html)
        for label in ("Root cause (occurrence)", "Root cause (non-detection)", "Lessons learned"):
            self.assertNotIn(label, html)
        self.assertIn(self.complaint.name, html)
        self.assertIn("Worn gripper jaw scratches the sealing face", html)

    def test_8d_report_pdf(self):
        """The real PDF, in Chinese, with a CJK font embedded."""
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() in ("install", "broken"):
            self.skipTest("wkhtmltopdf is not installed")
        self.document.update_field_translations(
            "arch_db", {"zh_CN": {"Root cause (occurrence)": "根本原因（发生）"}}
        )
        self.customer.lang = "zh_CN"
        pdf, report_type = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            REPORT, self.complaint.ids
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn(b"NotoSansCJK", pdf, "No CJK font embedded: install fonts-noto-cjk")


class TestComplaintRegister(ReportCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()
        Complaint = cls.env["qms.complaint"]
        # The same customer and product two weeks later: a repeat, nothing delivered known
        cls.repeat = Complaint.create(
            {
                "title": "Scratches again",
                "partner_id": cls.customer.id,
                "date_received": datetime(2026, 3, 16, 2, 0),
                "product_id": cls.product.id,
                "qty_defective": 0,
                "qty_delivered": 6000,
                "user_id": cls.engineer.id,
            }
        )
        cls.consultation = Complaint.create(
            {
                "title": "Which grease for B-7?",
                "feedback_type": "consultation",
                "channel": "email",
                "partner_id": cls.other_customer.id,
                "date_received": datetime(2026, 4, 1, 8, 0),
                "product_id": cls.other_product.id,
            }
        )
        cls.complaint.action_confirm_defect()  # 8D starts: D0 done, D1 is next
        send_8d_report(cls.complaint)  # months after its due date: late
        cls.fresh = Complaint.create(
            {
                "title": "Bracket bent",
                "partner_id": cls.other_customer.id,
                "date_received": fields.Datetime.now() - timedelta(minutes=5),
                "product_id": cls.other_product.id,
                "qty_defective": 3,
                "qty_delivered": 1000,
                "severity": "minor",
                "user_id": cls.engineer.id,
            }
        )
        cls.fresh.action_confirm_defect()
        # The report is offered once D4 and D5 are filled.
        cls.fresh.write(
            {"root_cause_occurrence": "Bent in the press", "root_cause_escape": "No check"}
        )
        cls.fresh._qms_capa_create(
            [
                {
                    "title": "Check the bracket angle",
                    "kind": "corrective",
                    "user_id": cls.engineer.id,
                    "date_deadline": fields.Date.today() + timedelta(days=10),
                }
            ]
        )
        send_8d_report(cls.fresh)  # within its 3 working days: on time
        cls.consultation.action_answer()

    def _workbook(self, complaints):
        content, report_type = complaints.env["ir.actions.report"]._render(
            REGISTER_REPORT, complaints.ids
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
        return openpyxl.load_workbook(io.BytesIO(content))

    def _report_deadline(self, complaint):
        return complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "report_8d")

    def test_register_rows(self):
        order = self.fresh | self.complaint | self.consultation | self.repeat
        workbook = self._workbook(order)
        self.assertEqual(workbook.sheetnames, ["Register", "KPI"])
        sheet = workbook["Register"]
        self.assertEqual(sheet["A1"].value, "Complaint register")
        self.assertEqual([cell.value for cell in sheet[HEADER_ROW]], REGISTER_HEADERS)
        rows = [
            dict(zip(REGISTER_HEADERS, [cell.value for cell in row], strict=True))
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1)
        ]
        self.assertEqual([row["Number"] for row in rows], order.mapped("name"))
        fresh, complaint, consultation, repeat = rows

        deadline = self._report_deadline(self.complaint)
        self.assertEqual(
            complaint,
            {
                "Number": self.complaint.name,
                "Received on": datetime(2026, 3, 2, 9, 30),
                "Type": "Complaint",
                "Channel": "Phone / hotline",
                "Customer": "Shenzhen Auto Parts Co.",
                "Product": "[H-100] Housing H-100",
                "Lot/Serial": "LOT-2611",
                "Defective": 12,
                "Delivered": 4000,
                "PPM": 3000,
                "Category": self.category.name,
                "Severity": "Major",
                "Severe": "Yes" if self.complaint.is_severe else "No",
                "Status": "8D in progress",
                "8D step": "D1 Team",
                "8D report due": local(deadline.due).replace(microsecond=0),
                "8D report sent": local(self.complaint.date_report_sent).replace(microsecond=0),
                "On time": "No",
                "Closed on": None,
            },
        )
        self.assertEqual(fresh["On time"], "Yes")
        self.assertEqual(fresh["Severity"], "Minor")
        self.assertEqual(fresh["PPM"], 3000)
        self.assertEqual(repeat["PPM"], 0)
        self.assertEqual(repeat["Status"], "Received")
        self.assertIsNone(repeat["8D step"])
        self.assertIsNone(repeat["8D report sent"])
        # Received in March, due in March, still not sent: late already
        self.assertEqual(repeat["On time"], "No")
        self.assertEqual(consultation["Type"], "Consultation")
        self.assertEqual(consultation["Channel"], "Email")
        self.assertEqual(consultation["Status"], "Closed")
        self.assertIsNone(consultation["8D report due"])
        self.assertIsNone(consultation["Lot/Serial"])
        self.assertEqual(
            consultation["Closed on"], local(self.consultation.date_closed).replace(microsecond=0)
        )
        self.assertEqual(sheet.auto_filter.ref, f"A{HEADER_ROW}:S{HEADER_ROW + 4}")

    def test_register_kpi_sheet(self):
        complaints = self.fresh | self.complaint | self.consultation | self.repeat
        sheet = self._workbook(complaints)["KPI"]
        self.assertEqual(sheet["A1"].value, "Complaint KPIs per month")
        header = [cell.value for cell in sheet[HEADER_ROW + 1]]  # one more subtitle
        self.assertEqual(
            header,
            [
                "Month",
                "Complaints",
                "Defective",
                "Delivered",
                "PPM",
                "Repeat",
                "Repeat rate",
                "Severe",
            ],
        )
        month_now = fields.Datetime.context_timestamp(self.fresh, self.fresh.date_received)
        months = {
            row[0].value: [cell.value for cell in row[1:7]]
            for row in sheet.iter_rows(min_row=HEADER_ROW + 2, max_row=HEADER_ROW + 3)
        }
        # March: 12 defective of 4000, then 0 of 6000: 12 / 10000 = 1200 ppm, not the
        # average of 3000 and 0 ppm. The consultation (April) is not a complaint.
        self.assertEqual(
            months,
            {
                "2026-03": [2, 12, 10000, 1200, 1, 0.5],
                month_now.strftime("%Y-%m"): [1, 3, 1000, 3000, 0, 0],
            },
        )
        self.assertIsNone(sheet.cell(HEADER_ROW + 4, 1).value)
        self.assertEqual(len(sheet._charts), 1)

        title_row = HEADER_ROW + 6
        self.assertEqual(sheet.cell(title_row, 1).value, "Per customer and product")
        table = [
            [cell.value for cell in row][:6]
            for row in sheet.iter_rows(min_row=title_row + 1, max_row=title_row + 3)
        ]
        self.assertEqual(
            table,
            [
                ["Customer", "Product", "Complaints", "Defective", "Delivered", "PPM"],
                ["Shenzhen Auto Parts Co.", "[H-100] Housing H-100", 2, 12, 10000, 1200],
                ["Ningbo Brakes Ltd.", "[B-7] Bracket B-7", 1, 3, 1000, 3000],
            ],
        )

    def test_register_headers_zh_cn(self):
        """A zh_CN user gets the headers the module's zh_CN.po gives."""
        translations = zh_cn_translations()
        if translations is None:
            self.skipTest("qms_complaint/i18n/zh_CN.po is not written yet")
        self.env["res.lang"]._activate_lang("zh_CN")
        complaints = self.complaint.with_context(lang="zh_CN")
        workbook = self._workbook(complaints)
        # The sheet names are the reader's language too
        self.assertEqual(
            workbook.sheetnames, [translations.get(name, name) for name in ("Register", "KPI")]
        )
        sheet = workbook.worksheets[0]
        expected = [translations.get(header, header) for header in REGISTER_HEADERS]
        self.assertEqual([cell.value for cell in sheet[HEADER_ROW]], expected)
        for header in ("Number", "Customer", "Product", "On time"):
            self.assertTrue(translations.get(header), f"zh_CN.po does not translate {header!r}")

    def test_kpi_actions(self):
        """The pivot's PPM of a group is its total defective / total delivered, as in
        the KPI sheet (its help says so); the deadline KPI gives the on-time rate and
        the working hours per kind of deadline."""
        action = self.env.ref("qms_complaint.qms_complaint_kpi_action")
        self.assertEqual(action.res_model, "qms.complaint")
        self.assertIn("KPI sheet", str(action.help))
        groups = self.env["qms.complaint"].read_group(
            [("id", "in", (self.complaint | self.repeat).ids)],
            ["defect_ppm", "qty_defective", "qty_delivered"],
            ["commercial_partner_id"],
        )
        self.assertEqual(len(groups), 1)
        # 12 / 10,000 × 10⁶, not the average (3000 + 0) / 2 of the two complaints' PPM
        self.assertEqual(groups[0]["defect_ppm"], 1200)
        self.assertEqual(groups[0]["qty_defective"], 12)
        self.assertEqual(groups[0]["qty_delivered"], 10000)

        deadline_action = self.env.ref("qms_complaint.qms_complaint_deadline_kpi_action")
        domain = ast.literal_eval(deadline_action.domain)
        groups = self.env["qms.deadline"].read_group(
            [*domain, ("res_id", "in", (self.complaint | self.fresh).ids)],
            ["on_time_rate", "working_hours_taken"],
            ["kind_id"],
        )
        report_kind = self.env.ref("qms_complaint.deadline_kind_report_8d")
        self.assertEqual([group["kind_id"][0] for group in groups], [report_kind.id])
        self.assertEqual(groups[0]["kind_id_count"], 2)
        self.assertEqual(groups[0]["on_time_rate"], 50)  # one late, one on time
        taken = (
            (self.complaint | self.fresh)
            .qms_deadline_ids.filtered(lambda d: d.kind_id == report_kind)
            .mapped("working_hours_taken")
        )
        # A mean of the working hours of the two (a deadline done in zero working hours,
        # e.g. over a weekend, is stored as NULL by qms_base and left out of the mean)
        self.assertGreater(groups[0]["working_hours_taken"], 0)
        self.assertLessEqual(groups[0]["working_hours_taken"], max(taken))

        menus = self.env["ir.ui.menu"].search(
            [("parent_id", "=", self.env.ref("qms_base.qms_menu_reporting").id)]
        )
        self.assertTrue(
            {
                "qms_complaint.qms_complaint_kpi_menu",
                "qms_complaint.qms_complaint_deadline_kpi_menu",
                "qms_complaint.qms_complaint_register_xlsx_menu",
            }
            <= set(menus.get_external_id().values())
        )

    def test_register_report_action(self):
        """The register is an XLSX report of the Print menu, for quality users only;
        the Reporting menu prints it over every complaint the user can read."""
        report = self.env.ref(REGISTER_REPORT)
        self.assertEqual(report.report_type, "xlsx")
        self.assertEqual(report.model, "qms.complaint")
        self.assertEqual(report.binding_model_id.model, "qms.complaint")
        self.assertEqual(report.binding_type, "report")
        self.assertEqual(report._get_report_from_name(report.report_name), report)
        Actions = self.env["ir.actions.actions"]
        prints = Actions.with_user(self.engineer).get_bindings("qms.complaint")["report"]
        self.assertIn(report.id, [action["id"] for action in prints])
        sales = new_test_user(self.env, login="rep_sales_only", groups="base.group_user")
        prints = Actions.with_user(sales).get_bindings("qms.complaint").get("report", [])
        self.assertNotIn(report.id, [action["id"] for action in prints])

        menu_action = self.env.ref("qms_complaint.qms_complaint_register_xlsx_menu").action
        result = menu_action.with_user(self.engineer).with_context(lang="en_US").run()
        self.assertEqual(result["type"], "ir.actions.report")
        self.assertEqual(result["report_name"], "qms_complaint.complaint_register_xlsx")
        self.assertEqual(result["report_type"], "xlsx")
        readable = self.env["qms.complaint"].with_user(self.engineer).search([])
        self.assertEqual(result["context"]["active_ids"], readable.ids)
        self.assertIn(self.complaint.id, result["context"]["active_ids"])


@tagged("post_install", "-at_install")
class TestComplaintRegisterPrint(ReportCase, HttpCase):
    """The register downloaded as the Print menu does: over HTTP, as the user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()
        cls.other_company = cls.env["res.company"].create({"name": "Other Plant"})
        cls.foreign = (
            cls.env["qms.complaint"]
            .with_company(cls.other_company)
            .create(
                {
                    "title": "Not for the first plant",
                    "partner_id": cls.other_customer.id,
                    "company_id": cls.other_company.id,
                }
            )
        )
        cls.second = cls.env["qms.complaint"].create(
            {"title": "Bracket bent", "partner_id": cls.other_customer.id}
        )
        new_test_user(cls.env, login="rep_sales", name="Sales Only", groups="base.group_user")
        portal = new_test_user(cls.env, login="rep_portal", groups="base.group_portal")
        portal.partner_id.parent_id = cls.customer

    def _get(self, complaints_ids):
        ids = ",".join(str(i) for i in complaints_ids)
        return self.url_open(f"{REGISTER_URL}/{ids}", allow_redirects=False)

    def _register(self, response):
        return openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]

    def _numbers(self, response):
        sheet = self._register(response)
        return [row[0].value for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]

    def test_print_menu_download(self):
        """What the Print menu's "Complaint Register (XLSX)" does in the browser:
        /report/download of the report URL, a named .xlsx attachment."""
        self.authenticate("rep_engineer", "rep_engineer")
        url = f"{REGISTER_URL}/{self.second.id},{self.complaint.id}"
        context = json.dumps({"lang": "en_US", "tz": "Asia/Shanghai"})
        response = self.url_open(
            "/report/download",
            data={
                "data": json.dumps([f"{url}?context={context}", "xlsx"]),
                "context": context,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_MIMETYPE)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn(".xlsx", response.headers["Content-Disposition"])
        sheet = self._register(response)
        self.assertEqual(sheet.title, "Register")
        self.assertEqual(sheet["A1"].value, "Complaint register")
        self.assertEqual(sheet["A2"].value, self.env.company.name)
        self.assertTrue(sheet["A3"].value.startswith("2 records, printed on"))
        self.assertIn("Li Wei", sheet["A3"].value)
        self.assertEqual([cell.value for cell in sheet[HEADER_ROW]], REGISTER_HEADERS)
        self.assertEqual(self._numbers(response), [self.second.name, self.complaint.name])
        first = [cell.value for cell in sheet[HEADER_ROW + 1]]
        self.assertEqual(first[4], "Ningbo Brakes Ltd.")

    def test_selected_ids_in_order(self):
        self.authenticate("rep_engineer", "rep_engineer")
        response = self._get([self.second.id, self.complaint.id])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_MIMETYPE)
        self.assertEqual(self._numbers(response), [self.second.name, self.complaint.name])
        sheet = self._register(response)
        self.assertEqual(sheet["A1"].value, "Complaint register")
        self.assertEqual([cell.value for cell in sheet[HEADER_ROW]], REGISTER_HEADERS)

    def test_all_readable(self):
        """The Reporting menu's register: every complaint the user can read."""
        self.authenticate("rep_engineer", "rep_engineer")
        menu_action = self.env.ref("qms_complaint.qms_complaint_register_xlsx_menu").action
        readable = self.env["qms.complaint"].with_user(self.engineer).search([])
        ids = menu_action.with_user(self.engineer).run()["context"]["active_ids"]
        self.assertEqual(ids, readable.ids)
        numbers = self._numbers(self._get(ids))
        self.assertEqual(numbers, readable.mapped("name"))
        self.assertIn(self.complaint.name, numbers)
        self.assertNotIn(self.foreign.name, numbers)

    def test_other_company_no_data(self):
        self.authenticate("rep_engineer", "rep_engineer")
        response = self._get([self.complaint.id, self.foreign.id])
        self.assertEqual(response.status_code, 403)
        self.assertFalse(response.content.startswith(b"PK"))
        self.assertNotIn(self.foreign.name.encode(), response.content)

    def test_no_qms_rights_no_data(self):
        for login in ("rep_sales", "rep_portal"):
            self.authenticate(login, login)
            response = self._get([self.complaint.id])
            self.assertEqual(response.status_code, 403, login)
            self.assertFalse(response.content.startswith(b"PK"), login)
            self.assertNotIn(self.complaint.name.encode(), response.content, login)

    def test_anonymous_redirected_to_login(self):
        response = self._get([self.complaint.id])
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
