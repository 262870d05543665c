import io
import re
from datetime import date

import openpyxl

from odoo.tests import TransactionCase
from odoo.tools import format_date

from odoo.addons.qms_base.tests.xlsx_asserts import assert_printable

from .test_reports import REGISTER_REPORT, REPORT, ReportCase, zh_cn_translations

SIGNATURE_LABELS = ("Prepared by", "Approved by", "Customer acknowledgement")
ROW_RULE = ".o_qms_8d tr, .o_qms_8d .o_qms_8d_block { page-break-inside: avoid; }"
HEADER_RULE = ".o_qms_8d thead { display: table-header-group; }"


class TestComplaintReportLayout(ReportCase, TransactionCase):
    """The 8D PDF prints like a document to sign: rows whole on a page, table
    headers repeated, quantities in the product's unit, a signature block; the
    register prints landscape, one page wide, with its name and page numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def _render(self, complaints):
        html, _report_type = self.env["ir.actions.report"]._render_qweb_html(REPORT, complaints.ids)
        return html.decode()

    def _signatures(self, html):
        block = re.search(r'name="signatures".*?</table>', html, re.S)
        self.assertTrue(block, "the 8D report ends with a signature block")
        return block.group(0)

    def _cell(self, block, name):
        return re.search(rf'name="{name}">(.*?)</td>', block, re.S).group(1).strip()

    def test_8d_layout_english(self):
        html = self._render(self.complaint)
        self.assertIn(ROW_RULE, html, "a table row is never split over two pages")
        self.assertIn(HEADER_RULE, html, "table headers repeat on every page")
        # Quantities with the decimals of the product's unit and its name
        for text in ("12.00 Units", "4,000.00 Units", "150.00 Units", "3,250.00 Units"):
            self.assertIn(text, html)
        self.assertNotIn("12.0000", html)
        block = self._signatures(html)
        for label in SIGNATURE_LABELS:
            self.assertIn(label, block)
        self.assertEqual(self._cell(block, "prepared_by"), "Li Wei", "the engineer")
        self.assertEqual(self._cell(block, "approved_by"), "Zhao Lei", "the project owner")
        self.assertEqual(self._cell(block, "customer_ack"), "", "a line the customer signs")
        self.assertIn("04/03/2026", block, "the date the project owner confirmed")
        # Datetimes the customer reads have no seconds
        self.assertNotRegex(html, r"\d\d:\d\d:\d\d")

    def test_8d_lists_each_step_with_its_owner_and_dates(self):
        complaint = self.complaint
        complaint.action_confirm_defect()  # D0 done, D1 next
        complaint.action_next_step()  # D1 Team done (its leader is named)
        html = self._render(complaint)
        rows = re.findall(r'<tr class="o_qms_8d_step_row">(.*?)</tr>', html, re.S)
        self.assertEqual(len(rows), len(complaint.step_ids), "one row per 8D step")
        d1 = next(row for row in rows if "D1" in row)
        step_d1 = complaint.step_ids.filtered(lambda s: s.code == "d1")
        self.assertIn(step_d1.user_id.name, d1, "the step's owner")
        self.assertNotIn("Not yet done", d1, "D1 has its done date")
        d2 = next(row for row in rows if "D2" in row)
        self.assertIn("Not yet done", d2)

    def test_8d_quantity_follows_the_unit(self):
        kilogram = self.env.ref("uom.product_uom_kgm")
        kilogram.rounding = 0.001
        product = self.env["product.product"].create(
            {"name": "Resin R-2", "uom_id": kilogram.id, "uom_po_id": kilogram.id}
        )
        complaint = self.complaint.copy({"product_id": product.id, "lot_id": False})
        complaint.qty_defective = 12.5
        html = self._render(complaint)
        self.assertIn("12.500 kg", html)

    def test_8d_prints_the_free_text_product_and_lot(self):
        """Until quality matches them, the customer's own words are printed."""
        complaint = self.complaint.copy(
            {
                "product_id": False,
                "lot_id": False,
                "product_text": "Flange housing P/N 77-310",
                "lot_text": "B-2026-11",
            }
        )
        html = self._render(complaint)
        self.assertRegex(html, r"<th>Product</th>\s*<td>Flange housing P/N 77-310</td>")
        self.assertRegex(html, r"<th>Lot/Serial</th>\s*<td>B-2026-11</td>")

    def test_8d_layout_chinese(self):
        translations = zh_cn_translations()
        self.env["ir.module.module"]._load_module_terms(
            ["qms_complaint"], ["zh_CN"], overwrite=True
        )
        self.customer.lang = "zh_CN"
        self.complaint.contact_id = self.env["res.partner"].create(
            {"name": "刘洋", "parent_id": self.customer.id, "lang": "zh_CN"}
        )
        html = self._render(self.complaint)
        self.assertIn(ROW_RULE, html)
        block = self._signatures(html)
        for label in SIGNATURE_LABELS:
            self.assertTrue(translations.get(label), f"zh_CN.po does not translate {label!r}")
            self.assertIn(translations[label], block)
            self.assertNotIn(label, block)
        self.assertEqual(self._cell(block, "customer_ack"), "刘洋")
        zh_env = self.env(context=dict(self.env.context, lang="zh_CN"))
        self.assertIn(format_date(zh_env, date(2026, 4, 3)), block, "zh_CN date format")
        unit = self.product.uom_id.with_context(lang="zh_CN").name
        self.assertIn(f"12.00 {unit}", html)

    # ------------------------------------------------------------------
    def _register(self, lang):
        complaints = self.complaint.with_context(lang=lang)
        content, _report_type = complaints.env["ir.actions.report"]._render(
            REGISTER_REPORT, complaints.ids
        )
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_register_print_setup(self):
        title = self.env.ref(REGISTER_REPORT).name
        book = self._register("en_US")
        self.assertEqual(book.sheetnames, ["Register", "KPI"])
        assert_printable(self, book, title)
        kpi = book["KPI"]
        counts = [row[1] for row in kpi.iter_rows(min_row=7, max_row=7, values_only=True)]
        self.assertEqual(counts, [1])
        self.assertIsInstance(counts[0], int, "a count is an integer, not 1.0")

    def test_register_chinese(self):
        translations = zh_cn_translations()
        self.env["ir.module.module"]._load_module_terms(
            ["qms_complaint"], ["zh_CN"], overwrite=True
        )
        book = self._register("zh_CN")
        self.assertEqual(book.sheetnames, [translations["Register"], translations["KPI"]])
        title = self.env.ref(REGISTER_REPORT).with_context(lang="zh_CN").name
        self.assertNotEqual(title, self.env.ref(REGISTER_REPORT).name, "translated")
        assert_printable(self, book, title)
