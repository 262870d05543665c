from odoo import fields, models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsHsfRegisterXlsx(models.AbstractModel):
    """环保测试信息清单: one row per HSF report, with the twelve fields of 004 5.3.1 e."""

    _name = "report.qms_sample.hsf_register_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "HSF Register (XLSX)"

    def _fill_workbook(self, book, data, reports):
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        companies = reports.company_id or self.env.company
        book.add_table(
            self.env._("HSF register"),
            self.env._("Environmental test information list"),
            [
                ", ".join(companies.mapped("name")),
                self.env._(
                    "%(count)s reports, printed on %(date)s by %(user)s",
                    count=len(reports),
                    date=now.strftime("%Y-%m-%d %H:%M"),
                    user=self.env.user.name,
                ),
            ],
            self._columns(),
            [self._row(report) for report in reports],
        )

    def _columns(self):
        return [
            Column(self.env._("Supplier"), "supplier", width=26),
            Column(self.env._("Material"), "material", width=26),
            Column(self.env._("Material number"), "code", width=16),
            Column(self.env._("Test date"), "date_test", "date", 12),
            Column(self.env._("Laboratory"), "laboratory", width=18),
            Column(self.env._("Report number"), "number", width=20),
            Column(self.env._("Validity (months)"), "validity", "int", 10),
            Column(self.env._("Valid until"), "date_expiry", "date", 12),
            Column(self.env._("Test items"), "items", width=30),
            Column(self.env._("Result"), "result", width=10),
            Column(self.env._("Valid test results"), "detail", width=30),
            Column(self.env._("Request a new report on"), "date_next", "date", 14),
            Column(self.env._("MSDS"), "msds", width=10),
            Column(self.env._("Status"), "status", width=10),
        ]

    def _row(self, report):
        results = dict(report._fields["result"]._description_selection(self.env))
        return {
            "supplier": report.partner_id.display_name,
            "material": report.product_id.display_name,
            "code": report.material_code or "",
            "date_test": report.date_test,
            "laboratory": report.laboratory,
            "number": report.report_number,
            "validity": report.validity_months,
            "date_expiry": report.date_expiry,
            "items": report.test_items or "",
            "result": results.get(report.result, ""),
            "detail": report.result_detail or "",
            "date_next": report.date_next_request,
            "msds": (
                (self.env._("Attached") if report.msds_file else self.env._("Missing"))
                if report.is_chemical
                else ""
            ),
            "status": self.env._("Valid") if report.is_valid else self.env._("Expired"),
        }
