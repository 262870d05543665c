from odoo import models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsSurveyPlanSummaryXlsx(models.AbstractModel):
    """The annual workbook of a plan for the management review: campaigns with
    their indicators and module averages, customer trend, return rate, actions."""

    _name = "report.qms_survey.plan_summary_xlsx"
    _inherit = "report.qms_survey.xlsx"
    _description = "Annual Satisfaction Summary Analysis (XLSX)"

    def _fill_record_workbook(self, book, data, plan):
        env = self.env
        report_data = plan._report_data()
        subtitle = [plan.display_name, plan.company_id.name]
        modules = report_data["modules"]
        campaign_sheet = book.add_table(
            env._("Campaigns"),
            env._("Customer satisfaction survey summary analysis"),
            subtitle,
            [
                Column(env._("Campaign"), "campaign", width=22),
                Column(env._("Sent"), "sent", "int"),
                Column(env._("Returned in time"), "returned", "int"),
                Column(env._("Return rate (%)"), "rate", "float"),
                Column(env._("Average total"), "total", "float"),
                Column(env._("Grade A (%)"), "grade_a", "float"),
                Column(env._("Satisfaction rate (%)"), "satisfied", "float"),
                *[Column(m.name, f"m{m.id}", "float") for m in modules],
            ],
            [
                {
                    "campaign": row["campaign"].title or row["campaign"].name,
                    "sent": row["campaign"].sent_count,
                    "returned": row["campaign"].returned_count,
                    "rate": row["campaign"].return_rate,
                    "total": row["campaign"].score_avg,
                    "grade_a": row["campaign"].grade_a_rate,
                    "satisfied": row["campaign"].satisfaction_rate,
                    **{f"m{m.id}": value for m, value in zip(modules, row["modules"], strict=True)},
                }
                for row in report_data["module_rows"]
            ],
        )
        book.add_chart(
            campaign_sheet,
            "line",
            env._("Average total and modules"),
            "campaign",
            ["total", *[f"m{m.id}" for m in modules]],
        )
        campaigns = report_data["campaigns"]
        customer_sheet = book.add_table(
            env._("Customer trend"),
            env._("Total score per customer across campaigns"),
            subtitle,
            [
                Column(env._("Customer"), "customer", width=28),
                *[Column(c.title or c.name, f"c{c.id}", "float") for c in campaigns],
            ],
            [
                {
                    "customer": row["customer"].name,
                    **{
                        f"c{c.id}": value for c, value in zip(campaigns, row["totals"], strict=True)
                    },
                }
                for row in report_data["customers"]
            ],
        )
        if campaigns:
            book.add_chart(
                customer_sheet,
                "column",
                env._("Total per customer"),
                "customer",
                [f"c{c.id}" for c in campaigns],
            )
        self._add_return_rate_sheet(book, subtitle, report_data["quarters"])
        self._add_actions_sheet(book, subtitle, report_data["actions"])

    def _add_actions_sheet(self, book, subtitle, actions):
        env = self.env
        state_labels = dict(actions._fields["state"]._description_selection(env))
        kind_labels = dict(actions._fields["survey_kind"]._description_selection(env))
        effects = dict(actions._fields["survey_next_effect"]._description_selection(env))
        return book.add_table(
            env._("Actions"),
            env._("Low items, suggestions and corrective actions"),
            subtitle,
            [
                Column(env._("Campaign"), "campaign", width=18),
                Column(env._("Type"), "kind", width=18),
                Column(env._("Customer"), "customer", width=24),
                Column(env._("Description"), "name", width=48),
                Column(env._("Department"), "department", width=20),
                Column(env._("Status"), "state"),
                Column(env._("Effect"), "effect"),
            ],
            [
                {
                    "campaign": a.survey_campaign_id.title or a.survey_campaign_id.name,
                    "kind": kind_labels.get(a.survey_kind),
                    "customer": a.partner_id.name,
                    "name": a.title,
                    "department": a.department_id.name,
                    "state": state_labels.get(a.state),
                    "effect": effects.get(a.survey_next_effect),
                }
                for a in actions
            ],
        )
