import math
from collections import defaultdict
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Sanity bounds, not business numbers: a date outside is a typing error.
MIN_YEAR, MAX_YEAR = 1900, 2999
INT_LIMIT = 2**31
# Set by a create that has already checked its input (the sequence mixin, which
# must check before it numbers): its value is an object no RPC call can carry,
# and it names the one model it vouches for, so one2many lines are still checked.
INPUT_CHECKED_KEY = "qms_input_checked"


class InputChecked:
    __slots__ = ("model",)

    def __init__(self, model):
        self.model = model


class Base(models.AbstractModel):
    """Input checks every QMS model shares, whatever the path (form, portal,
    mail, RPC): a value the ORM or PostgreSQL cannot take answers a clear
    ``ValidationError`` naming the field, never an internal error.

    Applied to models whose ``_name`` starts with ``qms.``; a QMS method that
    reads raw values before ``super().create()`` calls ``_qms_check_input``
    itself first.
    """

    _inherit = "base"

    @api.model_create_multi
    def create(self, vals_list):
        if self._name.startswith("qms.") and not self._qms_input_checked():
            self._qms_check_input(*vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if self._name.startswith("qms."):
            self._qms_check_input(vals)
        return super().write(vals)

    def _qms_input_checked(self):
        marker = self.env.context.get(INPUT_CHECKED_KEY)
        return isinstance(marker, InputChecked) and marker.model == self._name

    def _qms_input_trusted(self):
        """This model in a context where ``create`` has checked its input already,
        so that the overrides after it (and ``Base.create``) do not check again."""
        return self.with_context(**{INPUT_CHECKED_KEY: InputChecked(self._name)})

    @api.model
    def _qms_check_input(self, *vals_list):
        """Refuse values of the wrong type or out of range, blank required texts;
        record ids that do not exist (one query per target model)."""
        references = defaultdict(set)
        for vals in vals_list:
            if not isinstance(vals, dict):
                continue
            for name, value in vals.items():
                field = self._fields.get(name)
                if field is None or field.type in ("one2many", "many2many"):
                    continue
                problem = self._qms_input_problem(field, value)
                if problem:
                    self._qms_refuse_input(field, value, problem)
                if field.type == "many2one" and isinstance(value, int) and value:
                    references[field].add(value)
        for field, ids in references.items():
            missing = set(ids) - set(self.env[field.comodel_name].sudo().browse(ids).exists().ids)
            if missing:
                self._qms_refuse_input(field, min(missing), self.env._("no such record"))

    def _qms_refuse_input(self, field, value, problem):
        raise ValidationError(
            self.env._(
                "%(field)s: %(problem)s (got %(value)s).",
                field=field._description_string(self.env),
                problem=problem,
                value=repr(value)[:60],
            )
        )

    @api.model
    def _qms_input_problem(self, field, value):  # noqa: PLR0911 (one answer per type)
        env = self.env
        blank = value is False or value is None
        if field.type in ("char", "text", "html"):
            if field.required and (blank or (isinstance(value, str) and not value.strip())):
                return env._("it cannot be empty")
            return None
        if blank:
            return None
        if field.type == "selection":
            if value not in [key for key, _label in field._description_selection(env)]:
                return env._("not one of the possible values")
        elif field.type == "many2one":
            if isinstance(value, models.BaseModel):
                return None if value._name == field.comodel_name else env._("wrong record")
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                return env._("a record id is expected")
            if value >= INT_LIMIT:
                return env._("no such record")
        elif field.type in ("float", "monetary", "integer"):
            return self._qms_number_problem(field, value)
        elif field.type in ("date", "datetime"):
            return self._qms_date_problem(field, value)
        return None

    @api.model
    def _qms_number_problem(self, field, value):
        env = self.env
        if isinstance(value, bool):
            return env._("a number is expected")
        try:
            number = float(value) if isinstance(value, str) else value
        except ValueError:
            return env._("a number is expected")
        if not isinstance(number, (int, float)):
            return env._("a number is expected")
        # Company-dependent numbers (deadline kinds) are checked by their model,
        # whose message names the record; PostgreSQL never sees them before.
        if not math.isfinite(number) and not field.company_dependent:
            return env._("a finite number is expected")
        if field.type == "integer" and (number != int(number) or abs(number) >= INT_LIMIT):
            return env._("a whole number is expected")
        return None

    @api.model
    def _qms_date_problem(self, field, value):
        env = self.env
        try:
            if field.type == "date":
                moment = fields.Date.to_date(value)
            else:
                moment = fields.Datetime.to_datetime(value)
        except (ValueError, TypeError):
            return env._("not a valid date")
        if not isinstance(moment, (date, datetime)) or not MIN_YEAR <= moment.year <= MAX_YEAR:
            return env._(
                "the year must be between %(first)s and %(last)s", first=MIN_YEAR, last=MAX_YEAR
            )
        return None
