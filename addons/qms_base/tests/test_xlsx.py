import io
from datetime import date

import openpyxl

from odoo.tests import TransactionCase

from ..tools.xlsx import Cell, Column, XlsxBook, text_lines, valid_sheet_name


class TestXlsx(TransactionCase):
    def test_house_style_table_and_chart(self):
        book = XlsxBook()
        rows = [
            {"month": "2026-01", "count": 4, "rate": 0.5, "day": date(2026, 1, 31)},
            {"month": "2026-02", "count": 7, "rate": 0.75, "day": date(2026, 2, 28)},
        ]
        sheet = book.add_table(
            "投诉登记",
            "客户投诉登记表",
            ["YourCompany", "2026"],
            [
                Column("月份", "month"),
                Column("数量", "count", "int"),
                Column("及时率", "rate", "percent"),
                Column("日期", "day", "date"),
            ],
            rows,
        )
        self.assertIsNotNone(book.add_chart(sheet, "line", "趋势", "month", ["count"]))
        workbook = openpyxl.load_workbook(io.BytesIO(book.close()))
        sheet = workbook["投诉登记"]
        self.assertEqual(sheet["A1"].value, "客户投诉登记表")
        self.assertEqual([c.value for c in sheet[5]], ["月份", "数量", "及时率", "日期"])
        self.assertEqual(sheet["B7"].value, 7)
        self.assertEqual(sheet["C7"].number_format, "0.0%")
        self.assertEqual(sheet.freeze_panes, "A6")
        self.assertEqual(sheet.auto_filter.ref, "A5:D7")
        self.assertEqual(len(sheet._charts), 1)

    def test_print_setup_and_second_table(self):
        """Every sheet prints A4 landscape, one page wide, its header row on every page;
        the title and a wrapped header get the height their text needs."""
        book = XlsxBook()
        sheet = book.add_table(
            "KPI",
            "Indicators",
            ["YourCompany"],
            [Column("Indicator", "label", width=20), Column("Value of the indicator", "value")],
            [
                {"label": "Sent", "value": Cell(12.0, "int")},
                {"label": "Return rate (%)", "value": Cell(62.5, "float")},
            ],
        )
        header_row = book.add_table_below(
            sheet,
            "Per customer",
            [Column("Customer", "name"), Column("Count", "count", "int")],
            [("Ningbo Parts", 3)],
        )
        self.assertEqual(header_row, 9)  # 2 blank rows, the title, then the header (0-based)
        sheet = openpyxl.load_workbook(io.BytesIO(book.close()))["KPI"]
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        self.assertEqual(sheet.page_setup.paperSize, 9)  # A4
        self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(sheet.page_setup.fitToHeight, 0)  # one page wide, as long as needed
        self.assertEqual(sheet.print_title_rows, "$4:$4")
        self.assertEqual(sheet.freeze_panes, "A5")
        # Counts are integers, rates keep their decimals, in one column
        self.assertEqual((sheet["B5"].value, sheet["B5"].number_format), (12, "0"))
        self.assertIsInstance(sheet["B5"].value, int)
        self.assertEqual((sheet["B6"].value, sheet["B6"].number_format), (62.5, "0.00"))
        self.assertIsNone(sheet["A7"].value)
        self.assertIsNone(sheet["A8"].value)
        self.assertEqual(sheet["A9"].value, "Per customer")
        self.assertEqual([c.value for c in sheet[10]][:2], ["Customer", "Count"])
        self.assertEqual([c.value for c in sheet[11]][:2], ["Ningbo Parts", 3])
        self.assertGreaterEqual(sheet.row_dimensions[1].height, 20)  # the 14 pt title
        self.assertGreaterEqual(sheet.row_dimensions[4].height, 2 * 14)  # a 2-line header

    def test_sheet_names_excel_accepts(self):
        """A translated title becomes a sheet name Excel opens: no []:*?/\\, at most
        31 characters, never empty."""
        self.assertEqual(valid_sheet_name("Returns: 2026/Q1 [draft]?"), "Returns  2026 Q1  draft")
        self.assertEqual(
            valid_sheet_name("顾客满意度调查结果汇总" * 4), ("顾客满意度调查结果汇总" * 4)[:31]
        )
        self.assertEqual(valid_sheet_name("'*?'"), "Sheet")
        book = XlsxBook()
        book.add_table("KPI: 1/2", "Indicators", [], [Column("Value", "value")], [])
        self.assertEqual(openpyxl.load_workbook(io.BytesIO(book.close())).sheetnames, ["KPI  1 2"])

    def test_text_lines(self):
        self.assertEqual(text_lines("Number", 14), 1)
        self.assertEqual(text_lines("Return rate target (%)", 16), 2)
        self.assertEqual(text_lines("Count with a long header", 10), 4)
        # Chinese characters are twice as wide
        self.assertEqual(text_lines("回收率", 10), 1)
        self.assertEqual(text_lines("客户满意度调查汇总", 10), 3)
