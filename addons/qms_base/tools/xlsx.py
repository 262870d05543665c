"""One house style for every QMS spreadsheet (registers, analyses).

No Odoo import: callers pass already translated titles and headers. In Odoo the
workbook comes from OCA report_xlsx (see ``report.qms_base.xlsx``); standalone,
``XlsxBook`` makes its own:

    book = XlsxBook()
    sheet = book.add_table("Complaints", "Complaint register", ["Company A", "2026"],
                           [Column("Number", "name"), Column("Date", "date", "date")], rows)
    book.add_chart(sheet, "line", "Trend", "date", ["total"])
    content = book.close()
"""

import io
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

# xlsxwriter.Workbook options of every QMS workbook
WORKBOOK_OPTIONS = {"in_memory": True, "remove_timezone": True}
FORMATS = {
    "text": {},
    "int": {"num_format": "0"},
    "float": {"num_format": "0.00"},
    "percent": {"num_format": "0.0%"},
    "date": {"num_format": "yyyy-mm-dd"},
    "datetime": {"num_format": "yyyy-mm-dd hh:mm"},
}
BASE = {"font_name": "Microsoft YaHei", "font_size": 10, "valign": "top"}
HEADER = {
    "bold": True,
    "bg_color": "#1F4E78",
    "font_color": "#FFFFFF",
    "border": 1,
    "text_wrap": True,
}
TITLE = {"bold": True, "font_size": 14}
SUBTITLE = {"italic": True, "font_color": "#595959"}
# Row heights (points) the title and each line of a wrapped header need, so that
# neither runs into the rows below it whatever the spreadsheet program.
TITLE_HEIGHT = 22
LINE_HEIGHT = 14
# Print setup: A4 landscape, as wide as one page, header row on every page.
PAPER_A4 = 9
FOOTER = "&L&A&R&P / &N"  # sheet name, page x of n
# Excel refuses these in a sheet name, and names longer than 31 characters.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_SIZE = 31


@dataclass
class Column:
    header: str
    key: str
    kind: str = "text"
    width: int = 16


@dataclass
class Cell:
    """A value with its own kind, for a column whose rows mix kinds
    (e.g. an indicator table: counts, then rates)."""

    value: object
    kind: str


def valid_sheet_name(name):
    """``name`` (already translated) as Excel accepts it for a sheet."""
    name = SHEET_NAME_FORBIDDEN.sub(" ", name).strip().strip("'")[:SHEET_NAME_SIZE].strip()
    return name or "Sheet"


def page_header(title):
    """The page header that prints ``title`` centred in bold (``&`` escaped)."""
    return "&C&B" + title.replace("&", "&&")


