from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    qms_service_contract_count = fields.Integer(
        "Service contracts in force",
        compute="_compute_qms_service_contract_count",
        groups="qms_base.group_qms_user",
    )

    def _compute_qms_service_contract_count(self):
        groups = self.env["qms.service.contract"]._read_group(
            [
                ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                ("state", "=", "active"),
            ],
            ["commercial_partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.qms_service_contract_count = counts.get(partner.commercial_partner_id.id, 0)

    def action_view_qms_service_contracts(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_service_contract.qms_service_contract_action"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
