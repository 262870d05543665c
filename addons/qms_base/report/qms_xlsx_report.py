from odoo import fields, models
from odoo.exceptions import AccessError

from ..tools.xlsx import WORKBOOK_OPTIONS, XlsxBook, page_header


class ReportQmsBaseXlsx(models.AbstractModel):
    """The base of every QMS XLSX report (``ir.actions.report`` of type ``xlsx``).

    OCA report_xlsx renders it (Print menu, ``/report/xlsx/<report_name>/<ids>``,
    ``ir.actions.report._render``); the house style comes from ``tools/xlsx.py``:
    formats, title block, header row, column widths, frozen header, filter and the
    print setup (A4 landscape, one page wide, header row repeated on every page, the
    report's name in the page header), sheet names Excel accepts.

    A report inherits this model as ``report.<module>.<name>`` and implements
    ``_fill_workbook(book, data, records)`` with ``book.add_table`` / ``add_chart``,
    its strings translated with ``self.env._`` in the reader's language.
    """

    _name = "report.qms_base.xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "QMS XLSX Report (house style)"

    def get_workbook_options(self):
        return dict(WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, objs):
        self._check_report_groups()
        lang = self._get_lang(objs)
        report = self.with_context(lang=lang)
        report._fill_workbook(XlsxBook(workbook), data or {}, objs.with_context(lang=lang))
        report._print_report_name(workbook)

    def _print_report_name(self, workbook):
        """The report's name, in the reader's language, in the page header of every sheet."""
        action = (
            self.env["ir.actions.report"]
            .sudo()
            ._get_report_from_name(self._name.removeprefix("report."))
        )
        title = action.with_context(lang=self.env.lang).name or ""
        for sheet in workbook.worksheets():
            sheet.set_header(page_header(title))

    def _check_report_groups(self):
        """Only the groups of the report action may print it, whatever the way in
        (the Print menu hides it from the others, the URL must refuse them too)."""
        report_name = self._name.removeprefix("report.")
        report = self.env["ir.actions.report"].sudo()._get_report_from_name(report_name)
        if report.groups_id and not report.groups_id & self.env.user.groups_id:
            raise AccessError(
                self.env._(
                    "You are not allowed to print the report %(report)s.", report=report.name
                )
            )

    def _get_lang(self, records):
        """The language the workbook is written in: the reader's."""
        return self.env.context.get("lang") or self.env.user.lang

    def _fill_workbook(self, book, data, records):
        """Write the sheets of ``records`` into ``book`` (a ``tools.xlsx.XlsxBook``)."""
        raise NotImplementedError()

    def _local_datetime(self, value):
        """A stored UTC datetime as the reader's wall-clock time (naive), or None."""
        if not value:
            return None
        return fields.Datetime.context_timestamp(self, value).replace(tzinfo=None)
