import io
from datetime import date

import openpyxl

from odoo.tests import TransactionCase

from ..tools.xlsx import Column, XlsxBook


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
