from collections import defaultdict

from odoo import models

from odoo.addons.qms_base.tools.xlsx import Column, XlsxBook

from ..tools import scoring


class QmsSurveyCampaign(models.Model):
    """What the management review reads of a campaign: trends, per-customer
    totals, return rate per quarter, and the summary analysis XLSX."""

    _inherit = "qms.survey.campaign"

    def _trend(self, limit=8):
        """The last ``limit`` campaigns up to this one, with their averages per
        module (``{campaign_id: {module_id: avg}}``) and total (``{campaign: avg}``)."""
        self.ensure_one()
        campaigns = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("campaign_type", "=", self.campaign_type),
                ("state", "in", ("sent", "closed")),
                ("date_send", "<=", self.date_send),
            ],
            order="date_send desc",
            limit=limit,
        ).sorted("date_send")
        totals = dict(
            self.env["qms.survey.invitation"]._read_group(
                [("campaign_id", "in", campaigns.ids), ("scored", "=", True)],
                ["campaign_id"],
                ["score_total:avg"],
            )
        )
        return campaigns, campaigns._module_averages(), totals

    def _module_averages(self):
        """``{campaign id: {module id: average score}}`` of these campaigns."""
        groups = self.env["qms.survey.score"]._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id", "module_id"], ["score:avg"]
        )
        by_campaign = defaultdict(dict)
        for campaign, module, average in groups:
            by_campaign[campaign.id][module.id] = average
        return by_campaign

    def _customer_totals(self):
        """``{campaign id: {customer id: average total}}`` of these campaigns."""
        totals = defaultdict(dict)
        for campaign, partner, average in self.env["qms.survey.invitation"]._read_group(
            [("campaign_id", "in", self.ids), ("scored", "=", True)],
            ["campaign_id", "partner_id"],
            ["score_total:avg"],
        ):
            totals[campaign.id][partner.id] = average
        return totals

    def _report_data(self):
        """What the summary report shows besides the campaign's own fields."""
        self.ensure_one()
        averages = {
            module.id: average
            for module, average in self.env["qms.survey.score"]._read_group(
                [("campaign_id", "=", self.id)], ["module_id"], ["score:avg"]
            )
        }
        modules = [
            {"name": w.module_id.name, "weight": w.weight, "average": averages.get(w.module_id.id)}
            for w in self.weight_ids
        ]
        campaigns, by_campaign, totals = self._trend()
        trend = [
            {
                "campaign": campaign.title or campaign.name,
                "total": totals.get(campaign),
                "modules": [by_campaign[campaign.id].get(w.module_id.id) for w in self.weight_ids],
            }
            for campaign in campaigns
        ]
        return {"modules": modules, "trend": trend, "quarters": self._return_rate_by_quarter()}

    def _return_rate_by_quarter(self, year=None):
        """``[(quarter label, sent, returned, rate)]`` of the company's campaigns."""
        company = self.company_id[:1] or self.env.company
        domain = [("company_id", "=", company.id), ("sent_date", "!=", False)]
        if year:
            domain += [
                ("sent_date", ">=", f"{year}-01-01"),
                ("sent_date", "<", f"{year + 1}-01-01"),
            ]
        groups = self.env["qms.survey.invitation"]._read_group(
            domain, ["sent_date:quarter"], ["sent_count:sum", "returned_count:sum"]
        )
        return [
            (
                f"Q{(start.month - 1) // 3 + 1} {start.year}",
                sent,
                returned,
                scoring.return_rate(returned, sent),
            )
            for start, sent, returned in groups
        ]

    def _qms_summary_xlsx(self):
        self.ensure_one()
        lang_self = self.with_context(lang=self.company_id.partner_id.lang or self.env.lang)
        env = lang_self.env
        book = XlsxBook()
        subtitle = [self.display_name, self.company_id.name]
        modules = self.weight_ids.module_id
        summary_rows = [
            {"label": env._("Sent"), "value": self.sent_count},
            {"label": env._("Returned in time"), "value": self.returned_count},
            {"label": env._("Return rate (%)"), "value": self.return_rate},
            {"label": env._("Return rate target (%)"), "value": self.return_target},
            {"label": env._("Average total"), "value": self.score_avg},
            {"label": env._("Grade A (%)"), "value": self.grade_a_rate},
            {"label": env._("Satisfaction rate (%)"), "value": self.satisfaction_rate},
        ]
        book.add_table(
            env._("Summary"),
            env._("Customer satisfaction survey summary analysis"),
            subtitle,
            [
                Column(env._("Indicator"), "label", width=28),
                Column(env._("Value"), "value", "float"),
            ],
            summary_rows,
        )
        scores = defaultdict(dict)
        for score in self.score_ids:
            scores[score.invitation_id.id][score.module_id.id] = score.score
        band_labels = dict(
            self.env["qms.survey.invitation"]._fields["band"]._description_selection(lang_self.env)
        )
        state_labels = dict(
            self.env["qms.survey.invitation"]._fields["state"]._description_selection(lang_self.env)
        )
        customer_columns = [
            Column(env._("Customer"), "customer", width=28),
            Column(env._("Contact"), "contact", width=22),
            Column(env._("Status"), "state"),
            *[Column(m.with_env(lang_self.env).name, f"m{m.id}", "float") for m in modules],
            Column(env._("Total"), "total", "float"),
            Column(env._("Grade"), "grade", width=8),
            Column(env._("Band"), "band"),
        ]
        customer_rows = []
        for invitation in self.invitation_ids.sorted(lambda i: i.partner_id.name or ""):
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
            customer_rows.append(row)
        book.add_table(
            env._("Customers"),
            env._("Scores per customer"),
            subtitle,
            customer_columns,
            customer_rows,
        )
        kind_labels = dict(
            self.env["qms.capa"]._fields["survey_kind"]._description_selection(lang_self.env)
        )
        action_states = dict(
            self.env["qms.capa"]._fields["state"]._description_selection(lang_self.env)
        )
        book.add_table(
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
                    "state": action_states.get(a.state),
                    "next": a.survey_next_score if a.survey_next_scored else None,
                }
                for a in self.qms_capa_ids
            ],
        )
        campaigns, by_campaign, totals = self._trend()
        trend_rows = []
        for campaign in campaigns:
            row = {"campaign": campaign.title or campaign.name, "total": totals.get(campaign)}
            for module in modules:
                row[f"m{module.id}"] = by_campaign[campaign.id].get(module.id)
            trend_rows.append(row)
        module_keys = [f"m{m.id}" for m in modules]
        trend_sheet = book.add_table(
            env._("Trend"),
            env._("Trend of the average scores across campaigns"),
            subtitle,
            [
                Column(env._("Campaign"), "campaign", width=22),
                Column(env._("Total"), "total", "float"),
                *[Column(m.with_env(lang_self.env).name, f"m{m.id}", "float") for m in modules],
            ],
            trend_rows,
        )
        book.add_chart(
            trend_sheet,
            "line",
            env._("Average total and modules"),
            "campaign",
            ["total", *module_keys],
        )
        partners = self.invitation_ids.partner_id
        customer_totals = defaultdict(dict)
        for campaign, partner, average in self.env["qms.survey.invitation"]._read_group(
            [
                ("campaign_id", "in", campaigns.ids),
                ("scored", "=", True),
                ("partner_id", "in", partners.ids),
            ],
            ["campaign_id", "partner_id"],
            ["score_total:avg"],
        ):
            customer_totals[campaign.id][partner.id] = average
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
                    "campaign": campaign.title or campaign.name,
                    **{f"p{p.id}": customer_totals[campaign.id].get(p.id) for p in partners},
                }
                for campaign in campaigns
            ],
        )
        book.add_chart(
            customer_sheet,
            "line",
            env._("Total per customer"),
            "campaign",
            [f"p{p.id}" for p in partners],
        )
        add_return_rate_sheet(env, book, subtitle, self._return_rate_by_quarter())
        return book.close()


def add_return_rate_sheet(env, book, subtitle, quarters):
    """The "Return rate per quarter" sheet and its chart, shared by the campaign
    summary and the annual plan workbooks. ``quarters``: (label, sent, returned, rate)."""
    sheet = book.add_table(
        env._("Return rate"),
        env._("Return rate per quarter"),
        subtitle,
        [
            Column(env._("Quarter"), "quarter"),
            Column(env._("Sent"), "sent", "int"),
            Column(env._("Returned in time"), "returned", "int"),
            Column(env._("Return rate (%)"), "rate", "float"),
        ],
        [
            {"quarter": label, "sent": sent, "returned": returned, "rate": rate}
            for label, sent, returned, rate in quarters
        ],
    )
    book.add_chart(sheet, "column", env._("Return rate per quarter"), "quarter", ["rate"])
    return sheet
