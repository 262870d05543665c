import base64
import csv
import io
from datetime import date, datetime, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import file_path

# Accepted spellings of the third column, English and Chinese.
DAY_TYPES = {
    "holiday": "holiday",
    "假日": "holiday",
    "假期": "holiday",
    "放假": "holiday",
    "休": "holiday",
    "workday": "workday",
    "working day": "workday",
    "上班": "workday",
    "补班": "workday",
    "调休上班": "workday",
    "班": "workday",
}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d")
HEADER_WORDS = {"date", "日期"}
# Years a working calendar is planned for (sanity bounds, not business numbers).
MIN_YEAR, MAX_YEAR = 1970, 2999


class QmsHolidayImport(models.TransientModel):
    """Import a year's public holidays and make-up workdays into a calendar.

    File: CSV or XLSX, columns date, name, type (holiday / workday, or
    放假 / 上班). Everything is checked before anything is written.
    """

    _name = "qms.holiday.import"
    _description = "Import Public Holidays"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working calendar",
        required=True,
        default=lambda self: self.env.company._qms_calendar(),
    )
    data_file = fields.Binary("File", required=True)
    filename = fields.Char()
    replace_existing = fields.Boolean(
        "Replace the years in the file",
        default=True,
        help="Remove the calendar's holidays and make-up workdays of the years the file covers.",
    )

    def action_import(self):
        self.ensure_one()
        if not self.data_file:
            raise UserError(self.env._("Choose the file to import."))
        try:
            content = base64.b64decode(self.data_file)
        except ValueError:
            raise UserError(self.env._("The file could not be read.")) from None
        rows = self._parse(content, self.filename or "")
        self._apply(self.calendar_id, rows, replace=self.replace_existing)
        return {"type": "ir.actions.act_window_close"}

    # ------------------------------------------------------------------
    @api.model
    def _parse(self, content, filename):
        """Validated rows ``(date, name, type)``; raises on the first bad line."""
        if filename.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
            raw_rows = self._read_xlsx(content)
        else:
            raw_rows = self._read_csv(content)
        rows, seen = [], {}
        for line_no, raw in raw_rows:
            cells = list(raw) + [None] * 3
            if all(c in (None, "") for c in cells[:3]):
                continue
            if line_no == 1 and str(cells[0]).strip().lower() in HEADER_WORDS:
                continue
            day = self._parse_date(cells[0], line_no)
            name = str(cells[1] or "").strip()
            if not name:
                raise UserError(self.env._("Line %(line)s: the name is missing.", line=line_no))
            day_type = DAY_TYPES.get(str(cells[2] or "").strip().lower())
            if not day_type:
                raise UserError(
                    self.env._(
                        "Line %(line)s: unknown type “%(value)s”; use holiday or workday "
                        "(放假 or 上班).",
                        line=line_no,
                        value=cells[2] or "",
                    )
                )
            if day in seen:
                raise UserError(
                    self.env._(
                        "Line %(line)s: %(date)s already appears on line %(first)s.",
                        line=line_no,
                        date=day,
                        first=seen[day],
                    )
                )
            seen[day] = line_no
            rows.append((day, name, day_type))
        if not rows:
            raise UserError(self.env._("The file holds no holiday or workday."))
        return rows

    @api.model
    def _read_csv(self, content):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UserError(self.env._("The file is neither UTF-8 nor GB18030 text."))
        dialect = csv.excel
        if text.count("\t") > text.count(","):
            dialect = csv.excel_tab
        return enumerate(csv.reader(io.StringIO(text), dialect), start=1)

    @api.model
    def _read_xlsx(self, content):
        import openpyxl  # noqa: PLC0415 (only needed for spreadsheets)

        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:
            raise UserError(self.env._("This is not a readable XLSX file.")) from error
        sheet = book.worksheets[0]
        return enumerate(sheet.iter_rows(values_only=True), start=1)

    @api.model
    def _parse_date(self, value, line_no):
        day = self._read_date(value)
        if day and not MIN_YEAR <= day.year <= MAX_YEAR:
            raise UserError(
                self.env._(
                    "Line %(line)s: %(date)s is out of range (years %(first)s to %(last)s).",
                    line=line_no,
                    date=day,
                    first=MIN_YEAR,
                    last=MAX_YEAR,
                )
            )
        if day:
            return day
        text = str(value or "").strip()
        raise UserError(
            self.env._(
                "Line %(line)s: “%(value)s” is not a date (use YYYY-MM-DD).",
                line=line_no,
                value=text,
            )
        )

    @api.model
    def _read_date(self, value):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value or "").strip()
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None

    @api.model
    def _apply(self, calendar, rows, replace=True):
        """Write the rows: holidays as global time off, workdays as make-up days."""
        zone = pytz.timezone(calendar.tz or "UTC")
        years = {day.year for day, _name, _type in rows}
        if replace:
            for records in self._existing(calendar, years):
                records.unlink()
        Leave = self.env["resource.calendar.leaves"]
        leave_vals = []
        holidays = sorted((day, name) for day, name, kind in rows if kind == "holiday")
        # Consecutive days of one holiday become one time-off range (国庆节 1-7 Oct).
        for day, name in holidays:
            if (
                leave_vals
                and leave_vals[-1]["name"] == name
                and leave_vals[-1]["_last"] + timedelta(days=1) == day
            ):
                leave_vals[-1]["_last"] = day
                continue
            leave_vals.append({"name": name, "_first": day, "_last": day})
        Leave.create(
            [
                {
                    "name": vals["name"],
                    "calendar_id": calendar.id,
                    "company_id": calendar.company_id.id,
                    "time_type": "leave",
                    "date_from": self._utc(zone, vals["_first"]),
                    "date_to": self._utc(zone, vals["_last"] + timedelta(days=1))
                    - timedelta(seconds=1),
                }
                for vals in leave_vals
            ]
        )
        self.env["resource.calendar.workday"].create(
            [
                {"name": name, "date": day, "calendar_id": calendar.id}
                for day, name, kind in rows
                if kind == "workday"
            ]
        )

    @api.model
    def _existing(self, calendar, years):
        first, last = date(min(years), 1, 1), date(max(years), 12, 31)
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", calendar.id),
                ("resource_id", "=", False),
                (
                    "date_from",
                    ">=",
                    datetime.combine(first, datetime.min.time()) - timedelta(days=1),
                ),
                ("date_from", "<=", datetime.combine(last, datetime.max.time())),
            ]
        )
        workdays = calendar.qms_workday_ids.filtered(lambda w: first <= w.date <= last)
        return leaves, workdays

    @staticmethod
    def _utc(zone, day):
        local = zone.localize(datetime.combine(day, datetime.min.time()))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _import_file(self, calendar_id, path):
        """Import a file shipped with an addon (used by the demo data)."""
        with open(file_path(path), "rb") as handle:
            rows = self._parse(handle.read(), path)
        self._apply(self.env["resource.calendar"].browse(calendar_id), rows)
