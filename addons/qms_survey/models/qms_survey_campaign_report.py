from collections import defaultdict

from odoo import fields, models

from ..tools import chart as chart_tools
from ..tools import scoring


class QmsSurveyCampaign(models.Model):
    """What the management review reads of a campaign: trends, per-customer
    totals, return rate per quarter (the PDF and XLSX summary reports read them)."""

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
        chart = chart_tools.score_trend_svg(
            [row["campaign"] for row in trend],
            [(self.env._("Average total score"), [row["total"] for row in trend])]
            + [
                (weight.module_id.name, [row["modules"][index] for row in trend])
                for index, weight in enumerate(self.weight_ids)
            ],
        )
        return {
            "modules": modules,
            "trend": trend,
            "trend_chart": chart,
            "quarters": self._return_rate_by_quarter(),
        }

    def _return_rate_by_quarter(self, year=None):
        """``[(quarter label, sent, returned, rate)]`` of the company's campaigns, of
        the quarters whose return windows have all closed: a quarter with a contact
        still in time to answer has no final return rate yet."""
        company = self.company_id[:1] or self.env.company
        domain = [("company_id", "=", company.id), ("date_sent", "!=", False)]
        if year:
            domain += [
                ("date_sent", ">=", f"{year}-01-01"),
                ("date_sent", "<", f"{year + 1}-01-01"),
            ]
        invitations = self.env["qms.survey.invitation"]
        groups = invitations._read_group(
            domain, ["date_sent:quarter"], ["sent_count:sum", "returned_count:sum"]
        )
        now = fields.Datetime.now()
        open_quarters = {
            self._quarter_of(invitation.date_sent)
            for invitation in invitations.search([*domain, ("state", "=", "sent")])
            if invitation.return_due and invitation.return_due > now
        }
        return [
            (
                f"Q{(start.month - 1) // 3 + 1} {start.year}",
                sent,
                returned,
                scoring.return_rate(returned, sent),
            )
            for start, sent, returned in groups
            if (start.year, (start.month - 1) // 3 + 1) not in open_quarters
        ]

    def _quarter_of(self, moment):
        """``(year, quarter)`` of a UTC datetime in the user's time zone, as
        ``_read_group`` buckets it."""
        local = fields.Datetime.context_timestamp(self, moment)
        return local.year, (local.month - 1) // 3 + 1
