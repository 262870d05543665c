from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    qms_complaint_count = fields.Integer(
        "Open complaints", compute="_compute_qms_complaint_count", groups="base.group_user"
    )

    def _open_complaint_counts(self):
        groups = self.env["qms.complaint"]._read_group(
            [
                ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                ("state", "in", ("draft", "in_progress")),
            ],
            ["commercial_partner_id"],
            ["__count"],
        )
        return {partner.id: count for partner, count in groups}

    def _compute_qms_complaint_count(self):
        counts = self._open_complaint_counts()
        for partner in self:
            partner.qms_complaint_count = counts.get(partner.commercial_partner_id.id, 0)

    def _qms_quality_counts(self):
        counts = super()._qms_quality_counts()
        for partner_id, count in self._open_complaint_counts().items():
            counts[partner_id] = counts.get(partner_id, 0) + count
        return counts

    def action_view_qms_complaints(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("qms_complaint.qms_complaint_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
