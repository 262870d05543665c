from odoo import api, fields, models
from odoo.exceptions import UserError

from .qms_survey_invitation import BAND_SELECTION


class QmsSurveyCallback(models.Model):
    """回访: a satisfaction call 7–15 working days after the customer received a delivery."""

    _name = "qms.survey.callback"
    _inherit = ["qms.sequence.mixin", "qms.deadline.mixin", "mail.thread", "mail.activity.mixin"]
    _description = "Post-delivery Satisfaction Callback"
    _order = "date_planned desc, id desc"
    _qms_sequence_code = "qms.survey.callback"

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Caller", default=lambda self: self.env.user, tracking=True
    )
    picking_id = fields.Many2one("stock.picking", string="Delivery", index="btree_not_null")
    sale_order_id = fields.Many2one("sale.order", string="Sales order")
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    contact_id = fields.Many2one("res.partner")
    phone = fields.Char(compute="_compute_phone")
    date_received = fields.Datetime("Received by the customer", required=True)
    date_planned = fields.Datetime("Call from", tracking=True)
    date_due = fields.Datetime("Call by", readonly=True)
    attempt = fields.Integer(default=1, readonly=True, tracking=True)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Reached"),
            ("failed", "Not reached"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
    )
    rating = fields.Selection(BAND_SELECTION, string="Satisfaction", tracking=True)
    feedback = fields.Text("Customer's answers")
    issues = fields.Text("Problems reported")
    user_input_id = fields.Many2one(
        "survey.user_input", string="Questionnaire answer", readonly=True
    )

    @api.depends("contact_id", "partner_id")
    def _compute_phone(self):
        for callback in self:
            partner = callback.contact_id or callback.partner_id
            callback.phone = partner.mobile or partner.phone

    @api.model_create_multi
    def create(self, vals_list):
        callbacks = super().create(vals_list)
        for callback in callbacks:
            callback._qms_plan()
        return callbacks

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(callback.state != "planned" or callback.attempt > 1 for callback in self):
            raise UserError(self.env._("Callbacks that were attempted are archived, not deleted."))

    @api.model
    def _qms_next_number(self, vals):
        return super()._qms_next_number({**vals, "date": vals.get("date_received")})

    def action_reached(self):
        for callback in self:
            if callback.state != "planned":
                raise UserError(self.env._("Only a planned callback can be recorded."))
            if not callback.rating:
                raise UserError(
                    self.env._("Record the customer's satisfaction before closing the call.")
                )
        self.write({"state": "done"})
        self._qms_deadline_close("callback")
        self.activity_ids.action_feedback(feedback=self.env._("Customer reached."))

    def action_not_reached(self):
        """First miss: a second attempt on the next working day; second miss: not reached."""
        for callback in self:
            if callback.state != "planned":
                raise UserError(self.env._("Only a planned callback can be attempted."))
            if callback.attempt >= callback.company_id.qms_survey_callback_attempts:
                callback.write({"state": "failed"})
                callback._qms_deadline_close("callback")
                callback.activity_ids.action_feedback(feedback=self.env._("Customer not reached."))
                continue
            calendar = callback.company_id._qms_calendar()
            retry = calendar._qms_add_working_days(fields.Datetime.now(), 1)
            callback.write({"attempt": callback.attempt + 1, "date_planned": retry})
            callback.activity_ids.unlink()
            callback._qms_schedule_call(retry)
            callback.message_post(
                body=self.env._("Customer not reached; attempt %(n)s planned.", n=callback.attempt)
            )

    def action_cancel(self):
        self.write({"state": "cancelled"})
        self._qms_deadline_cancel("callback")
        self.activity_ids.unlink()

    def action_start_survey(self):
        self.ensure_one()
        survey = self.company_id.qms_survey_callback_survey_id
        if not survey:
            raise UserError(self.env._("Choose the callback questionnaire in the settings."))
        if not self.user_input_id:
            self.user_input_id = survey._create_answer(
                partner=self.contact_id or self.partner_id, check_attempts=False
            )
        return {
            "type": "ir.actions.act_url",
            "target": "new",
            "url": f"{survey.get_start_url()}?answer_token={self.user_input_id.access_token}",
        }

    def _qms_plan(self):
        """Window: from N working days (setting) to the callback deadline kind (working days)."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        earliest = calendar._qms_add_working_days(
            self.date_received, self.company_id.qms_survey_callback_min_days
        )
        deadline = self._qms_deadline_open("callback", start=self.date_received)
        self.write({"date_planned": earliest, "date_due": deadline.due})
        self._qms_schedule_call(earliest)

    def _qms_schedule_call(self, when):
        self.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=fields.Date.to_date(when),
            summary=self.env._(
                "Satisfaction callback to %(customer)s (attempt %(n)s)",
                customer=self.partner_id.display_name,
                n=self.attempt,
            ),
            user_id=self.user_id.id or self.env.uid,
        )
