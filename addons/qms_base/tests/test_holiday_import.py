import base64
import io
from datetime import date, datetime

import xlsxwriter

from odoo.exceptions import UserError
from odoo.tests import Form

from .common import QmsCase


class TestHolidayImport(QmsCase):
    def setUp(self):
        super().setUp()
        self.target = self.env["resource.calendar"].create(
            {"name": "Plant calendar", "tz": "Asia/Shanghai"}
        )

    def _import(self, content, replace=True):
        wizard = Form(self.env["qms.holiday.import"])
        wizard.calendar_id = self.target
        wizard.data_file = base64.b64encode(content)
        wizard.replace_existing = replace
        return wizard.save().action_import()

    def _holidays(self):
        return self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.target.id), ("resource_id", "=", False)]
        )

    def test_csv_merges_consecutive_days_and_adds_workdays(self):
        self._import(
            "日期,名称,类型\n2026-10-01,国庆节,放假\n2026-10-02,国庆节,holiday\n"
            "2026-10-03,国庆节,holiday\n2026/10/10,国庆节调休上班,上班\n".encode()
        )
        holidays = self._holidays()
        self.assertEqual(len(holidays), 1, "three consecutive days are one time-off range")
        self.assertEqual(holidays.name, "国庆节")
        # Beijing midnight is 16:00 UTC the day before.
        self.assertEqual(holidays.date_from, datetime(2026, 9, 30, 16, 0))
        self.assertEqual(holidays.date_to, datetime(2026, 10, 3, 15, 59, 59))
        self.assertEqual(self.target.qms_workday_ids.mapped("date"), [date(2026, 10, 10)])

    def test_xlsx_with_real_dates(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["date", "name", "type"])
        sheet.write_datetime(
            1, 0, datetime(2026, 6, 19), book.add_format({"num_format": "yyyy-mm-dd"})
        )
        sheet.write_row(1, 1, ["端午节", "holiday"])
        sheet.write_row(2, 0, ["2026-09-20", "国庆节调休上班", "workday"])
        book.close()
        self._import(buffer.getvalue())
        self.assertEqual(self._holidays().name, "端午节")
        self.assertEqual(self.target.qms_workday_ids.date, date(2026, 9, 20))

    def test_reimport_replaces_the_year(self):
        content = b"2026-01-01,New Year,holiday\n2026-01-04,Make-up,workday\n"
        self._import(content)
        self._import(content)
        self.assertEqual(len(self._holidays()), 1)
        self.assertEqual(len(self.target.qms_workday_ids), 1)

    def test_bad_date_writes_nothing(self):
        with self.assertRaisesRegex(UserError, "Line 2: “2026-02-30” is not a date"):
            self._import(b"2026-01-01,New Year,holiday\n2026-02-30,Bad,holiday\n")
        self.assertFalse(self._holidays())

    def test_unknown_type_writes_nothing(self):
        with self.assertRaisesRegex(UserError, "Line 2: unknown type “vacation”"):
            self._import(b"2026-01-04,Make-up,workday\n2026-01-01,New Year,vacation\n")
        self.assertFalse(self.target.qms_workday_ids)
        self.assertFalse(self._holidays())

    def test_same_day_twice_is_refused(self):
        with self.assertRaisesRegex(UserError, "already appears on line 1"):
            self._import(b"2026-01-01,New Year,holiday\n2026-01-01,Again,workday\n")

    def test_error_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        wizard = self.env["qms.holiday.import"].with_context(lang="zh_CN")
        with self.assertRaisesRegex(UserError, "不是日期"):
            wizard._parse(b"2026-13-01,Bad,holiday\n", "bad.csv")
