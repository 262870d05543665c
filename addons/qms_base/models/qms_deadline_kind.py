from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

DURATION_UNITS = [
    ("working_minutes", "Working minutes"),
    ("working_hours", "Working hours"),
    ("working_days", "Working days"),
    ("calendar_days", "Calendar days"),
]


class QmsDeadlineKind(models.Model):
    """A named deadline a QMS model declares, e.g. "8D report due".

    Every number is a field here, so each one is configurable per database
    (and exposed on the settings page by the addon that owns the kind).
    """

    _name = "qms.deadline.kind"
    _description = "QMS Deadline Kind"
    _order = "model, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="Technical key used by the owning model to open and close it."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    model_id = fields.Many2one(
        "ir.model",
        string="Applies to",
        required=True,
        ondelete="cascade",
        domain=[("is_mail_activity", "=", True)],
    )
    model = fields.Char(related="model_id.model", store=True, index=True, precompute=True)
    duration = fields.Float(required=True, default=1.0)
    duration_unit = fields.Selection(DURATION_UNITS, required=True, default="working_days")
    window_start = fields.Float(
        "Not before",
        default=0.0,
        help="For deadlines with a window (e.g. a callback from day 3 to day 7): the earliest "
        "moment to act, counted from the start like the duration.",
    )
    window_start_unit = fields.Selection(
        DURATION_UNITS, string="Not before (unit)", required=True, default="working_days"
    )
    escalation_delay = fields.Float(
        string="Escalate after",
        default=1.0,
        help="Time after the due date at which the deadline escalates (second threshold).",
    )
    escalation_delay_unit = fields.Selection(
        DURATION_UNITS, string="Escalation unit", required=True, default="working_days"
    )
    escalation_target = fields.Selection(
        [
            ("manager", "Owner's manager"),
            ("user", "A given user"),
            ("group", "Members of a group"),
            ("none", "No escalation"),
        ],
        required=True,
        default="manager",
    )
    escalation_user_id = fields.Many2one("res.users", string="Escalate to")
    escalation_group_id = fields.Many2one("res.groups", string="Escalate to group")
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity type",
        default=lambda self: self.env.ref(
            "qms_base.mail_activity_type_deadline", raise_if_not_found=False
        ),
    )

    _sql_constraints = [
        (
            "code_model_uniq",
            "unique(model_id, code)",
            "A deadline kind code must be unique per model.",
        ),
    ]

    @api.constrains("duration", "escalation_delay", "duration_unit")
    def _check_durations(self):
        for kind in self:
            if kind.duration < 0 or kind.escalation_delay < 0:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: durations cannot be negative.", kind=kind.name
                    )
                )
            if kind.duration_unit == "working_days" and kind.duration != int(kind.duration):
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: working days must be a whole number; "
                        "use working hours for parts of a day.",
                        kind=kind.name,
                    )
                )

    @api.constrains("escalation_target", "escalation_user_id", "escalation_group_id")
    def _check_escalation_target(self):
        for kind in self:
            if kind.escalation_target == "user" and not kind.escalation_user_id:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: choose the user to escalate to.", kind=kind.name
                    )
                )
            if kind.escalation_target == "group" and not kind.escalation_group_id:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: choose the group to escalate to.", kind=kind.name
                    )
                )

    @api.model
    def _get_kind(self, model, code):
        kind = self.with_context(active_test=True).search(
            [("model", "=", model), ("code", "=", code)], limit=1
        )
        if not kind:
            raise ValidationError(
                self.env._(
                    "Unknown deadline kind “%(code)s” for %(model)s.", code=code, model=model
                )
            )
        return kind

    def _plan(self, calendar, start, amount, unit):
        """``start`` (naive UTC) plus ``amount`` ``unit`` on ``calendar``."""
        self.ensure_one()
        if unit == "calendar_days":
            return start + timedelta(days=amount)
        if unit == "working_days":
            return calendar._qms_add_working_days(start, int(amount))
        minutes = amount if unit == "working_minutes" else amount * 60
        return calendar._qms_add_working_time(start, timedelta(minutes=minutes))

    def _compute_window_start(self, calendar, start):
        return self._plan(calendar, start, self.window_start, self.window_start_unit)

    def _compute_due(self, calendar, start):
        return self._plan(calendar, start, self.duration, self.duration_unit)

    def _compute_escalate_at(self, calendar, due):
        if self.escalation_target == "none":
            return False
        return self._plan(calendar, due, self.escalation_delay, self.escalation_delay_unit)
