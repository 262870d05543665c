from odoo import fields, models


class CrmLead(models.Model):
    """Customer sample requests from an opportunity (000 4.1.1: 送样确认)."""

    _inherit = "crm.lead"

    qms_sample_ids = fields.One2many(
        "qms.sample", "opportunity_id", string="Samples", groups="qms_base.group_qms_user"
    )
    qms_sample_count = fields.Integer(
        "Sample count", compute="_compute_qms_sample_count", groups="qms_base.group_qms_user"
    )

    def _compute_qms_sample_count(self):
        for lead in self:
            lead.qms_sample_count = len(lead.qms_sample_ids)

    def action_qms_request_sample(self):
        self.ensure_one()
        kind = self.env.ref("qms_sample.sample_kind_presale", raise_if_not_found=False)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sample request"),
            "res_model": "qms.sample",
            "view_mode": "form",
            "context": {
                "default_opportunity_id": self.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
                "default_title": self.name,
                "default_sale_user_id": self.user_id.id,
                "default_kind_id": kind.id if kind else False,
            },
        }

    def action_qms_view_samples(self):
        self.ensure_one()
        return self.qms_sample_ids._get_records_action(
            name=self.env._("Samples"), context={"default_opportunity_id": self.id}
        )
