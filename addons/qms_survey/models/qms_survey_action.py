from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import scoring


class QmsSurveyAction(models.Model):
    """A corrective action from the survey: low item, low total, suggestion or
    low return rate (improvement report); its effect is read in the next campaign
    that asked the same customer."""

    _name = "qms.survey.action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Satisfaction Corrective Action"
    _order = "id desc"

    name = fields.Char("Subject", required=True, tracking=True)
    campaign_id = fields.Many2one(
        "qms.survey.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    invitation_id = fields.Many2one("qms.survey.invitation", ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    kind = fields.Selection(
        [
            ("low_item", "Low item"),
            ("low_total", "Low total score"),
            ("suggestion", "Customer suggestion"),
            ("return_rate", "Improvement report (return rate)"),
        ],
        required=True,
        tracking=True,
    )
    module_id = fields.Many2one("qms.survey.module")
    question_id = fields.Many2one("survey.question", ondelete="set null")
    department_id = fields.Many2one("hr.department", string="Responsible department", tracking=True)
    user_id = fields.Many2one("res.users", string="Responsible", tracking=True)
    score = fields.Float()
    suggestion = fields.Text("Customer's words")
    cause = fields.Html("Cause analysis")
    measures = fields.Html("Corrective measures")
    date_deadline = fields.Date("Due date", tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)
    next_campaign_id = fields.Many2one("qms.survey.campaign", compute="_compute_next_score")
    next_scored = fields.Boolean(compute="_compute_next_score")
    next_score = fields.Float("Score in the next campaign", compute="_compute_next_score")
    effect = fields.Selection(
        [
            ("improved", "Improved"),
            ("not_improved", "Not improved"),
            ("pending", "Not yet measured"),
        ],
        compute="_compute_next_score",
    )

    @api.depends("campaign_id", "partner_id", "module_id", "question_id", "kind")
    def _compute_next_score(self):
        for action in self:
            action.next_campaign_id = False
            action.next_scored = False
            action.next_score = 0.0
            action.effect = "pending"
            campaign = action.campaign_id
            if action.kind == "return_rate" or not campaign:
                continue
            following = campaign.search(
                [
                    ("company_id", "=", campaign.company_id.id),
                    ("campaign_type", "=", campaign.campaign_type),
                    ("state", "in", ("sent", "closed")),
                    ("date_send", ">", campaign.date_send),
                    ("invitation_ids.partner_id", "=", action.partner_id.id),
                ],
                order="date_send",
                limit=1,
            )
            if not following:
                continue
            action.next_campaign_id = following
            score = action._qms_score_in(following)
            if score is not None:
                action.next_scored = True
                action.next_score = score
                action.effect = "improved" if score > action.score else "not_improved"

    def _qms_score_in(self, campaign):
        """The same measure (item, module or total) for the same customer in ``campaign``."""
        self.ensure_one()
        invitations = campaign.invitation_ids.filtered(
            lambda i: i.partner_id == self.partner_id and i.scored
        )
        if not invitations:
            return None
        if self.kind == "low_item" and self.question_id:
            maximum = self.question_id.qms_max_score
            items = [
                scoring.percent(points or 0.0, maximum)
                for _i, _p, question_id, points, answered in campaign._answer_rows(invitations.ids)
                if question_id == self.question_id.id and answered
            ]
            return scoring.mean(items)
        return sum(invitations.mapped("score_total")) / len(invitations)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(action.state != "open" for action in self):
            raise UserError(self.env._("Finished corrective actions are archived, not deleted."))

    def action_done(self):
        self.write({"state": "done"})
        self.activity_ids.action_feedback(feedback=self.env._("Corrective action done."))

    def action_cancel(self):
        self.write({"state": "cancelled"})
        self.activity_ids.unlink()

    def action_reopen(self):
        self.write({"state": "open"})

    def _qms_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _qms_schedule_activity(self):
        activity_type = self.env.ref("qms_survey.mail_activity_type_corrective_action")
        for action in self:
            action.activity_schedule(
                activity_type_id=activity_type.id,
                summary=action.name[:100],
                user_id=(action.user_id or action.campaign_id.user_id).id or self.env.uid,
            )
