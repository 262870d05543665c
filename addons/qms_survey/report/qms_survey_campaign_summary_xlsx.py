from collections import defaultdict

from odoo import models
from odoo.tools import html2plaintext

from odoo.addons.qms_base.tools.xlsx import Cell, Column


class ReportQmsSurveyCampaignSummaryXlsx(models.AbstractModel):
    """The summary analysis workbook of a campaign: indicators, scores per customer,
    actions, trends across campaigns (with charts) and the return rate per quarter."""

    _name = "report.qms_survey.campaign_summary_xlsx"
    _inherit = "report.qms_survey.xlsx"
    _description = "Satisfaction Summary Analysis (XLSX)"

    def _fill_record_workbook(self, book, data, campaign):
        env = self.env
        subtitle = [campaign.display_name, campaign.company_id.name]
        modules = campaign.weight_ids.module_id
        book.add_table(
            env._("Summary"),
            env._("Customer satisfaction survey summary analysis"),
            subtitle,
            [
                Column(env._("Indicator"), "label", width=28),
                Column(env._("Value"), "value", "float"),
            ],
            [
                {"label": env._("Sent"), "value": Cell(campaign.sent_count, "int")},
                {
                    "label": env._("Returned in time"),
                    "value": Cell(campaign.returned_count, "int"),
                },
                {"label": env._("Return rate (%)"), "value": campaign.return_rate},
                {"label": env._("Return rate target (%)"), "value": campaign.return_target},
                {"label": env._("Average total"), "value": campaign.score_avg},
                {"label": env._("Grade A (%)"), "value": campaign.grade_a_rate},
                {"label": env._("Satisfaction rate (%)"), "value": campaign.satisfaction_rate},
                {
                    "label": env._("Satisfaction rate target (%)"),
                    "value": campaign.satisfaction_target,
                },
            ],
        )
        self._add_customers_sheet(book, subtitle, campaign, modules)
        self._add_actions_sheet(book, subtitle, campaign)
        campaigns, by_campaign, totals = campaign._trend()
        trend_sheet = book.add_table(
            env._("Trend"),
            env._("Trend of the average scores across campaigns"),
            subtitle,
            [
                Column(env._("Campaign"), "campaign", width=22),
                Column(env._("Total"), "total", "float"),
                *[Column(m.name, f"m{m.id}", "float") for m in modules],
            ],
            [
                {
                    "campaign": c.title or c.name,
                    "total": totals.get(c),
                    **{f"m{m.id}": by_campaign[c.id].get(m.id) for m in modules},
                }
                for c in campaigns
            ],
        )
        book.add_chart(
            trend_sheet,
            "line",
            env._("Average total and modules"),
            "campaign",
            ["total", *[f"m{m.id}" for m in modules]],
        )
        partners = campaign.invitation_ids.partner_id
        customer_totals = campaigns._customer_totals()
        customer_sheet = book.add_table(
            env._("Customer trend"),
            env._("Total score per customer across campaigns"),
            subtitle,
            [
                Column(env._("Campaign"), "campaign", width=22),
                *[Column(p.name, f"p{p.id}", "float") for p in partners],
            ],
            [
                {
                    "campaign": c.title or c.name,
                    **{f"p{p.id}": customer_totals[c.id].get(p.id) for p in partners},
                }
                for c in campaigns
            ],
        )
        book.add_chart(
            customer_sheet,
            "line",
            env._("Total per customer"),
            "campaign",
            [f"p{p.id}" for p in partners],
        )
        self._add_return_rate_sheet(book, subtitle, campaign._return_rate_by_quarter())
        self._add_conclusions_sheet(book, subtitle, campaign)

    def _add_customers_sheet(self, book, subtitle, campaign, modules):
        env = self.env
        Invitation = env["qms.survey.invitation"]
        scores = defaultdict(dict)
        for score in campaign.score_ids:
            scores[score.invitation_id.id][score.module_id.id] = score.score
        band_labels = dict(Invitation._fields["band"]._description_selection(env))
        state_labels = dict(Invitation._fields["state"]._description_selection(env))
        rows = []
        for invitation in campaign.invitation_ids.sorted(lambda i: i.partner_id.name or ""):
            row = {
                "customer": invitation.partner_id.name,
                "contact": invitation.contact_id.name,
                "state": state_labels.get(invitation.state),
                "total": invitation.score_total if invitation.scored else None,
                "grade": invitation.grade or None,
                "band": band_labels.get(invitation.band) if invitation.band else None,
            }
            for module in modules:
                row[f"m{module.id}"] = scores[invitation.id].get(module.id)
            rows.append(row)
        return book.add_table(
            env._("Customers"),
            env._("Scores per customer"),
            subtitle,
            [
                Column(env._("Customer"), "customer", width=28),
                Column(env._("Contact"), "contact", width=22),
                Column(env._("Status"), "state"),
                *[Column(m.name, f"m{m.id}", "float") for m in modules],
                Column(env._("Total"), "total", "float"),
                Column(env._("Grade"), "grade", width=8),
                Column(env._("Band"), "band"),
            ],
            rows,
        )

    def _add_actions_sheet(self, book, subtitle, campaign):
        env = self.env
        Action = env["qms.capa"]
        kind_labels = dict(Action._fields["survey_kind"]._description_selection(env))
        state_labels = dict(Action._fields["state"]._description_selection(env))
        return book.add_table(
            env._("Actions"),
            env._("Low items, suggestions and corrective actions"),
            subtitle,
            [
                Column(env._("Type"), "kind", width=18),
                Column(env._("Customer"), "customer", width=24),
                Column(env._("Description"), "name", width=48),
                Column(env._("Score"), "score", "float"),
                Column(env._("Department"), "department", width=20),
                Column(env._("Status"), "state"),
                Column(env._("Next campaign score"), "next", "float"),
            ],
            [
                {
                    "kind": kind_labels.get(a.survey_kind),
                    "customer": a.partner_id.name,
                    "name": a.title,
                    "score": a.survey_score if a.survey_kind != "suggestion" else None,
                    "department": a.department_id.name,
                    "state": state_labels.get(a.state),
                    "next": a.survey_next_score if a.survey_next_scored else None,
                }
                for a in campaign.qms_capa_ids
            ],
        )

    def _add_conclusions_sheet(self, book, subtitle, campaign):
        """The section the monthly target meeting or the management review fills."""
        env = self.env
        meetings = dict(campaign._fields["review_meeting"]._description_selection(env))
        findings = campaign.joint_review_ids | campaign.module_drop_ids
        findings |= campaign.satisfaction_report_ids
        rows = [
            {"label": env._("Reviewed at"), "value": meetings.get(campaign.review_meeting)},
            {
                "label": env._("Reviewed on"),
                "value": str(campaign.date_reviewed) if campaign.date_reviewed else None,
            },
            *[{"label": capa.name, "value": capa.title} for capa in findings],
            {
                "label": env._("Conclusions"),
                "value": html2plaintext(campaign.conclusions or "").strip() or None,
            },
        ]
        book.add_table(
            env._("Conclusions"),
            env._("Conclusions of the review"),
            subtitle,
            [
                Column(env._("Item"), "label", width=28),
                Column(env._("Conclusion"), "value", width=80),
            ],
            rows,
        )
