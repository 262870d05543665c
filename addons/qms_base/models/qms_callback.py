from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SLOTS = [("morning", "Morning"), ("afternoon", "Afternoon"), ("evening", "Evening")]
# Local hour at which a call in each slot is planned; the next slot starts at the next key.
SLOT_HOURS = {"morning": 9, "afternoon": 14, "evening": 18}
CALLBACK_STATES = [
    ("planned", "Planned"),
    ("done", "Reached"),
    ("failed", "Not reached"),
    ("cancelled", "Cancelled"),
]


def slot_of(local_dt):
    """The time slot a local wall-clock time falls in."""
    if local_dt.hour < SLOT_HOURS["afternoon"]:
        return "morning"
    if local_dt.hour < SLOT_HOURS["evening"]:
        return "afternoon"
    return "evening"


def next_slot(slot):
    keys = [key for key, _label in SLOTS]
    return keys[(keys.index(slot) + 1) % len(keys)]


class QmsCallback(models.Model):
    """回访: a follow-up call to a customer in a planned window, for any source
    document; not reached → another attempt on the next working day in another
    time slot, up to the company's number of attempts."""

    _name = "qms.callback"
    _description = "Customer Callback"
    # the state and the number change only through the buttons and the sequence
    _qms_workflow_fields = ("state", "name")
    # What the form shows read-only once the record has left planned.
    _qms_frozen_fields = {
        "answer": ("planned",),
        "problem": ("planned",),
        "survey_rating": ("planned",),
        # what is called back and its window: fixed at create, moved by a replan only
        "res_model": (),
        "res_id": (),
        "kind_id": (),
        "date_start": (),
    }
    _inherit = [
        "qms.workflow.mixin",
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.source.mixin",
    ]
    _order = "date_planned desc, id desc"
    _qms_sequence_code = "qms.callback"

    active = fields.Boolean(default=True)
    kind_id = fields.Many2one(
        "qms.deadline.kind",
        string="Callback kind",
        required=True,
        readonly=True,
        ondelete="cascade",
        domain=[("model", "=", "qms.callback")],
        help="The window of the call: not before / at the latest, counted from the start.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    contact_id = fields.Many2one(
        "res.partner", domain="[('commercial_partner_id', '=', partner_id)]"
    )
    phone = fields.Char(compute="_compute_phone")
    user_id = fields.Many2one(
        "res.users",
        string="Caller",
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
    )
    date_start = fields.Datetime(
        "Counted from", required=True, readonly=True, help="The window counts from this moment."
    )
    date_from = fields.Datetime("Call from", compute="_compute_window")
    date_to = fields.Datetime("Call by", compute="_compute_window")
    date_planned = fields.Datetime("Next call", tracking=True)
    slot = fields.Selection(SLOTS, string="Time slot", compute="_compute_slot")
    attempt_ids = fields.One2many("qms.callback.attempt", "callback_id", string="Attempts")
    attempt = fields.Integer(compute="_compute_attempt")
    state = fields.Selection(
        CALLBACK_STATES, required=True, default="planned", tracking=True, readonly=True
    )
    answer = fields.Text("Customer's answers")
    problem = fields.Text("Problem raised", help="A new problem the customer raised on the call.")
    problem_res_model = fields.Char("Problem model", readonly=True)
    problem_res_id = fields.Many2oneReference(
        "Problem record", model_field="problem_res_model", readonly=True
    )
    problem_name = fields.Char("Raised as", compute="_compute_problem_name")

    @api.depends("problem_res_model", "problem_res_id")
    def _compute_problem_name(self):
        for callback in self:
            model = callback.problem_res_model
            record = (
                self.env[model].browse(callback.problem_res_id).exists()
                if model and model in self.env and callback.problem_res_id
                else None
            )
            callback.problem_name = record.display_name if record else False

    @api.depends("contact_id", "partner_id")
    def _compute_phone(self):
        for callback in self:
            partner = callback.contact_id or callback.partner_id
            callback.phone = partner.mobile or partner.phone

    @api.depends("date_start", "kind_id", "company_id", "qms_deadline_ids.due")
    def _compute_window(self):
        for callback in self:
            if not (callback.date_start and callback.kind_id):
                callback.date_from = callback.date_to = False
                continue
            company = callback.company_id or self.env.company
            kind = callback.kind_id.with_company(company)
            callback.date_from = kind._window_start_from(
                company._qms_calendar(), callback.date_start
            )
            deadline = callback.qms_deadline_ids.sorted("id")[-1:]
            callback.date_to = deadline.due or False

    @api.depends("date_planned", "company_id")
    def _compute_slot(self):
        for callback in self:
            callback.slot = (
                slot_of(callback._local(callback.date_planned)) if callback.date_planned else False
            )

    @api.depends("attempt_ids", "state")
    def _compute_attempt(self):
        for callback in self:
            callback.attempt = len(callback.attempt_ids) + (callback.state == "planned")

    @api.constrains("partner_id", "contact_id")
    def _check_contact(self):
        for callback in self:
            contact = callback.contact_id
            if (
                contact
                and contact.commercial_partner_id != callback.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=contact.display_name,
                        customer=callback.partner_id.display_name,
                    )
                )

    @api.constrains("partner_id", "res_model", "res_id")
    def _check_source_customer(self):
        for callback in self.sudo():
            source = callback._source()
            partner_field = source and source._fields.get("partner_id")
            if not partner_field or partner_field.comodel_name != "res.partner":
                continue
            customer = source.partner_id.commercial_partner_id
            if customer and customer != callback.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(source)s is a document of %(customer)s, not of %(partner)s.",
                        source=source.display_name,
                        customer=customer.display_name,
                        partner=callback.partner_id.display_name,
                    )
                )

    @api.constrains("user_id")
    def _check_caller(self):
        for callback in self:
            if callback.user_id.share:
                raise ValidationError(self.env._("The caller must be an internal user."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("date_start"):
                raise ValidationError(self.env._("A callback needs the moment its window starts."))
        callbacks = super().create(vals_list)
        for callback in callbacks:
            callback._schedule()
        return callbacks

    def write(self, vals):
        if "date_planned" in vals or "user_id" in vals:
            if any(callback.state != "planned" for callback in self):
                raise UserError(self.env._("Only a planned callback can be rescheduled."))
        result = super().write(vals)
        if "date_planned" in vals or "user_id" in vals:
            for callback in self:
                callback.activity_reschedule(
                    ["mail.mail_activity_data_call"],
                    date_deadline=callback._local(callback.date_planned).date(),
                    new_user_id=callback.user_id.id or None,
                )
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_untried(self):
        if any(callback.state != "planned" or callback.attempt_ids for callback in self):
            raise UserError(self.env._("A callback that was attempted is archived, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_reached(self):
        """The customer answered: the call is done; a new problem becomes a record."""
        self._ensure_planned()
        for callback in self:
            callback._log_attempt("reached")
            callback._set_state("done")
            callback._qms_deadline_close()
            callback.activity_feedback(
                ["mail.mail_activity_data_call"], feedback=callback.answer or self.env._("Reached.")
            )
            if (callback.problem or "").strip():
                callback._raise_problem()
            callback._source_hook("_qms_callback_finished", callback)
        return True

    def action_not_reached(self):
        """Not reached: next working day in the next time slot, or failed at the limit."""
        self._ensure_planned()
        for callback in self:
            attempt = callback._log_attempt("not_reached")
            if len(callback.attempt_ids) >= callback.company_id.qms_callback_attempts:
                callback._set_state("failed")
                callback._qms_deadline_close()
                callback.activity_feedback(
                    ["mail.mail_activity_data_call"], feedback=self.env._("Customer not reached.")
                )
                callback._source_hook("_qms_callback_finished", callback)
                continue
            retry = callback._next_attempt_time(attempt.date, attempt.slot)
            callback.date_planned = retry
            callback.message_post(
                body=self.env._(
                    "Customer not reached; attempt %(n)s planned in the %(slot)s.",
                    n=callback.attempt,
                    slot=dict(SLOTS)[callback.slot],
                )
            )
        return True

    def action_cancel(self):
        self._ensure_planned()
        for callback in self:
            callback._set_state("cancelled")
            callback._qms_deadline_cancel()
            callback.activity_unlink(["mail.mail_activity_data_call"])
        return True

    def action_record(self):
        """Open the wizard that records one call."""
        self.ensure_one()
        self._ensure_planned()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_base.qms_callback_record_wizard_action"
        )
        action["context"] = {"default_callback_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _ensure_planned(self):
        for callback in self:
            if callback.state != "planned":
                raise UserError(
                    self.env._("Callback %(number)s is no longer planned.", number=callback.name)
                )

    def _set_state(self, state):
        self._qms_workflow_write({"state": state})

    def _schedule(self):
        """Open the window's deadline and plan the first call at its start."""
        self.ensure_one()
        deadline = self._qms_deadline_open(
            self.kind_id.code, start=self.date_start, owner=self.user_id or None
        )
        first = max(self.date_from, fields.Datetime.now()) if self.date_from else self.date_start
        first = min(first, deadline.due)
        self.date_planned = first
        self.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=self._local(first).date(),
            summary=self.env._(
                "Callback to %(customer)s (%(document)s)",
                customer=self.partner_id.display_name,
                document=self.source_name or self.name,
            ),
            user_id=self.user_id.id or self.env.uid,
        )

    def _log_attempt(self, outcome):
        self.ensure_one()
        now = fields.Datetime.now()
        # The attempts are the call log: written here only, never by hand.
        return (
            self.env["qms.callback.attempt"]
            .sudo()
            .create(
                {
                    "callback_id": self.id,
                    "date": now,
                    "slot": self.env.context.get("qms_callback_slot") or slot_of(self._local(now)),
                    "user_id": self.env.user.id,
                    "outcome": outcome,
                    "note": self.env.context.get("qms_callback_note") or False,
                }
            )
        )

    def _next_attempt_time(self, after, failed_slot):
        """The next working day, at the start of the slot after ``failed_slot``."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        day = self._local(calendar._qms_add_working_days(after, 1)).date()
        zone = pytz.timezone(calendar.tz or "UTC")
        local = zone.localize(datetime.combine(day, time(SLOT_HOURS[next_slot(failed_slot)])))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _local(self, value):
        zone = pytz.timezone(self.company_id._qms_calendar().tz or "UTC")
        return pytz.utc.localize(value).astimezone(zone).replace(tzinfo=None)

    def _source_hook(self, hook, *args):
        source = self._source()
        if source and hasattr(source, hook):
            return getattr(source, hook)(*args)
        return None

    def _raise_problem(self):
        self.ensure_one()
        record = self._source_hook("_qms_callback_new_problem", self)
        if record:
            self._qms_workflow_write(
                {"problem_res_model": record._name, "problem_res_id": record.id}
            )

    def _qms_deadline_owner(self, kind):
        return self.user_id or self.env.user
