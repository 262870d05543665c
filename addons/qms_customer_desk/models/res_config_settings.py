from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_desk_hotline = fields.Char(related="company_id.qms_desk_hotline", readonly=False)
    qms_desk_user_id = fields.Many2one(related="company_id.qms_desk_user_id", readonly=False)
    qms_desk_dealer_day = fields.Integer(related="company_id.qms_desk_dealer_day", readonly=False)
    qms_desk_summary_day = fields.Integer(related="company_id.qms_desk_summary_day", readonly=False)
    qms_desk_greeting_days = fields.Integer(
        related="company_id.qms_desk_greeting_days", readonly=False
    )
    qms_desk_care_horizon_days = fields.Integer(
        related="company_id.qms_desk_care_horizon_days", readonly=False
    )
    qms_desk_care_sms = fields.Boolean(related="company_id.qms_desk_care_sms", readonly=False)
    qms_desk_knowledge_days = fields.Float("Knowledge base updated within (working days)")
    qms_desk_knowledge_escalation_days = fields.Float(
        "Knowledge base: escalate after (working days)"
    )

    @api.model
    def _qms_kind_fields(self):
        return {
            **super()._qms_kind_fields(),
            "qms_desk_knowledge_days": ("qms_customer_desk.deadline_kind_knowledge", "duration"),
            "qms_desk_knowledge_escalation_days": (
                "qms_customer_desk.deadline_kind_knowledge",
                "escalation_delay",
            ),
        }
