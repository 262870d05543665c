import math
import re
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

DURATION_UNITS = [
    ("working_minutes", "Working minutes"),
    ("working_hours", "Working hours"),
    ("working_days", "Working days"),
    ("calendar_days", "Calendar days"),
]

# A sanity bound, not a business number: no quality deadline, reminder or
# escalation lies ten years away; anything beyond is a typing error.
MAX_DAYS = 3650
UNIT_PER_DAY = {
    "working_minutes": 24 * 60,
    "working_hours": 24,
    "working_days": 1,
    "calendar_days": 1,
}
MAX_REMINDERS = 10
OFFSET_SPLIT = re.compile(r"[,;，；\s]+")
OFFSET_NUMBER = re.compile(r"^\d{1,7}(\.\d{1,4})?$")

# The numbers and targets each company sets for itself (jsonb, one value per
# company). Identity (name, code, model, activity type, active) is shared.
COMPANY_FIELDS = (
    "duration",
    "duration_unit",
    "window_start",
    "window_start_unit",
    "escalation_delay",
    "escalation_delay_unit",
    "escalation_target",
    "escalation_user_id",
    "escalation_group_id",
    "reminder_offsets",
    "reminder_unit",
)


class QmsDeadlineKind(models.Model):
    """A named deadline a QMS model declares, e.g. "8D report due".

    Every number is a field here, so each one is configurable, and per
    company: the numbers, units and escalation targets are company-dependent.
    A kind is created with one set of values (its data file, or the form) and
    every company starts from it, companies created later included; each then
    changes its own (settings page, or the kind list of the current company).
    Code reading a kind for a document reads it ``with_company`` of the
    document's company (``qms.deadline._kind()`` does it for a deadline row).
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
    # Company-dependent fields cannot be required in the ORM: the views
    # require them and the constraints below refuse what cannot be planned.
    duration = fields.Float(default=1.0, company_dependent=True, copy=True)
    duration_unit = fields.Selection(
        DURATION_UNITS, default="working_days", company_dependent=True, copy=True
    )
    window_start = fields.Float(
        "Not before",
        default=0.0,
        company_dependent=True,
        copy=True,
        help="For deadlines with a window (e.g. a callback from day 3 to day 7): the earliest "
        "moment to act, counted from the start like the duration.",
    )
    window_start_unit = fields.Selection(
        DURATION_UNITS,
        string="Not before (unit)",
        default="working_days",
        company_dependent=True,
        copy=True,
    )
    escalation_delay = fields.Float(
        string="Escalate after",
        default=1.0,
        company_dependent=True,
        copy=True,
        help="Time after the due date at which the deadline escalates (second threshold).",
    )
    escalation_delay_unit = fields.Selection(
        DURATION_UNITS,
        string="Escalation unit",
        default="working_days",
        company_dependent=True,
        copy=True,
    )
    escalation_target = fields.Selection(
        [
            ("manager", "Owner's manager"),
            ("user", "A given user"),
            ("group", "Members of a group"),
            ("none", "No escalation"),
        ],
        default="manager",
        company_dependent=True,
        copy=True,
    )
    escalation_user_id = fields.Many2one(
        "res.users", string="Escalate to", company_dependent=True, copy=True
    )
    escalation_group_id = fields.Many2one(
        "res.groups", string="Escalate to group", company_dependent=True, copy=True
    )
    reminder_offsets = fields.Char(
        "Remind before",
        company_dependent=True,
        copy=True,
        help="Reminders to the owner before the due date, e.g. 2,1: two and one "
        "(working days, or the reminder unit) before it. Empty: no reminder.",
    )
    reminder_unit = fields.Selection(
        DURATION_UNITS,
        string="Reminder unit",
        default="working_days",
        company_dependent=True,
        copy=True,
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity type",
        default=lambda self: self.env.ref(
            "qms_base.mail_activity_type_deadline", raise_if_not_found=False
        ),
    )
    current_company_id = fields.Many2one(
        "res.company",
        string="Values of",
        compute="_compute_current_company_id",
        help="The durations, reminders and escalation shown are this company's: switch "
        "company to see or set another's.",
    )

    _sql_constraints = [
        (
            "code_model_uniq",
            "unique(model_id, code)",
            "A deadline kind code must be unique per model.",
        ),
    ]

    @api.depends_context("company")
    def _compute_current_company_id(self):
        self.current_company_id = self.env.company

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    def _check_amount(self, label, amount, unit):
        """Refuse what no calendar can plan: NaN, infinities, negatives,
        more than ten years, parts of a working day."""
        self.ensure_one()
        if not math.isfinite(amount):
            raise ValidationError(
                self.env._(
                    "Deadline kind “%(kind)s”: %(what)s must be a number.",
                    kind=self.name,
                    what=label,
                )
            )
        if amount < 0:
            raise ValidationError(
                self.env._(
                    "Deadline kind “%(kind)s”: durations cannot be negative (%(what)s).",
                    kind=self.name,
                    what=label,
                )
            )
        if amount > MAX_DAYS * UNIT_PER_DAY.get(unit, 1):
            raise ValidationError(
                self.env._(
                    "Deadline kind “%(kind)s”: %(what)s is more than %(days)s days.",
                    kind=self.name,
                    what=label,
                    days=MAX_DAYS,
                )
            )
        if unit == "working_days" and amount != int(amount):
            raise ValidationError(
                self.env._(
                    "Deadline kind “%(kind)s”: working days must be a whole number; "
                    "use working hours for parts of a day (%(what)s).",
                    kind=self.name,
                    what=label,
                )
            )

    @api.constrains(
        "duration",
        "duration_unit",
        "window_start",
        "window_start_unit",
        "escalation_delay",
        "escalation_delay_unit",
    )
    def _check_durations(self):
        for kind in self:
            for label, amount, unit in (
                (self.env._("the duration"), kind.duration, kind.duration_unit),
                (self.env._("“not before”"), kind.window_start, kind.window_start_unit),
                (
                    self.env._("the escalation delay"),
                    kind.escalation_delay,
                    kind.escalation_delay_unit,
                ),
            ):
                if not unit:
                    raise ValidationError(
                        self.env._(
                            "Deadline kind “%(kind)s”: choose the unit of %(what)s.",
                            kind=kind.name,
                            what=label,
                        )
                    )
                kind._check_amount(label, amount, unit)

    @api.constrains("reminder_offsets", "reminder_unit")
    def _check_reminder_offsets(self):
        for kind in self:
            kind._reminder_offsets()

    @api.constrains("escalation_target", "escalation_user_id", "escalation_group_id")
    def _check_escalation_target(self):
        for kind in self:
            if not kind.escalation_target:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: choose whom it escalates to.", kind=kind.name
                    )
                )
            if kind.escalation_target == "user" and not kind.escalation_user_id:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: choose the user to escalate to.", kind=kind.name
                    )
                )
            if kind.escalation_user_id.share:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: escalations go to an internal user.",
                        kind=kind.name,
                    )
                )
            if kind.escalation_target == "group" and not kind.escalation_group_id:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: choose the group to escalate to.", kind=kind.name
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: every company starts from the values a kind is created with
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        kinds = super().create(vals_list)
        kinds._share_values(self.env.company)
        return kinds

    def _share_values(self, source, targets=None):
        """Give ``targets`` (all companies by default) the company-dependent
        values ``source`` has for these kinds: one UPDATE for all fields."""
        if not self:
            return
        self.flush_recordset(list(COMPANY_FIELDS))
        if targets is None:
            self.env.cr.execute("SELECT id FROM res_company")
            target_ids = [row[0] for row in self.env.cr.fetchall()]
        else:
            target_ids = targets.ids
        target_ids = [str(cid) for cid in target_ids if cid != source.id]
        if not target_ids:
            return
        source_key, targets = str(source.id), SQL("%s::text[]", target_ids)
        assignments = [
            # the targets' keys dropped, then the source's value (if any) for each
            SQL(
                """%(column)s = CASE WHEN %(column)s ? %(source)s
                     THEN (COALESCE(%(column)s, '{}'::jsonb) - %(targets)s)
                          || (SELECT jsonb_object_agg(t, %(column)s -> %(source)s)
                                FROM unnest(%(targets)s) AS t)
                     ELSE COALESCE(%(column)s, '{}'::jsonb) - %(targets)s END""",
                column=SQL.identifier(name),
                source=source_key,
                targets=targets,
            )
            for name in COMPANY_FIELDS
        ]
        self.env.cr.execute(
            SQL(
                "UPDATE qms_deadline_kind SET %s WHERE id IN %s",
                SQL(", ").join(assignments),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(list(COMPANY_FIELDS))

    @api.model
    def _share_with_new_companies(self, companies):
        """New companies start with the kinds' values of their parent company,
        or of the company they were created from."""
        kinds = self.with_context(active_test=False).search([])
        for company in companies:
            kinds._share_values(company.parent_id or self.env.company, company)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _get_kind(self, model, code, company=None):
        """The kind ``code`` of ``model``, reading ``company``'s values
        (the current company's by default)."""
        kind = self.with_context(active_test=True).search(
            [("model", "=", model), ("code", "=", code)], limit=1
        )
        if not kind:
            raise ValidationError(
                self.env._(
                    "Unknown deadline kind “%(code)s” for %(model)s.", code=code, model=model
                )
            )
        return kind.with_company(company) if company else kind

    def _reminder_offsets(self):
        """The reminder offsets, largest first (so their times come in order);
        a clear error for anything that is not a short list of positive numbers."""
        self.ensure_one()
        text = (self.reminder_offsets or "").strip()
        if not text:
            return []
        tokens = [token for token in OFFSET_SPLIT.split(text) if token]
        example = self.env._(
            "Deadline kind “%(kind)s”: give the reminders as numbers before "
            "the due date separated by commas, e.g. 2,1",
            kind=self.name,
        )
        if len(tokens) > MAX_REMINDERS:
            raise ValidationError(
                self.env._(
                    "%(example)s (at most %(count)s reminders).",
                    example=example,
                    count=MAX_REMINDERS,
                )
            )
        offsets = set()
        for token in tokens:
            if not OFFSET_NUMBER.match(token):
                raise ValidationError(
                    self.env._(
                        "%(example)s (not a number: “%(token)s”).",
                        example=example,
                        token=token[:20],
                    )
                )
            offset = float(token)
            if offset <= 0:
                raise ValidationError(
                    self.env._(
                        "%(example)s (a reminder must come before the due date).", example=example
                    )
                )
            if not self.reminder_unit:
                raise ValidationError(
                    self.env._(
                        "Deadline kind “%(kind)s”: choose the unit of the reminders.",
                        kind=self.name,
                    )
                )
            self._check_amount(self.env._("a reminder"), offset, self.reminder_unit)
            offsets.add(offset)
        return sorted(offsets, reverse=True)

    def _add_duration(self, calendar, start, amount, unit):
        """``start`` (naive UTC) plus ``amount`` ``unit`` on ``calendar``."""
        self.ensure_one()
        if unit == "calendar_days":
            return start + timedelta(days=amount)
        if unit == "working_days":
            return calendar._qms_add_working_days(start, int(amount))
        minutes = amount if unit == "working_minutes" else amount * 60
        return calendar._qms_add_working_time(start, timedelta(minutes=minutes))

    def _subtract_duration(self, calendar, end, amount, unit, floor=None):
        """``end`` (naive UTC) minus ``amount`` ``unit`` on ``calendar``;
        ``None`` when that is before ``floor``."""
        self.ensure_one()
        if unit == "calendar_days":
            result = end - timedelta(days=amount)
            return None if floor and result < floor else result
        if unit == "working_days":
            return calendar._qms_subtract_working_days(end, int(amount), floor=floor)
        minutes = amount if unit == "working_minutes" else amount * 60
        return calendar._qms_subtract_working_time(end, timedelta(minutes=minutes), floor=floor)

    def _window_start_from(self, calendar, start):
        return self._add_duration(calendar, start, self.window_start, self.window_start_unit)

    def _due_from(self, calendar, start):
        return self._add_duration(calendar, start, self.duration, self.duration_unit)

    def _escalation_from(self, calendar, due):
        if self.escalation_target == "none":
            return False
        return self._add_duration(calendar, due, self.escalation_delay, self.escalation_delay_unit)

    def _compute_reminder_times(self, calendar, start, due):
        """One time per reminder offset, in order, counted back from ``due``;
        ``None`` for a reminder that would fall before ``start``."""
        self.ensure_one()
        times = []
        for offset in self._reminder_offsets():
            moment = self._subtract_duration(calendar, due, offset, self.reminder_unit, floor=start)
            times.append(moment if moment and moment > start else None)
        return times
