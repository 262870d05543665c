from odoo import fields, models


class ResPartner(models.Model):
    """The "Quality" smart button: each QMS addon adds its counters.

    An addon extends ``_qms_quality_counts`` (returns ``{partner_id: n}`` of
    open items) and adds its stat button to ``res_partner_view_form_quality``.
    """

    _inherit = "res.partner"

    qms_open_count = fields.Integer(
        "Open quality items", compute="_compute_qms_open_count", groups="base.group_user"
    )

    def _compute_qms_open_count(self):
        counts = self.commercial_partner_id._qms_quality_counts()
        for partner in self:
            partner.qms_open_count = counts.get(partner.commercial_partner_id.id, 0)

    def _qms_quality_counts(self):
        """Open QMS items per commercial partner id; addons add theirs."""
        return {}

    def action_open_qms_quality(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quality: %(partner)s", partner=self.commercial_partner_id.name),
            "res_model": "res.partner",
            "res_id": self.commercial_partner_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("qms_base.res_partner_view_form_quality").id, "form")],
            "target": "new",
        }
