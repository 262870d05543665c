from odoo import models
from odoo.exceptions import UserError

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsSurveyXlsx(models.AbstractModel):
    """What the satisfaction workbooks (campaign summary, annual plan) share: one
    record per workbook, written in the company's language like the PDF reports
    for the management review, and the "Return rate" sheet."""

    _name = "report.qms_survey.xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Customer Satisfaction XLSX Report"

    def _fill_workbook(self, book, data, records):
        if len(records) != 1:
            raise UserError(
                self.env._(
                    "Print this workbook for one record at a time (%(count)s selected).",
                    count=len(records),
                )
            )
        self._fill_record_workbook(book, data, records)

    def _fill_record_workbook(self, book, data, record):
        raise NotImplementedError()

    def _add_return_rate_sheet(self, book, subtitle, quarters):
        """The "Return rate per quarter" sheet and its chart.
        ``quarters``: (label, sent, returned, rate)."""
        sheet = book.add_table(
            self.env._("Return rate"),
            self.env._("Return rate per quarter"),
            subtitle,
            [
                Column(self.env._("Quarter"), "quarter"),
                Column(self.env._("Sent"), "sent", "int"),
                Column(self.env._("Returned in time"), "returned", "int"),
                Column(self.env._("Return rate (%)"), "rate", "float"),
            ],
            [
                {"quarter": label, "sent": sent, "returned": returned, "rate": rate}
                for label, sent, returned, rate in quarters
            ],
        )
        book.add_chart(sheet, "column", self.env._("Return rate per quarter"), "quarter", ["rate"])
        return sheet
