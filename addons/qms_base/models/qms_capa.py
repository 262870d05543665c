from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CAPA_KINDS = [
    ("containment", "Containment (short-term)"),
    ("corrective", "Corrective (long-term)"),
    ("preventive", "Preventive"),
    ("improvement", "Improvement"),
]
CAPA_STATES = [
    ("open", "Open"),
    ("done", "Done"),
    ("verified", "Effect verified"),
    ("cancelled", "Cancelled"),
]
# What the owner writes is fixed once the action is done; the customer and
# company of an action with a source document are the source's.
CAPA_WORKFLOW_FIELDS = (
    "state",
    "name",
    "date_done",
    "verification_user_id",
    "date_verified",
    "effect",
)
CAPA_FROZEN_FIELDS = {
    "res_model": (),
    "res_id": (),
    **dict.fromkeys(("title", "kind", "department_id", "result"), ("open",)),
    **dict.fromkeys(("partner_id", "company_id"), lambda capa: not capa.res_id),
}


class QmsCapa(models.Model):
    """A corrective or preventive action for any source document (complaint,
    survey campaign, sample, property, service request…): owner, due date
    as a qms.deadline, the owner's activity, and the verification of its effect."""

    _name = "qms.capa"
    _description = "Corrective / Preventive Action"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.source.mixin",
        "qms.workflow.mixin",
        "qms.frozen.mixin",
    ]
    _order = "id desc"
    _qms_sequence_code = "qms.capa"
    _qms_workflow_fields = CAPA_WORKFLOW_FIELDS
    _qms_frozen_fields = CAPA_FROZEN_FIELDS

    active = fields.Boolean(default=True)
    title = fields.Char("Action", required=True, tracking=True)
    kind = fields.Selection(CAPA_KINDS, required=True, default="corrective", tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index="btree_not_null")
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
    )
    department_id = fields.Many2one("hr.department", tracking=True)
    date_deadline = fields.Date(
        "Due date",
        compute="_compute_date_deadline",
        inverse="_inverse_date_deadline",
        help="Read from the action's deadline; changing it reschedules the deadline and the "
        "owner's activity.",
    )
    state = fields.Selection(
        CAPA_STATES, required=True, default="open", tracking=True, index=True, readonly=True
    )
    description = fields.Html("Details")
    result = fields.Text(tracking=True, help="What was done.")
    date_done = fields.Datetime("Done on", readonly=True)
    verification_user_id = fields.Many2one("res.users", string="Verified by", readonly=True)
    date_verified = fields.Datetime("Verified on", readonly=True)
    effect = fields.Selection(
        [("effective", "Effective"), ("not_effective", "Not effective")],
        readonly=True,
        tracking=True,
    )
    verification_note = fields.Text("Verification")

    @api.depends("qms_deadline_ids.due", "qms_deadline_ids.state")
    def _compute_date_deadline(self):
        for capa in self:
            deadline = capa._due_deadline()
            if deadline:
                tz = capa.company_id._qms_calendar().tz or "UTC"
                capa.date_deadline = fields.Date.context_today(
                    capa.with_context(tz=tz), deadline.due
                )
            else:
                capa.date_deadline = False

    def _inverse_date_deadline(self):
        for capa in self:
            if not capa.date_deadline:
                raise ValidationError(self.env._("An action needs a due date."))
            if capa.state != "open":
                raise UserError(self.env._("Only an open action can be rescheduled."))
            capa._qms_deadline_reschedule("due", capa._end_of_day(capa.date_deadline))
            capa.activity_reschedule(
                [capa._activity_type_xmlid()], date_deadline=capa.date_deadline
            )

    @api.constrains("title")
    def _check_title(self):
        for capa in self:
            if not (capa.title or "").strip():
                raise ValidationError(self.env._("Describe the action."))

    @api.constrains("user_id")
    def _check_owner(self):
        for capa in self:
            if capa.user_id.share:
                raise ValidationError(
                    self.env._("The owner of an action must be an internal user.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        deadlines = [vals.pop("date_deadline", False) for vals in vals_list]
        capas = super().create(vals_list)
        for capa, date_deadline in zip(capas, deadlines, strict=True):
            due = capa._end_of_day(fields.Date.to_date(date_deadline)) if date_deadline else None
            if due and due < fields.Datetime.now():
                raise ValidationError(
                    self.env._(
                        "The due date of “%(action)s” (%(date)s) is already past.",
                        action=capa.title,
                        date=date_deadline,
                    )
                )
            deadline = capa._qms_deadline_open("due", due=due)
            capa._schedule_owner_activity(deadline)
        return capas

    def write(self, vals):
        if "user_id" in vals:
            self._ensure_open()
        result = super().write(vals)
        if "user_id" in vals:
            for capa in self:
                capa.activity_reschedule([capa._activity_type_xmlid()], new_user_id=capa.user_id.id)
                capa.qms_deadline_ids.filtered(
                    lambda d: d.state == "open"
                ).sudo().owner_id = capa.user_id
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        if any(capa.state != "open" for capa in self):
            raise UserError(self.env._("A finished action is archived, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_done(self):
        self._ensure_open()
        for capa in self:
            if not (capa.result or "").strip():
                raise UserError(
                    self.env._("Describe the result of “%(action)s” first.", action=capa.title)
                )
        self._qms_workflow_write({"state": "done", "date_done": fields.Datetime.now()})
        self._qms_deadline_close("due")
        for capa in self:
            capa.activity_feedback([capa._activity_type_xmlid()], feedback=capa.result)
        self._notify_source()
        return True

    def action_verify_effective(self):
        return self._verify("effective")

    def action_verify_not_effective(self):
        """Not effective: the action opens again, with a new due date for its owner."""
        self._verify("not_effective")
        self._qms_workflow_write({"state": "open", "date_done": False})
        for capa in self:
            capa._schedule_owner_activity(capa._qms_deadline_open("due"))
        self._notify_source()
        return True

    def _verify(self, effect):
        for capa in self:
            if capa.state != "done":
                raise UserError(
                    self.env._("Only a done action can be verified: %(action)s", action=capa.title)
                )
            if capa.user_id == self.env.user and not self.env.user.has_group(
                "qms_base.group_qms_manager"
            ):
                raise UserError(
                    self.env._("The owner cannot verify the effect of their own action.")
                )
        self._qms_workflow_write(
            {
                "state": "verified",
                "effect": effect,
                "verification_user_id": self.env.user.id,
                "date_verified": fields.Datetime.now(),
            }
        )
        self._notify_source()
        return True

    def action_cancel(self):
        self._ensure_open()
        self._qms_workflow_write({"state": "cancelled"})
        self._qms_deadline_cancel("due")
        self.activity_unlink([self._activity_type_xmlid()])
        self._notify_source()
        return True

    def action_reopen(self):
        for capa in self:
            if capa.state != "cancelled":
                raise UserError(self.env._("Only a cancelled action can be reopened."))
        self._qms_workflow_write({"state": "open", "date_done": False})
        for capa in self:
            capa._schedule_owner_activity(capa._qms_deadline_open("due"))
        self._notify_source()
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _ensure_open(self):
        for capa in self:
            if capa.state != "open":
                raise UserError(
                    self.env._(
                        "“%(action)s” is %(state)s: this is only possible while it is open.",
                        action=capa.title,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            capa.state
                        ],
                    )
                )

    def _due_deadline(self):
        self.ensure_one()
        deadlines = self.qms_deadline_ids.sorted("id")
        return deadlines.filtered(lambda d: d.state == "open")[-1:] or deadlines[-1:]

    def _end_of_day(self, date):
        """The end of ``date`` on the company calendar, as naive UTC."""
        self.ensure_one()
        zone = pytz.timezone(self.company_id._qms_calendar().tz or "UTC")
        local = zone.localize(datetime.combine(date, time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _activity_type_xmlid(self):
        return "qms_base.mail_activity_type_capa"

    def _schedule_owner_activity(self, deadline):
        self.ensure_one()
        tz = self.company_id._qms_calendar().tz or "UTC"
        self.activity_schedule(
            self._activity_type_xmlid(),
            date_deadline=fields.Date.context_today(self.with_context(tz=tz), deadline.due),
            summary=self.title[:100],
            note=self.source_name or "",
            user_id=self.user_id.id,
        )

    def _notify_source(self):
        self._notify_sources("_qms_capa_state_changed")

    def _qms_deadline_owner(self, kind):
        return self.user_id
