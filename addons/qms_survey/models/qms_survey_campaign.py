from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring
from .qms_capa import CAPA_KIND
from .qms_survey_weight import WEIGHTS_KEY, WEIGHTS_TOKEN

ANSWERED = ("returned", "late")
# What a campaign is measured with: fixed once its questionnaires are out.
# What the customers were sent: fixed once the campaign is out.
FROZEN_AFTER_SEND = (
    "title",
    "plan_id",
    "survey_id",
    "weight_ids",
    "company_id",
    "campaign_type",
    "project_stage",
    "sale_order_id",
    "period",
    "date_send",
    "date_deadline",
    "date_deadline_requested",
)


def records_action(parents, xmlid, field):
    """Window action ``xmlid`` showing the records whose ``field`` is one of
    ``parents``, new ones defaulting to the first."""
    action = parents.env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = [(field, "in", parents.ids)]
    action["context"] = {f"default_{field}": parents[:1].id}
    return action


def _number(value, digits=2):
    """``value`` rounded for a message: 90, 68.5, 71.43."""
    return f"{round(value, digits):g}"


class QmsSurveyCampaign(models.Model):
    """One round of the satisfaction survey: questionnaire, weights, invited contacts."""

    _name = "qms.survey.campaign"
    _inherit = [
        "qms.sequence.mixin",
        "qms.workflow.mixin",
        "qms.frozen.mixin",
        "qms.capa.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.portal.fields.mixin",
    ]
    _description = "Customer Satisfaction Campaign"
    _order = "date_send desc, id desc"
    _qms_sequence_code = "qms.survey.campaign"
    _qms_workflow_fields = ("state", "name", "score_avg", "grade_a_rate", "satisfaction_rate")
    _qms_frozen_fields = dict.fromkeys(FROZEN_AFTER_SEND, ("draft",))
    # A portal customer invited to a campaign reads only these: never the
    # figures, the notes or the invitations of the other customers.
    _qms_portal_fields = (
        "name",
        "title",
        "state",
        "date_send",
        "date_deadline",
        "company_id",
        "active",
    )

    title = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    plan_id = fields.Many2one("qms.survey.plan", index="btree_not_null", ondelete="restrict")
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", required=True)
    campaign_type = fields.Selection(
        [("periodic", "Periodic survey"), ("project", "Project stage survey")],
        required=True,
        default="periodic",
    )
    project_stage = fields.Selection(
        [("pre", "Pre-phase"), ("mid", "Mid-phase"), ("post", "Post-phase")],
        help="Stage of the project this survey measures (前期/中期/后期).",
    )
    sale_order_id = fields.Many2one("sale.order", string="Project order")
    period = fields.Selection(
        [("quarterly", "Quarterly"), ("semiannual", "Semi-annual"), ("annual", "Annual")]
    )
    period_start = fields.Date()
    date_send = fields.Datetime(
        "Send date", required=True, default=fields.Datetime.now, tracking=True
    )
    date_deadline = fields.Datetime(
        "Return deadline",
        compute="_compute_date_deadline",
        inverse="_inverse_date_deadline",
        help="Answers after it count as not returned: the latest return deadline of the "
        "contacts, each computed from the return window (working days) when sent. Set it "
        "before sending to give every contact this deadline instead.",
    )
    date_deadline_requested = fields.Datetime(
        "Requested return deadline",
        copy=False,
        help="The return deadline asked for before sending (empty: the return window).",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("closed", "Closed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    weight_ids = fields.One2many(
        "qms.survey.weight", "campaign_id", string="Module weights", copy=True
    )
    invitation_ids = fields.One2many("qms.survey.invitation", "campaign_id", string="Invitations")
    score_ids = fields.One2many("qms.survey.score", "campaign_id", string="Module scores")
    sent_count = fields.Integer("Sent", compute="_compute_return_stats")
    returned_count = fields.Integer("Returned", compute="_compute_return_stats")
    return_rate = fields.Float("Return rate (%)", compute="_compute_return_stats")
    return_target = fields.Float(
        "Return rate target (%)",
        default=lambda self: self.env.company.qms_survey_return_target,
        tracking=True,
    )
    improvement_required = fields.Boolean(compute="_compute_return_stats")
    return_window_closed = fields.Boolean(
        "Return window closed",
        compute="_compute_return_window_closed",
        help="The return deadline has passed: the return rate is final.",
    )
    close_hint = fields.Char(
        "Before closing",
        compute="_compute_close_hint",
        help="What must be done before the campaign can be closed (empty: it can be closed).",
    )
    score_avg = fields.Float("Average total", readonly=True, aggregator="avg", copy=False)
    grade_a_rate = fields.Float("Grade A (%)", readonly=True, copy=False)
    satisfaction_rate = fields.Float(
        "Satisfaction rate (%)",
        readonly=True,
        copy=False,
        help="Share of scored customers in the bands satisfied or very satisfied.",
    )
    # Read from the campaign's actions (not a one2many on a field qms_survey adds to
    # qms.capa: qms_base's registry reloads in tests would lose its inverse).
    improvement_report_ids = fields.Many2many(
        "qms.capa", string="Improvement reports", compute="_compute_improvement_report_ids"
    )
    previous_campaign_id = fields.Many2one(
        "qms.survey.campaign", compute="_compute_previous_campaign_id"
    )
    note = fields.Html()

    @api.constrains("date_send", "date_deadline_requested")
    def _check_dates(self):
        for campaign in self:
            deadline = campaign.date_deadline_requested
            if deadline and deadline < campaign.date_send:
                raise ValidationError(
                    self.env._(
                        "Campaign %(campaign)s: the return deadline %(deadline)s is before the "
                        "send date %(send)s.",
                        campaign=campaign.display_name,
                        deadline=deadline,
                        send=campaign.date_send,
                    )
                )

    @api.constrains("weight_ids")
    def _check_weights(self):
        for campaign in self.filtered("weight_ids"):
            campaign._validate_weights()

    @api.constrains("title")
    def _check_title(self):
        for campaign in self:
            if not (campaign.title or "").strip():
                raise ValidationError(self.env._("Give the campaign a title."))

    @api.constrains("return_target")
    def _check_return_target(self):
        for campaign in self:
            if not 0 <= campaign.return_target <= 100:
                raise ValidationError(
                    self.env._(
                        "The return rate target of %(campaign)s is a percentage between 0 and "
                        "100, not %(target)s.",
                        campaign=campaign.display_name,
                        target=campaign.return_target,
                    )
                )

    @api.constrains("campaign_type", "project_stage")
    def _check_project_stage(self):
        for campaign in self:
            if campaign.campaign_type == "project" and not campaign.project_stage:
                raise ValidationError(
                    self.env._("A project stage survey needs its stage (pre-, mid- or post-phase).")
                )

    @api.depends("invitation_ids.state", "return_target")
    def _compute_return_stats(self):
        groups = self.env["qms.survey.invitation"]._read_group(
            [("campaign_id", "in", self.ids)],
            ["campaign_id"],
            ["sent_count:sum", "returned_count:sum"],
        )
        stats = {campaign.id: (sent, returned) for campaign, sent, returned in groups}
        for campaign in self:
            sent, returned = stats.get(campaign.id, (0, 0))
            rate = scoring.return_rate(returned, sent)
            campaign.sent_count = sent
            campaign.returned_count = returned
            campaign.return_rate = rate or 0.0
            campaign.improvement_required = rate is not None and rate < campaign.return_target

    @api.depends("state", "date_deadline")
    def _compute_return_window_closed(self):
        now = fields.Datetime.now()
        for campaign in self:
            campaign.return_window_closed = (
                campaign.state != "draft"
                and bool(campaign.date_deadline)
                and campaign.date_deadline <= now
            )

    @api.depends(
        "state",
        "improvement_required",
        "improvement_report_ids",
        "satisfaction_improvement_required",
        "satisfaction_report_ids",
    )
    def _compute_close_hint(self):
        """Why ``action_close`` would refuse, from the figures computed so far."""
        for campaign in self:
            hints = []
            if campaign.state == "sent":
                if campaign.improvement_required and not campaign.improvement_report_ids:
                    hints.append(
                        self.env._(
                            "the return rate is below its target: write the improvement report"
                        )
                    )
                if (
                    campaign.satisfaction_improvement_required
                    and not campaign.satisfaction_report_ids
                ):
                    hints.append(
                        self.env._(
                            "the satisfaction rate is below its target: write the satisfaction "
                            "improvement report"
                        )
                    )
            campaign.close_hint = (
                self.env._("Before closing, %(todo)s.", todo="; ".join(hints)) if hints else False
            )

    @api.depends("qms_capa_ids")
    def _compute_improvement_report_ids(self):
        for campaign in self:
            campaign.improvement_report_ids = campaign.qms_capa_ids.filtered(
                lambda c: c.survey_kind == "return_rate"
            )

    @api.depends("invitation_ids.return_due", "date_deadline_requested")
    def _compute_date_deadline(self):
        """The latest due date of the contacts' return deadlines, read in one query."""
        latest = {}
        if self.ids:
            kind = self.env["qms.deadline.kind"].sudo()._get_kind("qms.survey.invitation", "return")
            self.env["qms.deadline"].flush_model(["res_model", "res_id", "kind_id", "due"])
            self.env["qms.survey.invitation"].flush_model(["campaign_id"])
            self.env.cr.execute(
                """
                SELECT i.campaign_id, MAX(d.due)
                  FROM qms_deadline d
                  JOIN qms_survey_invitation i ON i.id = d.res_id
                 WHERE d.res_model = 'qms.survey.invitation' AND d.kind_id = %s
                   AND i.campaign_id = ANY(%s)
              GROUP BY i.campaign_id
                """,
                [kind.id, list(self.ids)],
            )
            latest = dict(self.env.cr.fetchall())
        for campaign in self:
            campaign.date_deadline = latest.get(campaign.id) or campaign.date_deadline_requested

    def _inverse_date_deadline(self):
        for campaign in self:
            campaign.date_deadline_requested = campaign.date_deadline

    @api.depends("date_send", "campaign_type", "company_id")
    def _compute_previous_campaign_id(self):
        for campaign in self:
            campaign.previous_campaign_id = self.search(
                [
                    ("company_id", "=", campaign.company_id.id),
                    ("campaign_type", "=", campaign.campaign_type),
                    ("state", "in", ("sent", "closed")),
                    ("date_send", "<", campaign.date_send),
                    ("id", "!=", campaign._origin.id),
                ],
                order="date_send desc",
                limit=1,
            )

    @api.depends("name", "title")
    def _compute_display_name(self):
        for campaign in self:
            campaign.display_name = (
                f"{campaign.name} {campaign.title}" if campaign.title else campaign.name
            )

    def write(self, vals):
        if "weight_ids" in vals:
            return super(
                QmsSurveyCampaign, self.with_context(**{WEIGHTS_KEY: WEIGHTS_TOKEN})
            ).write(vals)
        return super().write(vals)

    @api.onchange("plan_id")
    def _onchange_plan_id(self):
        if self.plan_id:
            self.survey_id = self.plan_id.survey_id
            self.period = self.plan_id.frequency

    @api.onchange("survey_id")
    def _onchange_survey_id(self):
        """Without a plan, the questionnaire's modules give the weights."""
        if self.plan_id or not self.survey_id or self.state != "draft":
            return
        self.weight_ids = [Command.clear()] + [
            Command.create(values) for values in self._default_weight_values(self.survey_id)
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("survey_id") and not vals.get("plan_id") and "weight_ids" not in vals:
                survey = self.env["survey.survey"].browse(vals["survey_id"])
                vals["weight_ids"] = [
                    Command.create(values) for values in self._default_weight_values(survey)
                ]
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(campaign.state != "draft" for campaign in self):
            raise UserError(self.env._("Only draft campaigns can be deleted; archive the others."))

    @api.model
    def _qms_number_date(self, vals):
        # Numbered in the year of the campaign, not of its creation.
        return vals.get("date_send")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_send(self):
        """Invite every draft invitation: email with its link, or recorded as fax/visit.

        The first sending uses the campaign's return deadline when one was set;
        contacts added once the campaign is out get their own return window.
        """
        for campaign in self:
            campaign._check_ready()
        now = fields.Datetime.now()
        for campaign in self:
            first = campaign.state == "draft"
            requested = campaign.date_deadline_requested if first else False
            if requested and requested < now:
                raise UserError(
                    self.env._(
                        "Campaign %(campaign)s: its return deadline has passed.",
                        campaign=campaign.display_name,
                    )
                )
            invitations = campaign.invitation_ids.filtered(lambda i: i.state == "draft")
            invitations._send(now=now, due=requested or None)
            values = {"state": "sent"}
            if first:
                values["date_send"] = min(campaign.date_send, now)
            campaign._qms_workflow_write(values)
        return True

    def action_close(self):
        for campaign in self:
            if campaign.state != "sent":
                raise UserError(self.env._("Only a sent campaign can be closed."))
            campaign._score_answers()
            if campaign.improvement_required and not campaign.improvement_report_ids:
                raise UserError(
                    self.env._(
                        "Campaign %(campaign)s: the return rate %(rate).1f%% is below the target "
                        "%(target).1f%%. Write the improvement report before closing.",
                        campaign=campaign.display_name,
                        rate=campaign.return_rate,
                        target=campaign.return_target,
                    )
                )
            pending = campaign.invitation_ids.filtered(lambda i: i.state == "sent")
            pending._qms_deadline_cancel("return")
            pending._qms_workflow_write({"state": "expired"})
        self._qms_workflow_write({"state": "closed"})
        return True

    def action_cancel(self):
        for campaign in self:
            if campaign.state == "closed":
                raise UserError(self.env._("A closed campaign cannot be cancelled."))
            campaign.invitation_ids._qms_deadline_cancel("return")
        self._qms_workflow_write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        if any(c.state != "cancelled" for c in self):
            raise UserError(self.env._("Only a cancelled campaign can be reset to draft."))
        if self.invitation_ids.filtered(lambda i: i.state != "draft"):
            raise UserError(self.env._("Invitations were already sent; copy the campaign instead."))
        self._qms_workflow_write({"state": "draft"})
        return True

    def action_compute_scores(self):
        for campaign in self:
            if campaign.state in ("closed", "cancelled"):
                raise UserError(
                    self.env._(
                        "Campaign %(campaign)s is closed: its figures are frozen.",
                        campaign=campaign.display_name,
                    )
                )
            campaign._score_answers()
        return True

    def action_create_improvement_report(self):
        self.ensure_one()
        report = self.improvement_report_ids[:1] or self._create_capas(
            [
                {
                    "survey_kind": "return_rate",
                    "kind": CAPA_KIND["return_rate"],
                    "title": self.env._(
                        "Return rate %(rate).1f%% below target %(target).1f%%",
                        rate=self.return_rate,
                        target=self.return_target,
                    ),
                    "survey_score": self.return_rate,
                    "user_id": (self.user_id or self.env.user).id,
                }
            ]
        )
        return report[:1]._get_records_action()

    def action_view_invitations(self):
        return records_action(self, "qms_survey.qms_survey_invitation_action", "campaign_id")

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _validate_weights(self):
        self.ensure_one()
        weights = self.weight_ids.mapped("weight")
        if not scoring.weights_valid(weights):
            raise ValidationError(
                self.env._(
                    "The module weights of campaign %(campaign)s sum to %(total)s%%; they must "
                    "sum to 100%%.",
                    campaign=self.display_name,
                    total=_number(sum(weights)),
                )
            )

    @api.model
    def _default_weight_values(self, survey):
        """Weights of a campaign without a plan: the questionnaire's scored modules at
        their default weights when these sum to 100 %, else equal shares of 100 %."""
        # The modules of the questions only, read for a QMS user without survey rights.
        modules = (
            survey.sudo()
            .question_ids.filtered(
                lambda q: q.qms_module_id and q.question_type in scoring.SCORED_TYPES
            )
            .qms_module_id.sorted()
            .sudo(False)
        )
        if not modules:
            return []
        weights = modules.mapped("default_weight")
        if not scoring.weights_valid(weights):
            share = round(100.0 / len(modules), 2)
            weights = [share] * len(modules)
            weights[-1] = round(100.0 - share * (len(modules) - 1), 2)
        return [
            {"module_id": module.id, "weight": weight}
            for module, weight in zip(modules, weights, strict=True)
        ]

    def _check_ready(self):
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._("Campaign %(campaign)s is not open.", campaign=self.display_name)
            )
        if not self.weight_ids:
            raise UserError(
                self.env._(
                    "Campaign %(campaign)s has no module weights.", campaign=self.display_name
                )
            )
        self._validate_weights()
        if not self.invitation_ids:
            raise UserError(
                self.env._(
                    "Campaign %(campaign)s has no contact to send the questionnaire to.",
                    campaign=self.display_name,
                )
            )
        scored = self.survey_id.question_ids.filtered("qms_module_id").mapped("qms_module_id")
        missing = self.weight_ids.module_id - scored
        if missing:
            raise UserError(
                self.env._(
                    "The questionnaire has no question in the weighted module(s) %(modules)s.",
                    modules=", ".join(missing.mapped("name")),
                )
            )
        no_email = self.invitation_ids.filtered(
            lambda i: i.state == "draft" and i.channel == "email" and not i.contact_id.email
        )
        if no_email:
            raise UserError(
                self.env._(
                    "These contacts have no email; send by fax or visit instead: %(names)s",
                    names=", ".join(no_email.contact_id.mapped("display_name")),
                )
            )

    def _thresholds(self):
        return self.company_id._qms_survey_thresholds()

    def _question_meta(self):
        """``({question: module}, {question: max points}, suggestion questions)``."""
        self.ensure_one()
        questions = self.survey_id.question_ids
        scored = questions.filtered(
            lambda q: q.qms_module_id and q.question_type in scoring.SCORED_TYPES
        )
        modules = {q.id: q.qms_module_id.id for q in scored}
        maximum = {q.id: q.qms_max_score for q in scored}
        return modules, maximum, questions.filtered("qms_is_suggestion")

    def _answer_rows(self, invitation_ids=None):
        """Points per (questionnaire, question) of the campaign's answered invitations.

        One grouped SQL read: ``[(invitation, customer, question, points, answered)]``.
        """
        self.ensure_one()
        for model in ("survey.user_input.line", "survey.user_input", "qms.survey.invitation"):
            self.env[model].flush_model()
        query = """
            SELECT i.id, i.partner_id, l.question_id, SUM(l.answer_score), BOOL_OR(NOT l.skipped)
              FROM qms_survey_invitation i
              JOIN survey_user_input ui ON ui.id = i.user_input_id AND ui.state = 'done'
              JOIN survey_user_input_line l ON l.user_input_id = ui.id
             WHERE i.campaign_id = %s AND i.state IN %s
        """
        params = [self.id, ANSWERED]
        if invitation_ids is not None:
            query += " AND i.id = ANY(%s)"
            params.append(list(invitation_ids))
        self.env.cr.execute(query + " GROUP BY i.id, i.partner_id, l.question_id", params)
        return self.env.cr.fetchall()

    def _score_answers(self, invitations=None, raise_actions=True):
        """Score answered invitations (all of the campaign's by default) in one pass.

        One grouped SQL read of the answer lines, the arithmetic in
        ``tools/scoring.py``, then bulk writes of totals, grades and bands and
        of the module score rows (``qms.survey.score``) the analyses read.
        Returns the aggregates: per module, per question and per customer.
        """
        self.ensure_one()
        thresholds = self._thresholds()
        question_module, question_max, suggestion_questions = self._question_meta()
        weights = {w.module_id.id: w.weight for w in self.weight_ids}
        rows = self._answer_rows(None if invitations is None else invitations.ids)
        partner_of = {row[0]: row[1] for row in rows}
        results = scoring.score_questionnaires(
            [(row[0], row[2], row[3], row[4]) for row in rows],
            question_module,
            question_max,
            weights,
        )
        per_customer = defaultdict(list)
        per_module = defaultdict(list)
        question_stats = defaultdict(list)
        for invitation_id, result in results.items():
            per_customer[partner_of[invitation_id]].append(result["total"])
            for module_id, score in result["modules"].items():
                per_module[module_id].append(score)
            for question_id, item in result["items"].items():
                question_stats[question_id].append(item)
        self._store_scores(results, thresholds)
        self._store_campaign_stats()
        if raise_actions:
            self._raise_capas(results, thresholds, suggestion_questions)
        return {
            "modules": {module: scoring.mean(values) for module, values in per_module.items()},
            "questions": {
                question: scoring.mean(values) for question, values in question_stats.items()
            },
            "customers": {
                partner: scoring.mean(values) for partner, values in per_customer.items()
            },
            "invitations": results,
        }

    def _store_scores(self, results, thresholds):
        """Bulk writes: total, grade and band of each scored invitation (one UPDATE),
        its module score rows (one DELETE of the modules no longer scored, one
        upsert that leaves unchanged rows alone)."""
        if not results:
            return
        ids = list(results)
        totals = [results[i]["total"] for i in ids]
        self.env.cr.execute(
            """
            UPDATE qms_survey_invitation i
               SET score_total = v.total, grade = v.grade, band = v.band,
                   scored = v.total IS NOT NULL
              FROM unnest(%s::int[], %s::float8[], %s::varchar[], %s::varchar[])
                   AS v(id, total, grade, band)
             WHERE i.id = v.id
            """,
            [
                ids,
                totals,
                [scoring.grade(total, thresholds) for total in totals],
                [scoring.band(total, thresholds) for total in totals],
            ],
        )
        scores = [
            (invitation_id, module_id, score)
            for invitation_id, result in results.items()
            for module_id, score in result["modules"].items()
            if score is not None
        ]
        score_invitations = [row[0] for row in scores]
        score_modules = [row[1] for row in scores]
        self.env["qms.survey.score"].flush_model()
        self.env.cr.execute(
            """
            DELETE FROM qms_survey_score s
             WHERE s.invitation_id = ANY(%s)
               AND (s.invitation_id, s.module_id) NOT IN (
                       SELECT * FROM unnest(%s::int[], %s::int[]))
            """,
            [ids, score_invitations, score_modules],
        )
        self.env.cr.execute(
            """
            INSERT INTO qms_survey_score
                   (invitation_id, module_id, score, campaign_id, company_id, partner_id, date)
            SELECT v.invitation_id, v.module_id, v.score, i.campaign_id, i.company_id,
                   i.partner_id, i.campaign_date
              FROM unnest(%s::int[], %s::int[], %s::float8[]) AS v(invitation_id, module_id, score)
              JOIN qms_survey_invitation i ON i.id = v.invitation_id
                ON CONFLICT (invitation_id, module_id) DO UPDATE SET score = EXCLUDED.score
             WHERE qms_survey_score.score IS DISTINCT FROM EXCLUDED.score
            """,
            [score_invitations, score_modules, [row[2] for row in scores]],
        )
        self.env["qms.survey.invitation"].invalidate_model(
            ["score_total", "grade", "band", "scored", "score_ids"]
        )
        self.env["qms.survey.score"].invalidate_model()
        self.invalidate_recordset(["score_ids"])

    def _store_campaign_stats(self):
        self.ensure_one()
        self.env.cr.execute(
            """
            SELECT AVG(score_total),
                   COUNT(*) FILTER (WHERE grade = 'A'),
                   COUNT(*) FILTER (WHERE band IN ('very_satisfied', 'satisfied')),
                   COUNT(*)
              FROM qms_survey_invitation
             WHERE campaign_id = %s AND scored
            """,
            [self.id],
        )
        average, grade_a, satisfied, count = self.env.cr.fetchone()
        self._qms_workflow_write(
            {
                "score_avg": average or 0.0,
                "grade_a_rate": scoring.return_rate(grade_a, count) or 0.0,
                "satisfaction_rate": scoring.return_rate(satisfied, count) or 0.0,
            }
        )

    def _raise_capas(self, results, thresholds, suggestion_questions):
        """A corrective action per low item, low total and suggestion; never twice."""
        self.ensure_one()
        low = {
            invitation_id: (
                [q for q, item in result["items"].items() if scoring.is_low_item(item, thresholds)],
                scoring.is_low_total(result["total"], thresholds),
            )
            for invitation_id, result in results.items()
        }
        low = {key: value for key, value in low.items() if value[0] or value[1]}
        suggestions = []
        if suggestion_questions and results:
            self.env.cr.execute(
                """
                SELECT i.id, l.question_id, COALESCE(l.value_text_box, l.value_char_box)
                  FROM qms_survey_invitation i
                  JOIN survey_user_input_line l ON l.user_input_id = i.user_input_id
                 WHERE i.id = ANY(%s) AND l.question_id = ANY(%s) AND NOT l.skipped
                """,
                [list(results), suggestion_questions.ids],
            )
            suggestions = [
                (invitation_id, question_id, text.strip())
                for invitation_id, question_id, text in self.env.cr.fetchall()
                if text and text.strip()
            ]
        if not low and not suggestions:
            return
        concerned = self.env["qms.survey.invitation"].browse(
            set(low) | {invitation_id for invitation_id, _q, _t in suggestions}
        )
        existing = {
            (capa.survey_invitation_id.id, capa.survey_kind, capa.survey_question_id.id)
            for capa in self.env["qms.capa"]
            .with_context(active_test=False)
            .search(
                [
                    ("survey_campaign_id", "=", self.id),
                    ("survey_invitation_id", "in", concerned.ids),
                ]
            )
        }
        questions = {q.id: q for q in self.survey_id.question_ids}
        no_module = self.env["qms.survey.module"]
        no_question = self.env["survey.question"]
        vals_list = []
        for invitation in concerned:
            low_items, low_total = low.get(invitation.id, ([], False))
            result = results[invitation.id]
            for question_id in low_items:
                if (invitation.id, "low_item", question_id) in existing:
                    continue
                question = questions[question_id]
                vals_list.append(
                    invitation._capa_values(
                        "low_item",
                        result["items"][question_id],
                        question.qms_module_id,
                        question,
                        self.env._(
                            "%(customer)s: “%(question)s” scored %(score)s%%",
                            customer=invitation.partner_id.name,
                            question=question.title,
                            score=_number(result["items"][question_id], 0),
                        ),
                    )
                )
            if low_total and (invitation.id, "low_total", False) not in existing:
                vals_list.append(
                    invitation._capa_values(
                        "low_total",
                        result["total"],
                        no_module,
                        no_question,
                        self.env._(
                            "%(customer)s: total satisfaction %(score)s below %(target)s",
                            customer=invitation.partner_id.name,
                            score=_number(result["total"], 1),
                            target=_number(thresholds.low_total_below),
                        ),
                    )
                )
        for invitation_id, question_id, text in suggestions:
            if (invitation_id, "suggestion", question_id) in existing:
                continue
            question = questions[question_id]
            invitation = concerned.browse(invitation_id)
            values = invitation._capa_values(
                "suggestion", False, question.qms_module_id, question, text[:200]
            )
            values["survey_suggestion"] = text
            vals_list.append(values)
        if vals_list:
            self._create_capas(vals_list)

    def _create_capas(self, vals_list):
        """Record the survey's corrective actions on this campaign (``qms.capa``):
        each owner gets the action's activity and due date.

        Hook: the bridge with ``qms_complaint`` extends this (calling ``super()``)
        to run each action as an internal complaint (8D).
        """
        self.ensure_one()
        capas = self._qms_capa_create(vals_list)
        self.invalidate_recordset(["qms_capa_ids", "improvement_report_ids"])
        capas.survey_invitation_id.invalidate_recordset(["capa_ids", "suggestion"])
        return capas
