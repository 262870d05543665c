from collections import defaultdict
from datetime import date

from odoo import fields, models

from ..tools.service_kpi import RequestFacts, aggregate, quality_score, rate
from .qms_service_audit_line import PROBLEM_FINDINGS
from .qms_service_level import TARGET_KINDS, URGENCIES


class QmsServiceRequest(models.Model):
    """KPIs read from the requests' ``qms.deadline`` rows (one place, one
    definition of on time): response time per urgency, repair cycle time,
    resolution rate, SLA breach rate, first-time fix; per engineer, customer
    or month; the engineers' year-end quality score."""

    _inherit = "qms.service.request"  # pylint: disable=consider-merging-classes-inherited

    def _kpi_facts(self):
        """{request id: RequestFacts}, from one read of the deadline rows."""
        rows = (
            self.env["qms.deadline"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("state", "!=", "cancelled"),
                ]
            )
        )
        now = fields.Datetime.now()
        by_request = defaultdict(list)
        for row in rows:
            by_request[row.res_id].append(row)
        facts = {}
        for request in self:
            own = by_request.get(request.id, [])
            sla = [row for row in own if row.kind_id.code in TARGET_KINDS]
            breached = [
                row
                for row in sla
                if (row.state == "done" and not row.on_time)
                or (row.state == "open" and row.due < now)
            ]

            def taken(code, own=own):
                done = [row for row in own if row.kind_id.code == code and row.state == "done"]
                return done[0].working_hours_taken if done else None

            facts[request.id] = RequestFacts(
                urgency=request.urgency,
                resolved=request.result in ("resolved", "observation")
                and request.state in ("resolved", "follow_up", "closed"),
                first_time_fix=request.is_first_time_fix,
                response_hours=taken("response"),
                resolution_hours=taken("resolution"),
                sla_rows=len(sla),
                sla_breached=len(breached),
            )
        return facts

    def _kpi_key(self, group_by):
        self.ensure_one()
        if group_by == "user":
            return self.user_id.name or self.env._("Unassigned")
        if group_by == "customer":
            return self.commercial_partner_id.name
        if group_by == "month":
            tz = self.company_id._qms_calendar().tz or "UTC"
            return fields.Datetime.context_timestamp(
                self.with_context(tz=tz), self.date_received
            ).strftime("%Y-%m")
        return ""

    def _kpi(self, group_by=None):
        """{group: KPIs} of these requests; ``group_by`` in (None, "user",
        "customer", "month")."""
        facts = self._kpi_facts()
        groups = defaultdict(list)
        for request in self:
            groups[request._kpi_key(group_by)].append(facts[request.id])
        urgencies = [code for code, _label in URGENCIES]
        return {key: aggregate(group, urgencies) for key, group in sorted(groups.items())}

    def _quality_requests(self, year):
        """The requests an engineer's score of ``year`` counts."""
        return self.filtered(
            lambda r: r.user_id and r.date_received.year == year and r.state != "cancelled"
        )

    def _quality_scores(self, year):
        """{engineer: (KPIs and score components, score)} of the requests
        received in ``year``."""
        requests = self._quality_requests(year)
        components = requests._quality_components(year)
        result = {}
        for user, group in requests.grouped("user_id").items():
            kpis = {**group._kpi()[""], **components.get(user, {})}
            weights = (group.company_id[:1] or self.env.company)._qms_service_score_weights()
            result[user] = (kpis, quality_score(kpis, weights))
        return result

    def _quality_components(self, year):
        """{engineer: {component: value}} added to the engineers' KPIs before
        the score: here the internal audits done in ``year`` (002 三) – the
        checks of the engineer's requests and their findings;
        qms_service_survey adds the survey scores."""
        users = self.user_id
        if not users:
            return {}
        lines = (
            self.env["qms.service.audit.line"]
            .sudo()
            .search(
                [
                    ("audit_id.state", "=", "done"),
                    ("audit_id.date_audit", ">=", date(year, 1, 1)),
                    ("audit_id.date_audit", "<=", date(year, 12, 31)),
                    ("audit_id.company_id", "in", self.company_id.ids),
                    ("request_id.user_id", "in", users.ids),
                ]
            )
        )
        result = {}
        for user in users:
            checks = lines.filtered(lambda line, user=user: line.request_id.user_id == user)
            findings = checks.filtered(lambda line: line.finding in PROBLEM_FINDINGS)
            result[user] = {
                "audit_checks": len(checks),
                "audit_findings": len(findings),
                "audit_rate": rate(len(checks) - len(findings), len(checks)),
            }
        return result