def text_width(text):
    """The width of ``text`` in column-width units: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(text))


def text_lines(text, width):
    """How many lines ``text`` takes, wrapped at spaces in a column ``width`` units
    wide (less the cell padding)."""
    usable = max(width - 1.5, 1)
    count = 0
    for paragraph in str(text).split("\n"):
        lines, current = 1, 0
        for word in paragraph.split(" "):
            size = text_width(word)
            needed = size if not current else current + 1 + size
            if needed <= usable:
                current = needed
                continue
            if current:
                lines += 1
            # a word wider than the column breaks over several lines itself
            lines += max(math.ceil(size / usable) - 1, 0)
            current = size - (math.ceil(size / usable) - 1) * usable
        count += lines
    return count


class XlsxBook:
    """The house style over an xlsxwriter workbook: ``workbook`` (e.g. the one
    report_xlsx gives a report) or, without it, a new in-memory one for ``close()``."""

    def __init__(self, workbook=None):
        self._buffer = None
        if workbook is None:
            self._buffer = io.BytesIO()
            workbook = xlsxwriter.Workbook(self._buffer, WORKBOOK_OPTIONS)
        self.workbook = workbook
        self.formats = {
            kind: self.workbook.add_format({**BASE, **spec}) for kind, spec in FORMATS.items()
        }
        self.header = self.workbook.add_format({**BASE, **HEADER})
        self.title = self.workbook.add_format({**BASE, **TITLE})
        self.subtitle = self.workbook.add_format({**BASE, **SUBTITLE})
        self.tables = {}
        self._widths = {}
        self._last_rows = {}

    def add_table(self, sheet_name, title, subtitles, columns, rows):
        """A sheet with a title block, one header row, typed cells, filter and frozen header,
        set up to print landscape, one page wide, the header row repeated on every page.

        ``rows`` are dicts keyed by ``Column.key`` (or sequences in column order); a
        ``Cell`` value carries its own kind. Returns the worksheet; its data range is
        kept for ``add_chart`` and ``add_table_below``.
        """
        sheet = self.workbook.add_worksheet(valid_sheet_name(sheet_name))
        sheet.set_row(0, TITLE_HEIGHT)
        sheet.write(0, 0, title, self.title)
        for offset, line in enumerate(subtitles, start=1):
            sheet.write(offset, 0, line, self.subtitle)
        header_row = len(subtitles) + 2
        row_index = self._write_table(sheet, header_row, columns, rows)
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, max(row_index, header_row), len(columns) - 1)
        self._print_setup(sheet, header_row)
        self.tables[sheet.name] = (header_row, row_index, columns)
        self._last_rows[sheet.name] = max(row_index, header_row)
        return sheet

    def add_table_below(self, sheet, title, columns, rows, gap=2):
        """A second table on ``sheet``: its title ``gap`` rows below the last table, its
        header row right under the title. Returns the row of its header."""
        title_row = self._last_rows[sheet.name] + gap + 1
        sheet.set_row(title_row, TITLE_HEIGHT)
        sheet.write(title_row, 0, title, self.title)
        self._last_rows[sheet.name] = self._write_table(sheet, title_row + 1, columns, rows)
        return title_row + 1

    def _write_table(self, sheet, header_row, columns, rows):
        """The header row and the rows below it; returns the last row written."""
        widths = self._widths.setdefault(sheet.name, {})
        for col, column in enumerate(columns):
            if column.width > widths.get(col, 0):
                widths[col] = column.width
                sheet.set_column(col, col, column.width)
            sheet.write(header_row, col, column.header, self.header)
        lines = max(
            (text_lines(column.header, widths[col]) for col, column in enumerate(columns)),
            default=1,
        )
        sheet.set_row(header_row, max(lines, 1) * LINE_HEIGHT + 2)
        row_index = header_row
        for row_index, row in enumerate(rows, start=header_row + 1):
            for col, column in enumerate(columns):
                value = row[column.key] if isinstance(row, dict) else row[col]
                self._write(sheet, row_index, col, value, column.kind)
        return row_index

    def _print_setup(self, sheet, header_row):
        sheet.set_landscape()
        sheet.set_paper(PAPER_A4)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row)
        sheet.set_footer(FOOTER)

    def _write(self, sheet, row, col, value, kind):
        if isinstance(value, Cell):
            value, kind = value.value, value.kind
        if value is None or value is False:
            sheet.write_blank(row, col, None, self.formats[kind])
        elif isinstance(value, datetime):
            sheet.write_datetime(row, col, value, self.formats["datetime"])
        elif isinstance(value, date):
            sheet.write_datetime(
                row, col, datetime(value.year, value.month, value.day), self.formats["date"]
            )
        elif kind == "int" and isinstance(value, float) and value.is_integer():
            sheet.write_number(row, col, int(value), self.formats[kind])
        elif kind in ("int", "float", "percent") and isinstance(value, int | float):
            sheet.write_number(row, col, value, self.formats[kind])
        else:
            sheet.write(row, col, value, self.formats[kind])

    def add_chart(self, sheet, chart_type, title, category_key, value_keys, anchor=None):
        """A chart over the (first) table of ``sheet``: one series per key in
        ``value_keys``, beside the table, one column right of it."""
        header_row, last_row, columns = self.tables[sheet.name]
        if last_row <= header_row:
            return None
        position = {column.key: index for index, column in enumerate(columns)}
        chart = self.workbook.add_chart({"type": chart_type})
        category_col = position[category_key]
        for key in value_keys:
            col = position[key]
            chart.add_series(
                {
                    "name": [sheet.name, header_row, col],
                    "categories": [
                        sheet.name,
                        header_row + 1,
                        category_col,
                        last_row,
                        category_col,
                    ],
                    "values": [sheet.name, header_row + 1, col, last_row, col],
                    "marker": {"type": "circle"} if chart_type == "line" else None,
                }
            )
        chart.set_title({"name": title})
        chart.set_size({"width": 720, "height": 360})
        sheet.insert_chart(anchor or xl_rowcol_to_cell(header_row, len(columns) + 1), chart)
        return chart

    def close(self):
        """The finished file's bytes (only for a workbook this book made itself)."""
        if self._buffer is None:
            raise ValueError("The workbook belongs to its caller, who closes it.")
        self.workbook.close()
        return self._buffer.getvalue()
