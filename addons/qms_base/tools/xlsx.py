"""One house style for every QMS spreadsheet (registers, analyses).

No Odoo import: callers pass already translated titles and headers.

    book = XlsxBook()
    sheet = book.add_table("Complaints", "Complaint register", ["Company A", "2026"],
                           [Column("Number", "name"), Column("Date", "date", "date")], rows)
    book.add_chart(sheet, "line", "Trend", "date", ["total"])
    content = book.close()
"""

import io
from dataclasses import dataclass
from datetime import date, datetime

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

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


@dataclass
class Column:
    header: str
    key: str
    kind: str = "text"
    width: int = 16


class XlsxBook:
    def __init__(self):
        self._buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self._buffer, {"in_memory": True, "remove_timezone": True}
        )
        self.formats = {
            kind: self.workbook.add_format({**BASE, **spec}) for kind, spec in FORMATS.items()
        }
        self.header = self.workbook.add_format({**BASE, **HEADER})
        self.title = self.workbook.add_format({**BASE, **TITLE})
        self.subtitle = self.workbook.add_format({**BASE, **SUBTITLE})
        self.tables = {}

    def add_table(self, sheet_name, title, subtitles, columns, rows):
        """A sheet with a title block, one header row, typed cells, filter and frozen header.

        ``rows`` are dicts keyed by ``Column.key`` (or sequences in column order).
        Returns the worksheet; its data range is kept for ``add_chart``.
        """
        sheet = self.workbook.add_worksheet(sheet_name[:31])
        sheet.write(0, 0, title, self.title)
        for offset, line in enumerate(subtitles, start=1):
            sheet.write(offset, 0, line, self.subtitle)
        header_row = len(subtitles) + 2
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
            sheet.write(header_row, col, column.header, self.header)
        row_index = header_row
        for row_index, row in enumerate(rows, start=header_row + 1):
            for col, column in enumerate(columns):
                value = row[column.key] if isinstance(row, dict) else row[col]
                self._write(sheet, row_index, col, value, column.kind)
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, max(row_index, header_row), len(columns) - 1)
        self.tables[sheet.name] = (header_row, row_index, columns)
        return sheet

    def _write(self, sheet, row, col, value, kind):
        if value is None or value is False:
            sheet.write_blank(row, col, None, self.formats[kind])
        elif isinstance(value, datetime):
            sheet.write_datetime(row, col, value, self.formats["datetime"])
        elif isinstance(value, date):
            sheet.write_datetime(
                row, col, datetime(value.year, value.month, value.day), self.formats["date"]
            )
        elif kind in ("int", "float", "percent") and isinstance(value, int | float):
            sheet.write_number(row, col, value, self.formats[kind])
        else:
            sheet.write(row, col, value, self.formats[kind])

    def add_chart(self, sheet, chart_type, title, category_key, value_keys, anchor=None):
        """A chart over the table of ``sheet``: one series per key in ``value_keys``."""
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
        """The finished file's bytes."""
        self.workbook.close()
        return self._buffer.getvalue()
