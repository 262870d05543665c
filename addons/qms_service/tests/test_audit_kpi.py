import io

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.qms_base.tests.lifecycle_cases import CapaLifecycleCases

from ..tools.service_kpi import RequestFacts, aggregate, quality_score
from .common import ServiceCase, cst

KPI_REPORT = "qms_service.action_report_qms_service_kpi_xlsx"


@tagged("post_install", "-at_install")
class TestServiceAuditKpi(ServiceCase):
    def _resolved(self, received, replied, resolved, visits=1, **values):
        """A request received, accepted and resolved at the given Beijing times."""
        with freeze_time(received):
            request = self._request(date_received=received, user_id=self.engineer.id, **values)
        with freeze_time(replied):
            request.action_accept()
        for index in range(visits):
            with freeze_time(resolved):
                visit = self.env["qms.service.visit"].create(
                    {
                        "request_id": request.id,
                        "user_id": self.engineer.id,
                        "date_start": received,
                        "date_end": resolved,
                        "description": "<p>Checked</p>",
                        "result": "resolved" if index == visits - 1 else "ongoing",
                    }
                )
                visit.action_submit()
        return request

    def test_internal_audit_turns_findings_into_corrective_actions(self):
        """002 三: the work records of 20 days ago against the customer's issue list."""
        with freeze_time("2026-11-11 02:00:00"):
            documented = self._resolved(
                cst(2026, 11, 11, 9, 0),
                cst(2026, 11, 11, 9, 30),
                cst(2026, 11, 11, 11, 0),
                title="Encoder noise",
            )
            undocumented = self._request(
                date_received=cst(2026, 11, 11, 10, 0), user_id=self.engineer.id, title="Alarm 17"
            )
            undocumented.action_accept()
        with freeze_time("2026-12-01 02:00:00"):
            # the customer's list: one line quotes our number, one is linked by the
            # auditor, one was never registered (pasted)
            audit = self.env["qms.service.audit"].create(
                {
                    "partner_id": self.customer.id,
                    "issue_ids": [
                        Command.create(
                            {
                                "reference": "C-311",
                                "description": f"Encoder noise on line 2 ({documented.name})",
                            }
                        ),
                        Command.create({"description": "Alarm 17", "request_id": undocumented.id}),
                    ],
                    "customer_issues": "HMI freezes",
                }
            )
            self.assertEqual(str(audit.date_from), "2026-11-11", "20 days before the audit")
            audit.action_load()
            self.assertEqual(
                audit.issue_ids.mapped("match"), ["number", "link", False], "explicit matches"
            )
            self.assertEqual(audit.issue_ids[0].request_id, documented)
            self.assertEqual(audit.issue_ids[2].description, "HMI freezes")
            findings = {
                (line.request_id or line).display_name
                if line.request_id
                else line.customer_issue: line.finding
                for line in audit.line_ids
            }
            self.assertEqual(findings[documented.display_name], "ok")
            self.assertEqual(findings[undocumented.display_name], "no_work_record")
            self.assertEqual(findings["HMI freezes"], "not_registered")
            self.assertEqual(audit.finding_count, 2)
            audit.action_done()
            self.assertEqual(audit.state, "done")
            self.assertEqual(len(audit.qms_capa_ids), 2)
            self.assertEqual(audit.qms_capa_ids.mapped("kind"), ["corrective", "corrective"])
            self.assertIn(self.engineer, audit.qms_capa_ids.user_id)
            self.assertTrue(
                all(audit.line_ids.filtered(lambda check: check.finding != "ok").capa_id)
            )

    def test_audit_matches_explicitly_both_ways(self):
        """A title alike is no match; a work record on nothing the customer
        lists is a finding, as is an issue never registered (002 三.3–7)."""
        with freeze_time("2026-11-11 02:00:00"):
            recorded = self._resolved(
                cst(2026, 11, 11, 9, 0),
                cst(2026, 11, 11, 9, 30),
                cst(2026, 11, 11, 11, 0),
                title="Encoder noise",
            )
        with freeze_time("2026-12-01 02:00:00"):
            audit = self.env["qms.service.audit"].create(
                {"partner_id": self.customer.id, "customer_issues": "Encoder noise"}
            )
            audit.action_load()
            self.assertFalse(audit.issue_ids.request_id, "the same words are not a match")
            line = audit.line_ids.filtered(lambda check: check.request_id == recorded)
            self.assertEqual(line.finding, "not_on_list")
            issue_line = audit.line_ids.filtered(lambda check: not check.request_id)
            self.assertEqual(issue_line.finding, "not_registered")
            self.assertEqual(audit.finding_count, 2)
            # loading again does not add the pasted line twice
            audit.action_load()
            self.assertEqual(len(audit.issue_ids), 1)
            # the auditor links the issue: both sides match
            audit.issue_ids.request_id = recorded
            self.assertEqual(audit.issue_ids.match, "link")
            audit.action_load()
            self.assertEqual(audit.line_ids.mapped("finding"), ["ok"])
            self.assertEqual(audit.line_ids.issue_id, audit.issue_ids)
            audit.issue_ids.request_id = False
            audit.action_load()
            audit.action_done()
            self.assertEqual(len(audit.qms_capa_ids), 2)
            with self.assertRaises(UserError):
                audit.issue_ids.description = "Changed afterwards"

    def test_kpis_are_read_from_the_deadline_rows(self):
        with freeze_time("2026-11-02 02:00:00"):
            fast = self._resolved(
                cst(2026, 11, 2, 9, 0),
                cst(2026, 11, 2, 10, 0),
                cst(2026, 11, 2, 15, 0),
                urgency="critical",
            )
            # replied after 8 working hours: breach; resolved at the second visit
            slow = self._resolved(
                cst(2026, 11, 2, 9, 0),
                cst(2026, 11, 3, 11, 0),
                cst(2026, 11, 4, 9, 0),
                urgency="normal",
                visits=2,
            )
            other = self._request(
                date_received=cst(2026, 11, 2, 9, 0),
                partner_id=self.other_customer.id,
                contact_id=False,
            )
            requests = fast | slow | other
            kpi = requests._kpi()[""]
        self.assertEqual(kpi["count"], 3)
        self.assertEqual(kpi["resolved"], 2)
        self.assertAlmostEqual(kpi["resolution_rate"], 2 / 3)
        self.assertAlmostEqual(kpi["response_hours_critical"], 1.0)
        # 9:00 Monday to 11:00 Tuesday: 8 + 2 working hours
        self.assertAlmostEqual(kpi["response_hours_normal"], 10.0)
        self.assertAlmostEqual(kpi["first_time_fix_rate"], 0.5)
        # 3 + 3 + 2 (open, not yet due at 10:00 2 Nov) SLA rows; only slow's reply is late
        self.assertEqual(kpi["sla_rows"], 6)
        self.assertAlmostEqual(kpi["breach_rate"], 1 / 6)
        per_customer = requests._kpi("customer")
        self.assertEqual(per_customer[self.other_customer.name]["count"], 1)
        self.assertEqual(set(requests._kpi("month")), {"2026-11"})
        scores = requests._quality_scores(2026)
        self.assertIn(self.engineer, scores)
        self.assertTrue(0 < scores[self.engineer][1] <= 100)
        # the XLSX: register, three KPI sheets and the year-end score
        content, report_type = self.env["ir.actions.report"]._render(KPI_REPORT, requests.ids)
        self.assertEqual(report_type, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            book.sheetnames,
            ["Register", "Per engineer", "Per customer", "Per month", "Year-end score"],
        )
        names = [row[0].value for row in book["Register"].iter_rows()]
        self.assertIn(fast.name, names)

    def test_year_end_score_counts_the_audit_findings(self):
        with freeze_time("2026-11-11 02:00:00"):
            listed = self._resolved(
                cst(2026, 11, 11, 9, 0), cst(2026, 11, 11, 9, 30), cst(2026, 11, 11, 11, 0)
            )
            unlisted = self._resolved(
                cst(2026, 11, 11, 9, 0), cst(2026, 11, 11, 9, 30), cst(2026, 11, 11, 11, 0)
            )
        requests = listed | unlisted
        before = requests._quality_scores(2026)[self.engineer]
        self.assertEqual(before[0]["audit_checks"], 0)
        self.assertIsNone(before[0]["audit_rate"], "no audit: the component is left out")
        with freeze_time("2026-12-01 02:00:00"):
            audit = self.env["qms.service.audit"].create(
                {"partner_id": self.customer.id, "customer_issues": f"{listed.name} noise"}
            )
            audit.action_load()
            audit.action_done()
        kpis, score = requests._quality_scores(2026)[self.engineer]
        self.assertEqual((kpis["audit_checks"], kpis["audit_findings"]), (2, 1))
        self.assertEqual(kpis["audit_rate"], 0.5)
        weights = self.env.company._qms_service_score_weights()
        self.assertEqual(weights["audit"], 20)
        self.assertEqual(score, quality_score(kpis, weights))
        self.assertLess(score, before[1], "a finding lowers the score")
        self.env.company.qms_service_score_weight_audit = 0
        self.assertEqual(requests._quality_scores(2026)[self.engineer][1], before[1])
        content, _type = self.env["ir.actions.report"]._render(KPI_REPORT, requests.ids)
        sheet = openpyxl.load_workbook(io.BytesIO(content))["Year-end score"]
        cells = [cell.value for row in sheet.iter_rows() for cell in row]
        self.assertIn("Audit findings", cells)
        self.assertIn("Audit checks without a finding", cells)

    def test_pure_kpi_arithmetic(self):
        facts = [
            RequestFacts(
                "normal",
                resolved=True,
                first_time_fix=True,
                response_hours=2,
                resolution_hours=10,
                sla_rows=2,
            ),
            RequestFacts("normal", resolved=False, response_hours=6, sla_rows=2, sla_breached=1),
        ]
        kpi = aggregate(facts, ["normal", "high"])
        self.assertEqual(kpi["response_hours_normal"], 4)
        self.assertIsNone(kpi["response_hours_high"])
        self.assertEqual(kpi["cycle_hours"], 10)
        self.assertEqual(kpi["breach_rate"], 0.25)
        score = quality_score(kpi, {"on_time": 40, "resolution": 30, "first_time_fix": 30})
        self.assertEqual(score, round(100 * (40 * 0.75 + 30 * 0.5 + 30 * 1) / 100, 1))
        with_audit = {**kpi, "audit_rate": 0.5, "survey_rate": 0.9}
        weights = {"on_time": 40, "resolution": 30, "first_time_fix": 30, "audit": 20, "survey": 10}
        self.assertEqual(
            quality_score(with_audit, weights),
            round(100 * (40 * 0.75 + 30 * 0.5 + 30 * 1 + 20 * 0.5 + 10 * 0.9) / 130, 1),
        )
        self.assertIsNone(quality_score({}, {"on_time": 1}))


@tagged("post_install", "-at_install")
class TestServiceAuditCapaLifecycle(CapaLifecycleCases, ServiceCase):
    """A service audit is a source of corrective actions like any other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.capa_owner = cls.owner_user
        cls.capa_verifier = cls.manager_user
        cls.source_audit = cls.env["qms.service.audit"].create({"partner_id": cls.customer.id})

    def _capa_source(self):
        return self.source_audit


@tagged("post_install", "-at_install")
class TestServicePartnerCounter(ServiceCase):
    def test_partner_quality_counter_counts_open_requests(self):
        first = self._request()
        self._request(contact_id=False)
        closed = self._request(user_id=self.engineer.id)
        closed.action_accept()
        closed.action_resolve()
        closed.action_close()
        self.assertEqual(self.customer.qms_service_request_count, 2)
        self.assertEqual(self.customer_contact.qms_service_request_count, 2)
        self.assertGreaterEqual(self.customer.qms_open_count, 2)
        action = self.customer.action_view_qms_service_requests()
        self.assertIn(first, self.env["qms.service.request"].search(action["domain"]))
        self.assertEqual(self.other_customer.qms_service_request_count, 0)
