from odoo import fields, models

from odoo.addons.qms_base.tools.xlsx import Column

from ..models.qms_service_level import URGENCIES


class ReportQmsServiceKpiXlsx(models.AbstractModel):
    """Service register and KPIs (XLSX) of the printed requests.

    Sheets: the register; KPIs per engineer, per customer, per month (all read
    from the deadline rows); the year-end quality score per engineer."""

    _name = "report.qms_service.service_kpi_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Service KPIs (XLSX)"

    def _fill_workbook(self, book, data, requests):
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        subtitles = [
            ", ".join((requests.company_id or self.env.company).mapped("name")),
            self.env._(
                "%(count)s requests, printed on %(date)s by %(user)s",
                count=len(requests),
                date=now.strftime("%Y-%m-%d %H:%M"),
                user=self.env.user.name,
            ),
        ]
        book.add_table(
            self.env._("Register"),
            self.env._("Service request register"),
            subtitles,
            self._register_columns(),
            self._register_rows(requests),
        )
        for group_by, sheet, title, label in (
            (
                "user",
                self.env._("Per engineer"),
                self.env._("KPIs per engineer"),
                self.env._("Engineer"),
            ),
            (
                "customer",
                self.env._("Per customer"),
                self.env._("KPIs per customer"),
                self.env._("Customer"),
            ),
            ("month", self.env._("Per month"), self.env._("KPIs per month"), self.env._("Month")),
        ):
            rows = [{"group": key, **values} for key, values in requests._kpi(group_by).items()]
            book.add_table(sheet, title, subtitles, self._kpi_columns(label), rows)
        years = sorted({request.date_received.year for request in requests})
        score_rows = []
        for year in years:
            for user, (kpis, score) in requests._quality_scores(year).items():
                score_rows.append({"year": str(year), "group": user.name, **kpis, "score": score})
        company = requests.company_id[:1] or self.env.company
        book.add_table(
            self.env._("Year-end score"),
            self.env._("Year-end quality score per engineer"),
            [*subtitles, self._score_weights_text(company)],
            [
                Column(self.env._("Year"), "year", width=8),
                *self._kpi_columns(self.env._("Engineer")),
                *self._score_component_columns(),
                Column(self.env._("Score"), "score", "float", 10),
            ],
            score_rows,
        )

    def _score_component_labels(self):
        """{weight key: label} of the year-end score's components."""
        return {
            "on_time": self.env._("SLA met"),
            "resolution": self.env._("resolution rate"),
            "first_time_fix": self.env._("first-time fix"),
            "audit": self.env._("audit checks without a finding"),
        }

    def _score_weights_text(self, company):
        labels = self._score_component_labels()
        weights = company._qms_service_score_weights()
        return self.env._(
            "Weighted (Settings): %(weights)s.",
            weights=", ".join(
                f"{labels[key]} {weight}" for key, weight in weights.items() if key in labels
            ),
        )

    def _score_component_columns(self):
        """The components beyond the KPIs (qms_service_survey adds the survey)."""
        return [
            Column(self.env._("Audit checks"), "audit_checks", "int", 10),
            Column(self.env._("Audit findings"), "audit_findings", "int", 10),
            Column(self.env._("Audit checks without a finding"), "audit_rate", "percent", 12),
        ]

    def _register_columns(self):
        return [
            Column(self.env._("Number"), "name", width=14),
            Column(self.env._("Received on"), "date_received", "datetime", 17),
            Column(self.env._("Channel"), "channel", width=12),
            Column(self.env._("Customer"), "customer", width=26),
            Column(self.env._("Project"), "project", width=18),
            Column(self.env._("Equipment"), "product", width=24),
            Column(self.env._("Serial number"), "lot", width=14),
            Column(self.env._("Urgency"), "urgency", width=10),
            Column(self.env._("Engineer"), "engineer", width=16),
            Column(self.env._("Status"), "state", width=12),
            Column(self.env._("Result"), "result", width=20),
            Column(self.env._("Expected resolution"), "expected", "datetime", 17),
            Column(self.env._("Resolved on"), "date_resolved", "datetime", 17),
            Column(self.env._("Closed on"), "date_closed", "datetime", 17),
            Column(self.env._("First-time fix"), "ftf", width=10),
            Column(self.env._("Misuse"), "misuse", width=9),
        ]

    def _register_rows(self, requests):
        Request = self.env["qms.service.request"]
        labels = {
            name: dict(Request._fields[name]._description_selection(self.env))
            for name in ("channel", "urgency", "state", "result")
        }
        yes, no = self.env._("Yes"), self.env._("No")
        local = self._local_datetime
        return [
            {
                "name": request.name,
                "date_received": local(request.date_received),
                "channel": labels["channel"].get(request.channel),
                "customer": request.commercial_partner_id.name,
                "project": request.project_name or None,
                "product": request.product_id.display_name or None,
                "lot": request.lot_id.name or None,
                "urgency": labels["urgency"].get(request.urgency),
                "engineer": request.user_id.name or None,
                "state": labels["state"].get(request.state),
                "result": labels["result"].get(request.result),
                "expected": local(request.expected_resolution),
                "date_resolved": local(request.date_resolved),
                "date_closed": local(request.date_closed),
                "ftf": yes if request.is_first_time_fix else no,
                "misuse": yes if request.is_misuse else no,
            }
            for request in requests
        ]

    def _kpi_columns(self, label):
        urgencies = dict(
            self.env["qms.service.request"]._fields["urgency"]._description_selection(self.env)
        )
        return [
            Column(label, "group", width=24),
            Column(self.env._("Requests"), "count", "int", 10),
            Column(self.env._("Resolved"), "resolved", "int", 10),
            Column(self.env._("Resolution rate"), "resolution_rate", "percent", 11),
            Column(self.env._("Reply (working h)"), "response_hours", "float", 11),
            *(
                Column(
                    self.env._("Reply %(urgency)s (working h)", urgency=urgencies[code]),
                    f"response_hours_{code}",
                    "float",
                    12,
                )
                for code, _label in URGENCIES
            ),
            Column(self.env._("Repair cycle (working h)"), "cycle_hours", "float", 12),
            Column(self.env._("SLA breach rate"), "breach_rate", "percent", 11),
            Column(self.env._("First-time fix"), "first_time_fix_rate", "percent", 11),
        ]
