from collections import Counter

from odoo import fields, models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsDeskSummaryXlsx(models.AbstractModel):
    """The monthly problem summary (XLSX), one workbook for the printed months.

    Sheet "Summary": per month, calls per outcome and problems per type, with a
    chart; below, problems per dissatisfaction category. Sheet "Problems": every
    problem reported (complaints, consultations, suggestions, praise). Sheet
    "Calls": every hotline call and what it became.
    """

    _name = "report.qms_customer_desk.summary_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Monthly Problem Summary (XLSX)"

    def _fill_workbook(self, book, data, summaries):
        summaries = summaries.sorted("date_month")
        subtitles = self._subtitles(summaries)
        sheet = book.add_table(
            self.env._("Summary"),
            self.env._("Monthly summary of reported problems"),
            subtitles,
            self._summary_columns(),
            [self._summary_row(summary) for summary in summaries],
        )
        book.add_chart(
            sheet,
            "column",
            self.env._("Calls and problems per month"),
            "month",
            ["calls", "complaints", "consultations", "suggestions"],
        )
        book.add_table_below(
            sheet,
            self.env._("Problems per category"),
            [
                Column(self.env._("Month"), "month", width=10),
                Column(self.env._("Category"), "category", width=28),
                Column(self.env._("Problems"), "count", "int", 11),
            ],
            self._category_rows(summaries),
        )
        book.add_table(
            self.env._("Problems"),
            self.env._("Problems reported"),
            subtitles,
            self._problem_columns(),
            [row for summary in summaries for row in self._problem_rows(summary)],
        )
        book.add_table(
            self.env._("Calls"),
            self.env._("Hotline calls"),
            subtitles,
            self._call_columns(),
            [row for summary in summaries for row in self._call_rows(summary)],
        )

    def _subtitles(self, summaries):
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        companies = summaries.company_id or self.env.company
        return [
            ", ".join(companies.mapped("name")),
            self.env._(
                "%(months)s, printed on %(date)s by %(user)s",
                months=", ".join(summaries.mapped("name")),
                date=now.strftime("%Y-%m-%d %H:%M"),
                user=self.env.user.name,
            ),
        ]

    def _summary_columns(self):
        return [
            Column(self.env._("Month"), "month", width=10),
            Column(self.env._("Calls"), "calls", "int", 9),
            Column(self.env._("Complaints"), "complaints", "int", 11),
            Column(self.env._("Consultations"), "consultations", "int", 13),
            Column(self.env._("Suggestions"), "suggestions", "int", 11),
            Column(self.env._("Problems reported"), "problems", "int", 11),
            Column(self.env._("Calls not recorded"), "calls_none", "int", 11),
            Column(self.env._("Due"), "due", "datetime", 17),
            Column(self.env._("Done on"), "done", "datetime", 17),
            Column(self.env._("Conclusions"), "conclusions", width=50),
        ]

    def _summary_row(self, summary):
        calls = summary._calls()
        return {
            "month": summary.name,
            "calls": len(calls),
            "complaints": summary.complaint_count,
            "consultations": summary.consultation_count,
            "suggestions": summary.suggestion_count,
            "problems": summary.feedback_count,
            "calls_none": len(calls.filtered(lambda c: c.outcome == "none")),
            "due": self._local_datetime(summary.date_due),
            "done": self._local_datetime(summary.date_done),
            "conclusions": (summary.conclusions or "").striptags().strip()
            if summary.conclusions
            else "",
        }

    def _category_rows(self, summaries):
        rows = []
        none_label = self.env._("No category")
        for summary in summaries:
            counts = Counter(
                item.category_id.display_name or none_label for item in summary._feedback()
            )
            rows += [
                {"month": summary.name, "category": name, "count": count}
                for name, count in counts.most_common()
            ]
        return rows

    def _selection(self, record, field):
        return dict(record._fields[field]._description_selection(self.env)).get(record[field], "")

    def _problem_columns(self):
        return [
            Column(self.env._("Number"), "name", width=14),
            Column(self.env._("Received on"), "date", "datetime", 17),
            Column(self.env._("Type"), "type", width=14),
            Column(self.env._("Channel"), "channel", width=14),
            Column(self.env._("Customer"), "customer", width=28),
            Column(self.env._("Product"), "product", width=24),
            Column(self.env._("Subject"), "title", width=40),
            Column(self.env._("Category"), "category", width=18),
            Column(self.env._("Status"), "state", width=14),
        ]

    def _problem_rows(self, summary):
        return [
            {
                "name": item.name,
                "date": self._local_datetime(item.date_received),
                "type": self._selection(item, "feedback_type"),
                "channel": self._selection(item, "channel"),
                "customer": item.commercial_partner_id.display_name,
                "product": item.product_id.display_name or "",
                "title": item.title,
                "category": item.category_id.display_name or "",
                "state": self._selection(item, "state"),
            }
            for item in summary._feedback()
        ]

    def _call_columns(self):
        return [
            Column(self.env._("Number"), "name", width=14),
            Column(self.env._("Called on"), "date", "datetime", 17),
            Column(self.env._("Caller number"), "number", width=16),
            Column(self.env._("Caller area"), "area", width=14),
            Column(self.env._("Customer"), "customer", width=28),
            Column(self.env._("Outcome"), "outcome", width=16),
            Column(self.env._("Recorded as"), "record", width=14),
            Column(self.env._("Taken by"), "user", width=16),
        ]

    def _call_rows(self, summary):
        return [
            {
                "name": call.name,
                "date": self._local_datetime(call.date_call),
                "number": call.caller_number,
                "area": call.caller_area or "",
                "customer": call.partner_id.display_name or "",
                "outcome": self._selection(call, "outcome"),
                "record": call.complaint_id.name or "",
                "user": call.user_id.name or "",
            }
            for call in summary._calls()
        ]
