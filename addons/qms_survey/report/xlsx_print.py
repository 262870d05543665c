"""What the QMS workbooks add to the house style of qms_base (tools/xlsx.py), which
already prints landscape, one page wide, the header row on every page and the
sheet name and page x / n in the footer: a valid sheet name in the reader's
language and the report's name in the page header."""

import re

# Excel refuses these in a sheet name, and names longer than 31 characters.
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_SIZE = 31


def sheet_name(name):
    """``name`` (already translated) as Excel accepts it."""
    name = FORBIDDEN.sub(" ", name).strip().strip("'")[:SHEET_NAME_SIZE].strip()
    return name or "Sheet"


def print_header(book, report):
    """The name of ``report`` (a ``report.*`` model) centred in the page header of
    every sheet of ``book``, in the reader's language."""
    action = (
        report.env["ir.actions.report"]
        .sudo()
        ._get_report_from_name(report._name.removeprefix("report."))
        .with_context(lang=report.env.lang)
    )
    title = (action.name or "").replace("&", "&&")
    for sheet in book.workbook.worksheets():
        sheet.set_header(f"&C&B{title}")
