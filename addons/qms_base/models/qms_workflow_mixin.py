from odoo import api, models
from odoo.exceptions import UserError

# The context key under which the action methods write guarded fields. Its
# value is an object, not a string: no RPC call can carry it in its context.
WORKFLOW_KEY = "qms_workflow"
WORKFLOW_TOKEN = object()


class QmsWorkflowMixin(models.AbstractModel):
    """Fields that record a workflow (state, approvals, computed figures) and
    change only through the record's ``action_*`` methods.

    The inheriting model lists them in ``_qms_workflow_fields``; a create may
    only give them their default value (a record starts at the beginning of
    its workflow) and a write of any of them is refused with a clear error,
    whatever the path (form, RPC, import). The action methods write them with
    ``_qms_workflow_write``.
    """

    _name = "qms.workflow.mixin"
    _description = "QMS Guarded Workflow Fields"
    _qms_workflow_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        model = self
        if not self._qms_workflow_allowed() and self._qms_workflow_fields:
            # a context default (default_state=…) is no way around the buttons either
            forged = {f"default_{name}" for name in self._qms_workflow_fields}
            if forged & set(self.env.context):
                model = self.with_env(
                    self.env(context={k: v for k, v in self.env.context.items() if k not in forged})
                )
            guarded = [name for name in self._qms_workflow_fields if name != "name"]
            defaults = model.default_get(guarded)
            for vals in vals_list:
                refused = sorted(
                    name
                    for name in guarded
                    if name in vals and vals[name] and vals[name] != defaults.get(name)
                )
                if refused:
                    self._qms_workflow_refuse(refused)
        return super(QmsWorkflowMixin, model).create(vals_list)

    def copy_data(self, default=None):
        # a copy starts at the beginning of its workflow, as a new record does
        vals_list = super().copy_data(default=default)
        given = set(default or ())
        for vals in vals_list:
            for name in self._qms_workflow_fields:
                if name not in given:
                    vals.pop(name, None)
        return vals_list

    def write(self, vals):
        if not self._qms_workflow_allowed():
            refused = sorted(set(self._qms_workflow_fields) & set(vals))
            if refused:
                self._qms_workflow_refuse(refused)
        return super().write(vals)

    def _qms_workflow_allowed(self):
        return self.env.context.get(WORKFLOW_KEY) is WORKFLOW_TOKEN

    def _qms_workflow_refuse(self, names):
        raise UserError(
            self.env._(
                "%(fields)s of %(model)s change only through its buttons, never directly.",
                fields=", ".join(
                    self._fields[name]._description_string(self.env) for name in names
                ),
                model=self.env["ir.model"].sudo()._get(self._name).name or self._description,
            )
        )

    def _qms_workflow_write(self, vals):
        """Write guarded fields: for the action methods only."""
        return self.with_context(**{WORKFLOW_KEY: WORKFLOW_TOKEN}).write(vals)

    @api.model
    def _qms_workflow_create(self, vals_list):
        """Create records whose guarded fields start elsewhere than at their
        default (a new revision, a number given by the code): for the action
        methods only. The records come back without the permission."""
        created = self.with_context(**{WORKFLOW_KEY: WORKFLOW_TOKEN}).create(vals_list)
        return created.with_env(self.env)

    def _qms_ensure_state(self, *states):
        """Refuse an action on a record that is not in one of ``states``,
        naming the record and the state it is in."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    self.env._(
                        "%(record)s is “%(state)s”: this action is not possible now.",
                        record=record.display_name,
                        state=labels.get(record.state, record.state),
                    )
                )
