from odoo import fields, models

from .qms_sample import OPEN_STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    qms_sample_count = fields.Integer("Open samples", compute="_compute_qms_sample_count")

    def _open_sample_counts(self):
        groups = self.env["qms.sample"]._read_group(
            [
                ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                ("state", "in", OPEN_STATES),
            ],
            ["commercial_partner_id"],
            ["__count"],
        )
        return {partner.id: count for partner, count in groups}

    def _compute_qms_sample_count(self):
        counts = self._open_sample_counts()
        for partner in self:
            partner.qms_sample_count = counts.get(partner.commercial_partner_id.id, 0)

    def _qms_quality_counts(self):
        counts = super()._qms_quality_counts()
        for partner_id, count in self._open_sample_counts().items():
            counts[partner_id] = counts.get(partner_id, 0) + count
        return counts

    def action_view_qms_samples(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("qms_sample.qms_sample_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
