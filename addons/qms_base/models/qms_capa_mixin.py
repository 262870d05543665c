from odoo import api, fields, models


class QmsCapaMixin(models.AbstractModel):
    """Corrective and preventive actions on a source document.

    The document calls ``_qms_capa_create([{...}])`` and hears of state
    changes through ``_qms_capa_state_changed(capas)``.
    """

    _name = "qms.capa.mixin"
    _description = "QMS Corrective Actions"

    qms_capa_ids = fields.One2many(
        "qms.capa",
        "res_id",
        string="Corrective actions",
        domain=lambda self: [("res_model", "=", self._name)],
    )
    qms_capa_count = fields.Integer("Actions", compute="_compute_qms_capa_count")
    qms_capa_open_count = fields.Integer("Open actions", compute="_compute_qms_capa_count")

    @api.depends("qms_capa_ids.state")
    def _compute_qms_capa_count(self):
        for record in self:
            capas = record.qms_capa_ids
            record.qms_capa_count = len(capas)
            record.qms_capa_open_count = len(capas.filtered(lambda c: c.state == "open"))

    def _qms_capa_create(self, vals_list):
        """Actions of this document; the caller gives title, kind, owner, due date…"""
        self.ensure_one()
        defaults = {"res_model": self._name, "res_id": self.id}
        if "company_id" in self._fields and self.company_id:
            defaults["company_id"] = self.company_id.id
        if "partner_id" in self._fields and self.partner_id:
            defaults["partner_id"] = self.partner_id.commercial_partner_id.id
        return self.env["qms.capa"].create([{**defaults, **vals} for vals in vals_list])

    def _qms_capa_unfinished(self):
        """Actions still to do: open, or done and waiting for nothing else."""
        return self.qms_capa_ids.filtered(lambda c: c.state == "open")

    def action_qms_view_capas(self):
        self.ensure_one()
        action = self.qms_capa_ids._get_records_action(name=self.env._("Corrective actions"))
        action["context"] = {
            "default_res_model": self._name,
            "default_res_id": self.id,
            "create": False,
        }
        return action

    def _qms_capa_state_changed(self, capas):
        """Hook: ``capas`` of this document changed state."""
        return None
