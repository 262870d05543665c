from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import scoring
from .qms_capa import CAPA_KIND


def _number(value, digits=2):
    return f"{round(value, digits):g}"


class QmsSurveyCampaign(models.Model):
    """What the procedure asks of a campaign as a whole (000 5.7.4-5.7.5):
    a campaign average below the low total opens a joint review by quality,
    development, sales and production; every module that fell against the
    previous campaign is analysed; a satisfaction rate below the company's
    target requires an improvement report before closing, as the return rate
    does; the conclusions of the monthly target meeting or the management
    review are written on the campaign and printed in its summary report."""

    _inherit = "qms.survey.campaign"  # pylint: disable=consider-merging-classes-inherited

    satisfaction_target = fields.Float(
        "Satisfaction rate target (%)",
        default=lambda self: self.env.company.qms_survey_satisfaction_target,
        tracking=True,
    )
    satisfaction_improvement_required = fields.Boolean(
        "Satisfaction improvement required", compute="_compute_satisfaction_required"
    )
    satisfaction_report_ids = fields.Many2many(
        "qms.capa",
        string="Satisfaction improvement reports",
        compute="_compute_campaign_findings",
    )
    joint_review_ids = fields.Many2many(
        "qms.capa", string="Joint reviews", compute="_compute_campaign_findings"
    )
    module_drop_ids = fields.Many2many(
        "qms.capa", string="Modules that fell", compute="_compute_campaign_findings"
    )
    review_meeting = fields.Selection(
        [("monthly", "Monthly target meeting"), ("management", "Management review")],
        string="Reviewed at",
        tracking=True,
        help="5.7.5: the results are reported to the monthly target meeting or to the "
        "management review.",
    )
    date_reviewed = fields.Date("Reviewed on", tracking=True)
    conclusions = fields.Html(help="What the meeting concluded; printed in the summary report.")

    @api.depends("satisfaction_rate", "satisfaction_target", "invitation_ids.scored")
    def _compute_satisfaction_required(self):
        for campaign in self:
            campaign.satisfaction_improvement_required = (
                bool(campaign.invitation_ids.filtered("scored"))
                and campaign.satisfaction_rate < campaign.satisfaction_target
            )

    @api.depends("qms_capa_ids")
    def _compute_campaign_findings(self):
        for campaign in self:
            capas = campaign.qms_capa_ids
            campaign.satisfaction_report_ids = capas.filtered(
                lambda c: c.survey_kind == "satisfaction_rate"
            )
            campaign.joint_review_ids = capas.filtered(lambda c: c.survey_kind == "joint_review")
            campaign.module_drop_ids = capas.filtered(lambda c: c.survey_kind == "module_drop")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_close(self):
        """Closing scores the campaign: its average and its fallen modules open
        their reviews; below the satisfaction target a report is required first."""
        for campaign in self.filtered(lambda c: c.state == "sent"):
            campaign._score_answers()
            campaign._raise_campaign_capas()
            if campaign.satisfaction_improvement_required and not campaign.satisfaction_report_ids:
                raise UserError(
                    self.env._(
                        "Campaign %(campaign)s: the satisfaction rate %(rate)s%% is below the "
                        "target %(target)s%%. Write the improvement report before closing.",
                        campaign=campaign.display_name,
                        rate=_number(campaign.satisfaction_rate, 1),
                        target=_number(campaign.satisfaction_target, 1),
                    )
                )
        return super().action_close()

    def action_create_satisfaction_report(self):
        self.ensure_one()
        self._score_answers(raise_actions=False)
        report = self.satisfaction_report_ids[:1] or self._create_capas(
            [
                {
                    "survey_kind": "satisfaction_rate",
                    "kind": CAPA_KIND["satisfaction_rate"],
                    "title": self.env._(
                        "Satisfaction rate %(rate)s%% below target %(target)s%%",
                        rate=_number(self.satisfaction_rate, 1),
                        target=_number(self.satisfaction_target, 1),
                    ),
                    "survey_score": self.satisfaction_rate,
                    "user_id": (self.user_id or self.env.user).id,
                }
            ]
        )
        return report[:1]._get_records_action()

    def action_review_campaign(self):
        """Open the joint review and the module analyses now (closing does it too)."""
        for campaign in self:
            if campaign.state not in ("sent", "closed"):
                raise UserError(self.env._("Only a sent campaign can be reviewed."))
            campaign._score_answers()
            campaign._raise_campaign_capas()
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _fallen_modules(self):
        """``[(module, average, previous average)]`` of the weighted modules whose
        average is lower than in the previous campaign."""
        self.ensure_one()
        previous = self.previous_campaign_id
        if not previous:
            return []
        averages = (self | previous)._module_averages()
        now, before = averages.get(self.id, {}), averages.get(previous.id, {})
        return [
            (weight.module_id, now[weight.module_id.id], before[weight.module_id.id])
            for weight in self.weight_ids
            if now.get(weight.module_id.id) is not None
            and before.get(weight.module_id.id) is not None
            and now[weight.module_id.id] < before[weight.module_id.id]
        ]

    def _raise_campaign_capas(self):
        """The campaign-level findings, each once: the joint review when the
        campaign average is below the low total, an analysis per fallen module."""
        self.ensure_one()
        thresholds = self._thresholds()
        scored = self.invitation_ids.filtered("scored")
        existing = self.with_context(active_test=False).qms_capa_ids
        fallen = self._fallen_modules()
        vals_list = []
        known_modules = existing.filtered(lambda c: c.survey_kind == "module_drop").survey_module_id
        for module, average, before in fallen:
            if module in known_modules:
                continue
            vals_list.append(
                {
                    "survey_kind": "module_drop",
                    "kind": CAPA_KIND["module_drop"],
                    "survey_module_id": module.id,
                    "survey_score": average,
                    "department_id": module.department_id.id,
                    "user_id": (module._responsible_user() or self.user_id or self.env.user).id,
                    "title": self.env._(
                        "%(module)s fell from %(before)s to %(now)s: analyse the cause",
                        module=module.name,
                        before=_number(before, 1),
                        now=_number(average, 1),
                    ),
                }
            )
        if (
            scored
            and scoring.is_low_total(self.score_avg, thresholds)
            and not existing.filtered(lambda c: c.survey_kind == "joint_review")
        ):
            departments = self.company_id.qms_survey_joint_department_ids
            lines = [
                self.env._(
                    "Joint review by %(departments)s.",
                    departments=", ".join(departments.mapped("name"))
                    or self.env._("quality, development, sales and production"),
                )
            ] + [
                self.env._(
                    "%(module)s: %(before)s → %(now)s",
                    module=module.name,
                    before=_number(before, 1),
                    now=_number(average, 1),
                )
                for module, average, before in fallen
            ]
            vals_list.append(
                {
                    "survey_kind": "joint_review",
                    "kind": CAPA_KIND["joint_review"],
                    "survey_score": self.score_avg,
                    "user_id": (self.user_id or self.env.user).id,
                    "description": Markup("<br/>").join(lines),
                    "title": self.env._(
                        "Campaign average %(score)s below %(target)s: joint review",
                        score=_number(self.score_avg),
                        target=_number(thresholds.low_total_below),
                    ),
                }
            )
        if vals_list:
            capas = self._create_capas(vals_list)
            departments = self.company_id.qms_survey_joint_department_ids
            joint = capas.filtered(lambda c: c.survey_kind == "joint_review")
            heads = departments.manager_id.user_id.partner_id
            if joint and heads:
                joint.message_subscribe(partner_ids=heads.ids)
            return capas
        return self.env["qms.capa"]
