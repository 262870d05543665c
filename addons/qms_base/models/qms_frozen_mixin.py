from odoo import models
from odoo.exceptions import UserError

from .qms_workflow_mixin import WORKFLOW_KEY, WORKFLOW_TOKEN


class QmsFrozenMixin(models.AbstractModel):
    """Fields a user enters while a record is being prepared and that are part
    of the record once it has left those states (the customer of a confirmed
    document, the quantities counted, the product inspected).

    The inheriting model maps each such field to the states in which it may
    still change, in ``_qms_frozen_fields`` (``{"partner_id": ("draft",)}``;
    no state at all: the field never changes once the record is saved; or a
    function of the record, true while the field may still change).
    A write that changes one of them on a record in another state is refused
    with a clear error, whatever the path (form, RPC, import); the form shows
    them read-only there. The record's own action methods still set them
    through ``_qms_workflow_write`` (qms.workflow.mixin).
    """

    _name = "qms.frozen.mixin"
    _description = "QMS Fields Frozen Once a Record Moves On"
    _qms_frozen_fields = {}

    def write(self, vals):
        if self._qms_frozen_fields and self.env.context.get(WORKFLOW_KEY) is not WORKFLOW_TOKEN:
            self._qms_frozen_check(vals)
        return super().write(vals)

    def _qms_frozen_check(self, vals):
        names = [name for name in self._qms_frozen_fields if name in vals]
        if not names:
            return
        self.check_access("write")  # who may not write at all is told so first
        try:
            new = self.new({name: vals[name] for name in names})
        except (TypeError, ValueError, OverflowError):
            return  # not a value at all (±inf, text for a number…): the input check refuses it
        has_state = "state" in self._fields
        labels = dict(self._fields["state"]._description_selection(self.env)) if has_state else {}
        for record in self:
            state = record.state if has_state else False
            changed = [
                name
                for name in names
                if not self._qms_frozen_may_change(record, state, name)
                and self._fields[name].convert_to_write(record[name], record)
                != self._fields[name].convert_to_write(new[name], new)
            ]
            if not changed:
                continue
            fields_text = ", ".join(
                self._fields[name]._description_string(self.env) for name in changed
            )
            if all(isinstance(self._qms_frozen_fields[name], tuple) for name in changed):
                message = self.env._(
                    "%(record)s is “%(state)s”: %(fields)s can no longer change.",
                    record=record.display_name,
                    state=labels.get(state, state),
                    fields=fields_text,
                )
            else:  # frozen by a condition of the record, not by its state
                message = self.env._(
                    "%(fields)s of %(record)s can no longer change.",
                    record=record.display_name,
                    fields=fields_text,
                )
            raise UserError(message)

    def _qms_frozen_may_change(self, record, state, name):
        allowed = self._qms_frozen_fields[name]
        return allowed(record) if callable(allowed) else state in allowed
