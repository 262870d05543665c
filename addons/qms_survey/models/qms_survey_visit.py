from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext


class QmsSurveyVisit(models.Model):
    """客户拜访记录: planned visit, who, why, what was discussed and concluded."""

    _name = "qms.survey.visit"
    _inherit = ["qms.sequence.mixin", "qms.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _description = "Customer Visit Record"
    _order = "date_planned desc, id desc"
    _qms_sequence_code = "qms.survey.visit"
    _qms_workflow_fields = ("state", "name", "date_done", "date_notice_sent")

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
    visit_type = fields.Selection(
        [("ours", "We visit the customer"), ("factory", "The customer visits us")],
        string="Visit",
        required=True,
        default="ours",
        help="客户拜访 (000 5.2) or 客户访厂 (004 客户服务控制程序 4.1).",
    )
    purpose = fields.Char(required=True)
    topics = fields.Html("Topics discussed")
    conclusions = fields.Html()
    market_notes = fields.Text("Market information")
    competitor_notes = fields.Text("Competitor information")
    purchasing_habits = fields.Text(
        "Purchasing habits", help="5.1.3: how and when the customer buys."
    )
    personnel_changes = fields.Text(
        "Personnel changes", help="5.1.4: who joined, left or moved at the customer."
    )
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

    @api.constrains("purpose")
    def _check_purpose(self):
        for visit in self:
            if not (visit.purpose or "").strip():
                raise ValidationError(self.env._("Give the purpose of the visit."))

    @api.constrains("date_planned", "date_done")
    def _check_dates(self):
        for visit in self:
            if visit.date_done and visit.date_done < visit.date_planned:
                raise ValidationError(
                    self.env._(
                        "Visit %(visit)s cannot be done (%(done)s) before it was planned "
                        "(%(planned)s).",
                        visit=visit.name,
                        done=visit.date_done,
                        planned=visit.date_planned,
                    )
                )
            if visit.date_done and visit.date_done > fields.Datetime.now():
                raise ValidationError(
                    self.env._("Visit %(visit)s cannot be done in the future.", visit=visit.name)
                )

    @api.constrains("partner_id", "contact_id")
    def _check_contact(self):
        for visit in self:
            contact = visit.contact_id
            if contact and contact.commercial_partner_id != visit.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=contact.display_name,
                        customer=visit.partner_id.display_name,
                    )
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
    def _qms_number_date(self, vals):
        return vals.get("date_planned")

    def action_done(self, date_done=None):
        """Record the visit as done, now or on ``date_done`` (recorded after the
        trip: not in the future, not before it was planned)."""
        self._qms_ensure_state("planned")
        try:
            done = fields.Datetime.to_datetime(date_done) if date_done else fields.Datetime.now()
        except (TypeError, ValueError):
            raise ValidationError(self.env._("Give the visit date as a date and time.")) from None
        for visit in self:
            if not html2plaintext(visit.conclusions or "").strip():
                raise UserError(self.env._("Write the conclusions of the visit first."))
            values = {"state": "done", "date_done": done}
            if not date_done and visit.date_planned > done:
                values["date_planned"] = done  # visited earlier than planned
            visit._qms_workflow_write(values)
        return True

    def action_cancel(self):
        self._qms_ensure_state("planned")
        self._qms_workflow_write({"state": "cancelled"})
        return True

    def action_reset(self):
        self._qms_ensure_state("cancelled")
        self._qms_workflow_write({"state": "planned"})
        return True
