from odoo import models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsComplaintStatisticsXlsx(models.AbstractModel):
    """Half-yearly complaint statistics (XLSX): counts per type, category,
    customer, product and month, and the recurring complaints by class."""

    _name = "report.qms_complaint.complaint_statistics_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Complaint Statistics (XLSX)"

    def _fill_workbook(self, book, data, records):
        for index, stats in enumerate(records):
            suffix = f" {index + 1}" if len(records) > 1 else ""
            data = stats._statistics()
            subtitles = [
                stats.company_id.name,
                self.env._(
                    "%(start)s – %(end)s: %(count)s complaints, %(open)s open, "
                    "%(closed)s closed, %(severe)s severe",
                    start=stats.date_from,
                    end=stats.date_to,
                    count=stats.complaint_count,
                    open=data["open"],
                    closed=data["closed"],
                    severe=data["severe"],
                ),
            ]
            columns = [
                Column(self.env._("Group"), "label", width=36),
                Column(self.env._("Count"), "count", "int", 10),
            ]
            sheet = book.add_table(
                self.env._("Statistics") + suffix,
                stats.name,
                subtitles,
                columns,
                [{"label": label, "count": n} for label, n in data["types"]],
            )
            for title, key in (
                (self.env._("Per category"), "categories"),
                (self.env._("Per customer"), "customers"),
                (self.env._("Per product"), "products"),
                (self.env._("Per month"), "months"),
            ):
                book.add_table_below(
                    sheet,
                    title,
                    columns,
                    [{"label": label, "count": n} for label, n in data[key]],
                )
            book.add_table(
                self.env._("Recurring") + suffix,
                self.env._("Recurring complaints for the management review"),
                subtitles,
                [
                    Column(self.env._("Class"), "class", width=22),
                    Column(self.env._("Number"), "name", width=14),
                    Column(self.env._("Received on"), "date", "datetime", 17),
                    Column(self.env._("Customer"), "customer", width=28),
                    Column(self.env._("Product"), "product", width=28),
                    Column(self.env._("Subject"), "title", width=36),
                ],
                [
                    {
                        "class": label,
                        "name": complaint.name,
                        "date": self._local_datetime(complaint.date_received),
                        "customer": complaint.commercial_partner_id.name,
                        "product": complaint.product_id.display_name or None,
                        "title": complaint.title,
                    }
                    for label, complaints in data["recurring"]
                    for complaint in complaints
                ],
            )
