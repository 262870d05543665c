import random
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import chart as chart_tools
from ..tools import scoring
from .qms_survey_campaign import _number, records_action
from .qms_survey_weight import WEIGHTS_KEY, WEIGHTS_TOKEN

PERIOD_MONTHS = {"quarterly": 3, "semiannual": 6, "annual": 12}
# A sanity bound, not a business number: a plan of a year outside is a typing error.
MIN_YEAR, MAX_YEAR = 2000, 2999
APPROVAL_ACTIVITY = "qms_survey.mail_activity_plan_approval"


class QmsSurveyPlan(models.Model):
    """年度客户满意程度调查计划: the year's campaigns and their target customers."""

    _name = "qms.survey.plan"
    _inherit = [
        "qms.sequence.mixin",
        "qms.workflow.mixin",
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Annual Customer Satisfaction Survey Plan"
    _order = "year desc, id desc"
    _qms_sequence_code = "qms.survey.plan"
    _qms_workflow_fields = ("state", "approved_by_id", "approved_date", "name")
    # what the Management Representative approved; customers may still join an approved plan
    _qms_frozen_fields = {
        **dict.fromkeys(("title", "year", "frequency", "survey_id"), ("draft",)),
        "partner_ids": ("draft", "approved"),
    }

    def _default_year(self):
        return fields.Date.context_today(self).year

    def _default_weights(self):
        modules = self.env["qms.survey.module"].search([("default_weight", ">", 0)])
        return [Command.create({"module_id": m.id, "weight": m.default_weight}) for m in modules]

    title = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=_default_year, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Organiser", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    frequency = fields.Selection(
        [("quarterly", "Quarterly"), ("semiannual", "Semi-annual"), ("annual", "Annual")],
        required=True,
        default="quarterly",
        tracking=True,
    )
    survey_id = fields.Many2one(
        "survey.survey", string="Questionnaire", required=True, tracking=True
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Target customers",
        domain=[("is_company", "=", True)],
        help="Each campaign invites these customers' contacts (the customer itself "
        "when it has no contact with an email).",
    )
    weight_ids = fields.One2many(
        "qms.survey.weight", "plan_id", string="Module weights", default=_default_weights
    )
    campaign_ids = fields.One2many("qms.survey.campaign", "plan_id", string="Campaigns")
    campaign_count = fields.Integer(compute="_compute_campaign_count")
    approver_ids = fields.Many2many(
        "res.users",
        string="Approvers",
        compute="_compute_approver_ids",
        help="The management representatives of the plan's company: each gets an activity "
        "when the plan is submitted, and one of them approves it.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approved_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Html()

    @api.constrains("weight_ids")
    def _check_weights(self):
        for plan in self.filtered("weight_ids"):
            if not scoring.weights_valid(plan.weight_ids.mapped("weight")):
                raise ValidationError(
                    self.env._(
                        "The module weights of plan %(plan)s sum to %(total)s%%; they must "
                        "sum to 100%%.",
                        plan=plan.display_name,
                        total=_number(sum(plan.weight_ids.mapped("weight"))),
                    )
                )

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            plan._check_year_value(plan.year)

    @api.constrains("title")
    def _check_title(self):
        for plan in self:
            if not (plan.title or "").strip():
                raise ValidationError(self.env._("Give the survey plan a title."))

    @api.model
    def _check_year_value(self, year):
        if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
            raise ValidationError(
                self.env._(
                    "The year of a survey plan must be between %(first)s and %(last)s, not "
                    "%(year)s.",
                    first=MIN_YEAR,
                    last=MAX_YEAR,
                    year=str(year)[:20],
                )
            )

    def write(self, vals):
        if "weight_ids" in vals:
            return super(QmsSurveyPlan, self.with_context(**{WEIGHTS_KEY: WEIGHTS_TOKEN})).write(
                vals
            )
        return super().write(vals)

    @api.depends("campaign_ids")
    def _compute_campaign_count(self):
        for plan in self:
            plan.campaign_count = len(plan.campaign_ids)

    @api.depends("company_id")
    def _compute_approver_ids(self):
        group = self.env.ref("qms_base.group_qms_management_representative")
        representatives = group.sudo().users.filtered(lambda u: u.active and not u.share)
        for plan in self:
            plan.approver_ids = representatives.filtered(
                lambda u, company=plan.company_id: company in u.company_ids
            )

    @api.depends("name", "title")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = f"{plan.name} {plan.title}" if plan.title else plan.name

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft plans can be deleted; archive the others."))

    @api.model
    def _qms_number_date(self, vals):
        year = vals.get("year") or self._default_year()
        self._check_year_value(year)
        return f"{year}-01-01"

    def action_submit(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only a draft plan can be submitted."))
            if not plan.partner_ids:
                raise UserError(
                    self.env._("Plan %(plan)s has no target customer.", plan=plan.display_name)
                )
            if not plan.weight_ids:
                raise UserError(
                    self.env._("Plan %(plan)s has no module weights.", plan=plan.display_name)
                )
        self._qms_workflow_write({"state": "submitted"})
        for plan in self:
            for approver in plan.approver_ids:
                plan.activity_schedule(
                    APPROVAL_ACTIVITY,
                    user_id=approver.id,
                    summary=self.env._("Approve the survey plan %(plan)s", plan=plan.display_name),
                )
        return True

    def action_approve(self):
        if not self.env.user.has_group("qms_base.group_qms_management_representative"):
            raise UserError(self.env._("Only the management representative approves survey plans."))
        if any(plan.state != "submitted" for plan in self):
            raise UserError(self.env._("Only a submitted plan can be approved."))
        self._qms_workflow_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        self.activity_feedback(
            [APPROVAL_ACTIVITY], user_id=self.env.uid, feedback=self.env._("Approved.")
        )
        self.activity_unlink([APPROVAL_ACTIVITY])
        return True

    def action_reset_draft(self):
        if any(plan.campaign_ids.filtered(lambda c: c.state != "draft") for plan in self):
            raise UserError(self.env._("Campaigns of this plan were already sent."))
        self._qms_workflow_write(
            {"state": "draft", "approved_by_id": False, "approved_date": False}
        )
        self.activity_unlink([APPROVAL_ACTIVITY])
        return True

    def action_done(self):
        if any(plan.state != "approved" for plan in self):
            raise UserError(self.env._("Only an approved plan can be marked done."))
        self._qms_workflow_write({"state": "done"})
        return True

    def action_generate_campaigns(self):
        """One draft campaign per period of the year, with the plan's customers."""
        for plan in self:
            if plan.state != "approved":
                raise UserError(
                    self.env._(
                        "Approve plan %(plan)s before scheduling its campaigns.",
                        plan=plan.display_name,
                    )
                )
            existing = set(plan.campaign_ids.mapped("period_start"))
            months = PERIOD_MONTHS[plan.frequency]
            vals_list = []
            for index, month in enumerate(range(1, 13, months), start=1):
                start = date(plan.year, month, 1)
                if start in existing:
                    continue
                label = {
                    "quarterly": f"Q{index}",
                    "semiannual": f"H{index}",
                    "annual": str(plan.year),
                }[plan.frequency]
                vals_list.append(plan._campaign_values(start, months, label))
            self.env["qms.survey.campaign"].create(vals_list)
        return self.action_view_campaigns()

    def _campaign_values(self, start, months, label):
        self.ensure_one()
        period_end = start + relativedelta(months=months, days=-1)
        send_on = datetime.combine(period_end - relativedelta(days=14), time(1, 0))
        return {
            "title": f"{self.year} {label}",
            "plan_id": self.id,
            "company_id": self.company_id.id,
            "user_id": self.user_id.id,
            "survey_id": self.survey_id.id,
            "period": self.frequency,
            "period_start": start,
            "date_send": send_on,
            "weight_ids": [
                Command.create({"module_id": w.module_id.id, "weight": w.weight})
                for w in self.weight_ids
            ],
            "invitation_ids": self.env["qms.survey.invitation"]._values_for_customers(
                self.partner_ids
            ),
        }

    def action_view_campaigns(self):
        return records_action(self, "qms_survey.qms_survey_campaign_action", "plan_id")

    def _report_data(self):
        """The year for the management review: campaigns, modules, customers, actions."""
        self.ensure_one()
        campaigns = self.campaign_ids.filtered(lambda c: c.state in ("sent", "closed")).sorted(
            "date_send"
        )
        modules = self.weight_ids.module_id | campaigns.weight_ids.module_id
        by_campaign = campaigns._module_averages()
        totals = campaigns._customer_totals()
        customers = campaigns.invitation_ids.partner_id.sorted("name")
        actions = campaigns.qms_capa_ids
        kind_labels = dict(actions._fields["survey_kind"]._description_selection(self.env))
        action_summary = [
            {
                "kind": kind_labels[kind],
                "total": len(kind_actions),
                "open": len(kind_actions.filtered(lambda a: a.state == "open")),
                "done": len(kind_actions.filtered(lambda a: a.state in ("done", "verified"))),
                "improved": len(
                    kind_actions.filtered(lambda a: a.survey_next_effect == "improved")
                ),
            }
            for kind, kind_actions in actions.grouped("survey_kind").items()
        ]
        company_campaign = self.env["qms.survey.campaign"].with_company(self.company_id)
        module_rows = [
            {
                "campaign": campaign,
                "modules": [by_campaign[campaign.id].get(m.id) for m in modules],
            }
            for campaign in campaigns
        ]
        chart = chart_tools.score_trend_svg(
            [campaign.title or campaign.name for campaign in campaigns],
            [(self.env._("Average total score"), [c.score_avg or None for c in campaigns])]
            + [
                (module.name, [row["modules"][index] for row in module_rows])
                for index, module in enumerate(modules)
            ],
        )
        return {
            "campaigns": campaigns,
            "modules": modules,
            "module_rows": module_rows,
            "trend_chart": chart,
            "customers": [
                {
                    "customer": customer,
                    "totals": [totals[campaign.id].get(customer.id) for campaign in campaigns],
                }
                for customer in customers
            ],
            "actions": actions,
            "action_summary": action_summary,
            "quarters": (campaigns[:1] or company_campaign)._return_rate_by_quarter(self.year),
        }

    def _demo_history(self):
        """Demo data: approve the plans, then send, answer and close their past
        campaigns with a trend that improves, service dipping once."""
        rng = random.Random(2026)
        now = fields.Datetime.now()
        for plan in self:
            plan.action_submit()
            plan._qms_workflow_write(
                {"state": "approved", "approved_by_id": self.env.uid, "approved_date": now}
            )
            plan.activity_unlink([APPROVAL_ACTIVITY])
            plan.action_generate_campaigns()
        campaigns = self.campaign_ids.filtered(lambda c: c.date_send < now).sorted("date_send")
        customers = self.partner_ids.sorted("id")
        offsets = {customer.id: (index % 3) * 4 - 4 for index, customer in enumerate(customers)}
        for index, campaign in enumerate(campaigns):
            last = index == len(campaigns) - 1
            invitations = campaign.invitation_ids
            invitations._send(now=campaign.date_send)
            campaign._qms_workflow_write({"state": "sent"})
            questions = campaign.survey_id.question_ids
            for rank, invitation in enumerate(invitations):
                if (index + rank) % 7 == 3:
                    continue  # not returned: the return rate misses its target
                answer = invitation.user_input_id
                for question in questions:
                    if question.qms_is_suggestion:
                        if rank == index % len(invitations):
                            answer._save_lines(
                                question, "Please shorten the response time of your service team."
                            )
                        continue
                    level = 62 + 4 * index + offsets[invitation.partner_id.id]
                    if question.qms_module_id.code == "service" and index == 3:
                        level -= 18
                    level += rng.choice((-10, 0, 0, 10))
                    points = max(2, min(10, round(level / 20) * 2))
                    choice = question.suggested_answer_ids.filtered(
                        lambda a, p=points: a.answer_score == p
                    )[:1]
                    answer._save_lines(question, choice.id)
                when = campaign.date_send + timedelta(days=2)
                answer.write({"state": "done", "end_datetime": when})
                invitation._register_answer(when)
            if last:
                continue
            if campaign.improvement_required:
                campaign.action_create_improvement_report()
            if campaign.satisfaction_improvement_required:
                campaign.action_create_satisfaction_report()
            campaign.action_close()
            if index < len(campaigns) - 2:
                capas = campaign.qms_capa_ids
                capas.write({"result": self.env._("Handled with the customer.")})
                capas.action_done()
        self.env["mail.mail"].search(
            [
                ("model", "=", "qms.survey.invitation"),
                ("res_id", "in", self.campaign_ids.invitation_ids.ids),
            ]
        ).unlink()
        self.filtered(lambda p: p.year < now.year).action_done()
