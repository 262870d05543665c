from collections import defaultdict

from odoo import fields, models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsComplaintRegisterXlsx(models.AbstractModel):
    """The complaint register (XLSX) of the printed complaints, in their order.

    Sheet "Register": one row per complaint. Sheet "KPI": complaints per month
    with a chart, then per customer and product, PPM computed over each group.
    """

    _name = "report.qms_complaint.complaint_register_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Complaint Register (XLSX)"

    def _fill_workbook(self, book, data, complaints):
        subtitles = self._register_subtitles(complaints)
        book.add_table(
            self.env._("Register"),
            self.env._("Complaint register"),
            subtitles,
            self._register_columns(),
            self._register_rows(complaints),
        )
        complaints = complaints.filtered(lambda c: c.feedback_type == "complaint")
        kpi_subtitles = [
            *subtitles,
            self.env._(
                "Type “Complaint” only. PPM = total defective / total delivered × 1,000,000."
            ),
        ]
        kpi_sheet = book.add_table(
            self.env._("KPI"),
            self.env._("Complaint KPIs per month"),
            kpi_subtitles,
            self._kpi_month_columns(),
            self._kpi_month_rows(complaints),
        )
        book.add_chart(kpi_sheet, "column", self.env._("Complaints per month"), "month", ["count"])
        book.add_table_below(
            kpi_sheet,
            self.env._("Per customer and product"),
            self._kpi_partner_product_columns(),
            self._kpi_partner_product_rows(complaints),
        )

    # ------------------------------------------------------------------
    # Register sheet
    # ------------------------------------------------------------------
    def _register_subtitles(self, complaints):
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        companies = complaints.company_id or self.env.company
        return [
            ", ".join(companies.mapped("name")),
            self.env._(
                "%(count)s records, printed on %(date)s by %(user)s",
                count=len(complaints),
                date=now.strftime("%Y-%m-%d %H:%M"),
                user=self.env.user.name,
            ),
        ]

    def _register_columns(self):
        return [
            Column(self.env._("Number"), "name", width=14),
            Column(self.env._("Received on"), "date_received", "datetime", 17),
            Column(self.env._("Type"), "feedback_type", width=14),
            Column(self.env._("Channel"), "channel", width=14),
            Column(self.env._("Customer"), "customer", width=28),
            Column(self.env._("Product"), "product", width=28),
            Column(self.env._("Lot/Serial"), "lot", width=14),
            Column(self.env._("Defective"), "qty_defective", "float", 11),
            Column(self.env._("Delivered"), "qty_delivered", "float", 11),
            Column(self.env._("PPM"), "ppm", "int", 11),
            Column(self.env._("Category"), "category", width=18),
            Column(self.env._("Severity"), "severity", width=11),
            Column(self.env._("Severe"), "severe", width=9),
            Column(self.env._("Status"), "state", width=16),
            Column(self.env._("8D step"), "step", width=26),
            Column(self.env._("8D report due"), "report_due", "datetime", 17),
            Column(self.env._("8D report sent"), "report_sent", "datetime", 17),
            Column(self.env._("On time"), "on_time", width=9),
            Column(self.env._("Closed on"), "date_closed", "datetime", 17),
        ]

    def _register_rows(self, complaints):
        Complaint = self.env["qms.complaint"]
        labels = {
            name: dict(Complaint._fields[name]._description_selection(self.env))
            for name in ("feedback_type", "channel", "severity", "state")
        }
        step_labels = dict(
            self.env["qms.complaint.step"]._fields["code"]._description_selection(self.env)
        )
        yes, no = self.env._("Yes"), self.env._("No")
        now = fields.Datetime.now()
        local = self._local_datetime
        rows = []
        for complaint in complaints:
            report = complaint.qms_deadline_ids.filtered(
                lambda d: d.kind_id.code == "report_8d" and d.state != "cancelled"
            ).sorted(lambda d: (d.start, d.id))[-1:]
            if report.state == "done":
                on_time = yes if report.on_time else no
            elif report.state == "open" and report.due < now:
                on_time = no
            else:
                on_time = None
            step = complaint.current_step_id if complaint.state == "in_progress" else None
            rows.append(
                {
                    "name": complaint.name,
                    "date_received": local(complaint.date_received),
                    "feedback_type": labels["feedback_type"].get(complaint.feedback_type),
                    "channel": labels["channel"].get(complaint.channel),
                    "customer": complaint.commercial_partner_id.name,
                    "product": complaint.product_id.display_name or complaint.product_text or None,
                    "lot": complaint.lot_id.name or complaint.lot_text or None,
                    "qty_defective": complaint.qty_defective,
                    "qty_delivered": complaint.qty_delivered,
                    "ppm": round(complaint.defect_ppm) if complaint.qty_delivered else None,
                    "category": complaint.category_id.name or None,
                    "severity": labels["severity"].get(complaint.severity),
                    "severe": yes if complaint.is_severe else no,
                    "state": labels["state"].get(complaint.state),
                    "step": step_labels.get(step.code) if step else None,
                    "report_due": local(report.due),
                    "report_sent": local(complaint.date_report_sent),
                    "on_time": on_time,
                    "date_closed": local(complaint.date_closed),
                }
            )
        return rows

    # ------------------------------------------------------------------
    # KPI sheet
    # ------------------------------------------------------------------
    def _kpi_month_columns(self):
        return [
            Column(self.env._("Month"), "month", width=30),
            Column(self.env._("Complaints"), "count", "int", 12),
            Column(self.env._("Defective"), "qty_defective", "float", 12),
            Column(self.env._("Delivered"), "qty_delivered", "float", 12),
            Column(self.env._("PPM"), "ppm", "int", 12),
            Column(self.env._("Repeat"), "repeat", "int", 10),
            Column(self.env._("Repeat rate"), "repeat_rate", "percent", 12),
            Column(self.env._("Severe"), "severe", "int", 10),
        ]

    @staticmethod
    def _group_ppm(defective, delivered):
        return round(1e6 * defective / delivered) if delivered else None

    def _kpi_month_rows(self, complaints):
        by_month = defaultdict(complaints.browse)
        for complaint in complaints:
            month = self._local_datetime(complaint.date_received).strftime("%Y-%m")
            by_month[month] |= complaint
        rows = []
        for month, group in sorted(by_month.items()):
            defective = sum(group.mapped("qty_defective"))
            delivered = sum(group.mapped("qty_delivered"))
            repeat = len(group.filtered("is_repeat"))
            rows.append(
                {
                    "month": month,
                    "count": len(group),
                    "qty_defective": defective,
                    "qty_delivered": delivered,
                    "ppm": self._group_ppm(defective, delivered),
                    "repeat": repeat,
                    "repeat_rate": repeat / len(group),
                    "severe": len(group.filtered("is_severe")),
                }
            )
        return rows

    def _kpi_partner_product_columns(self):
        return [
            Column(self.env._("Customer"), "customer", width=28),
            Column(self.env._("Product"), "product", width=28),
            Column(self.env._("Complaints"), "count", "int", 12),
            Column(self.env._("Defective"), "qty_defective", "float", 12),
            Column(self.env._("Delivered"), "qty_delivered", "float", 12),
            Column(self.env._("PPM"), "ppm", "int", 12),
        ]

    def _kpi_partner_product_rows(self, complaints):
        groups = defaultdict(complaints.browse)
        for complaint in complaints:
            groups[(complaint.commercial_partner_id, complaint.product_id)] |= complaint
        rows = []
        for (partner, product), group in groups.items():
            defective = sum(group.mapped("qty_defective"))
            delivered = sum(group.mapped("qty_delivered"))
            rows.append(
                {
                    "customer": partner.name,
                    "product": product.display_name or self.env._("No product"),
                    "count": len(group),
                    "qty_defective": defective,
                    "qty_delivered": delivered,
                    "ppm": self._group_ppm(defective, delivered),
                }
            )
        return sorted(rows, key=lambda r: (-r["count"], r["customer"] or "", r["product"]))
