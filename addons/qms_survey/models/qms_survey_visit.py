from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext


class QmsSurveyVisit(models.Model):
    """客户拜访记录: planned visit, who, why, what was discussed and concluded."""

    _name = "qms.survey.visit"
    _inherit = ["qms.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _description = "Customer Visit Record"
    _order = "date_planned desc, id desc"
    _qms_sequence_code = "qms.survey.visit"

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Visitor", default=lambda self: self.env.user, tracking=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    contact_id = fields.Many2one("res.partner", string="Contact met")
    date_planned = fields.Datetime("Planned on", required=True, tracking=True)
    date_done = fields.Datetime("Visited on", tracking=True)
    purpose = fields.Char(required=True)
    topics = fields.Html("Topics discussed")
    conclusions = fields.Html()
    market_notes = fields.Text("Market information")
    competitor_notes = fields.Text("Competitor information")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    campaign_id = fields.Many2one(
        "qms.survey.campaign",
        string="Satisfaction campaign",
        help="When the visit collected a questionnaire.",
    )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.contact_id and self.contact_id.commercial_partner_id != self.partner_id:
            self.contact_id = False

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(visit.state != "planned" for visit in self):
            raise UserError(self.env._("Visit records are archived, not deleted."))

    @api.model
    def _qms_next_number(self, vals):
        return super()._qms_next_number({**vals, "date": vals.get("date_planned")})

    def action_done(self):
        for visit in self:
            if not html2plaintext(visit.conclusions or "").strip():
                raise UserError(self.env._("Write the conclusions of the visit first."))
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_reset(self):
        self.write({"state": "planned"})
        return True
