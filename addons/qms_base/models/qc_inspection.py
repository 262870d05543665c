from odoo import api, models

from .qms_inspection_mixin import FINISHED_STATES, OPEN_STATES

# The mixin's computed fields read the inspections: dropped from the cache when they change.
MIXIN_FIELDS = ("qms_inspection_ids", "qms_inspection_count", "qms_inspection_result")


class QcInspection(models.Model):
    _inherit = "qc.inspection"

    def object_selection_values(self):
        """Every QMS document that inherits ``qms.inspection.mixin`` can be inspected."""
        result = super().object_selection_values()
        model_names = self.env["qms.inspection.mixin"]._qms_inspection_models()
        ir_model = self.env["ir.model"].sudo()
        result.extend((name, ir_model._get(name).name or name) for name in model_names)
        return result

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        inspections._qms_invalidate_documents()
        return inspections

    def write(self, vals):
        if "object_id" in vals:
            self._qms_invalidate_documents()
        result = super().write(vals)
        if {"object_id", "state"} & set(vals):
            self._qms_invalidate_documents()
        return result

    def unlink(self):
        self._qms_invalidate_documents()
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions: OCA's, telling the QMS document when an inspection ends
    # ------------------------------------------------------------------
    def action_confirm(self):
        states = {inspection.id: inspection.state for inspection in self}
        result = super().action_confirm()
        self._qms_notify_finished(states)
        return True if result is None else result

    def action_approve(self):
        states = {inspection.id: inspection.state for inspection in self}
        result = super().action_approve()
        self._qms_notify_finished(states)
        return True if result is None else result

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _qms_result(self):
        """One result for these inspections: none | pending | passed | failed."""
        states = set(self.filtered(lambda i: i.state != "canceled").mapped("state"))
        if not states:
            return "none"
        if "failed" in states:
            return "failed"
        if states & set(OPEN_STATES):
            return "pending"
        return "passed"

    def _qms_documents(self):
        """{document: its inspections among ``self``} for the QMS documents inspected."""
        model_names = set(self.env["qms.inspection.mixin"]._qms_inspection_models())
        documents = {}
        for inspection in self:
            document = inspection.object_id
            if document and document._name in model_names and document.exists():
                documents.setdefault(document, self.browse())
                documents[document] |= inspection
        return documents

    def _qms_invalidate_documents(self):
        for document in self._qms_documents():
            document.invalidate_recordset(MIXIN_FIELDS)

    def _qms_notify_finished(self, states_before):
        finished = self.filtered(
            lambda i: i.state in FINISHED_STATES and states_before.get(i.id) != i.state
        )
        for document, inspections in finished._qms_documents().items():
            document._qms_inspection_finished(inspections)
