from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.qms_base.tools import phone


class ResPartner(models.Model):
    _inherit = "res.partner"

    qms_desk_is_dealer = fields.Boolean(
        "Sends customer data",
        help="A store or dealer that sends its customer data to the customer service every "
        "month (000 客户资料收集).",
    )
    qms_desk_call_count = fields.Integer("Hotline calls", compute="_compute_qms_desk_call_count")

    def _compute_qms_desk_call_count(self):
        groups = self.env["qms.desk.call"]._read_group(
            [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
            ["commercial_partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.qms_desk_call_count = counts.get(partner.commercial_partner_id.id, 0)

    @api.model
    def _qms_desk_match_number(self, number):
        """Partners whose phone or mobile is ``number``, however it is written
        (spaces, dashes, +86): one query comparing the digits only; the
        partners the user may not read are left out."""
        key = phone.digits(number)
        if len(key) < 5:
            return self.browse()
        self.flush_model(["phone", "mobile"])
        keys = [key, f"86{key}", f"0086{key}"]
        self.env.cr.execute(
            SQL(
                """SELECT id FROM res_partner
                    WHERE regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g') = ANY(%(keys)s)
                       OR regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = ANY(%(keys)s)""",
                keys=keys,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return self.search([("id", "in", ids)]) if ids else self.browse()

    def action_view_qms_desk_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_customer_desk.qms_desk_call_action"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
