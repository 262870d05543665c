from odoo import api, models
from odoo.exceptions import UserError

WORKFLOW_KEY = "_qms_service_contract_workflow"
# An object, not a string: an RPC call cannot pass it in its context.
WORKFLOW_TOKEN = object()


class QmsServiceWorkflowMixin(models.AbstractModel):
    """State and workflow dates written by the ``action_*`` methods only.

    The inheriting model lists its guarded fields in ``_workflow_fields``; a
    direct write of one of them (form, import, RPC) is refused with a clear
    error, the actions write them under a key no RPC call can carry.
    """

    _name = "qms.service.workflow.mixin"
    _description = "QMS Service Workflow"
    _workflow_fields = frozenset({"state"})

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_workflow_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_values(vals)
        return super().write(vals)

    def _check_workflow_values(self, vals):
        if self.env.context.get(WORKFLOW_KEY) is not WORKFLOW_TOKEN:
            refused = sorted(self._workflow_fields & set(vals))
            if refused:
                raise UserError(
                    self.env._(
                        "%(fields)s of %(model)s change only through its buttons, never directly.",
                        fields=", ".join(self._fields[name].string for name in refused),
                        model=self._description,
                    )
                )

    def _workflow_write(self, vals):
        return self.with_context(**{WORKFLOW_KEY: WORKFLOW_TOKEN}).write(vals)

    def _ensure_state(self, *states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    self.env._(
                        "%(record)s is “%(state)s”: this action is not possible now.",
                        record=record.display_name,
                        state=labels[record.state],
                    )
                )
