from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_service_free_months = fields.Integer(
        related="company_id.qms_service_free_months", readonly=False
    )
    qms_service_paperwork_penalty = fields.Monetary(
        related="company_id.qms_service_paperwork_penalty", readonly=False
    )
    qms_service_cadence_first_months = fields.Integer(
        related="company_id.qms_service_cadence_first_months", readonly=False
    )
    qms_service_cadence_first_days = fields.Integer(
        related="company_id.qms_service_cadence_first_days", readonly=False
    )
    qms_service_cadence_warranty_months = fields.Integer(
        related="company_id.qms_service_cadence_warranty_months", readonly=False
    )
    qms_service_cadence_after_months = fields.Integer(
        related="company_id.qms_service_cadence_after_months", readonly=False
    )
    qms_service_draw_size = fields.Integer(
        related="company_id.qms_service_draw_size", readonly=False
    )
    qms_service_renewal_months = fields.Integer(
        related="company_id.qms_service_renewal_months", readonly=False
    )
    qms_service_draw_target = fields.Integer(
        related="company_id.qms_service_draw_target", readonly=False
    )
    qms_service_handover_submit_days = fields.Float("Handover application within (working days)")
    qms_service_handover_confirm_days = fields.Float("Quality confirms within (working days)")
    qms_service_paperwork_return_days = fields.Float("Contract back within (days)")
    qms_service_paperwork_reminder_days = fields.Float("Remind the salesperson after (days)")
    qms_service_upgrade_report_days = fields.Float("Upgrade report within (days)")
    qms_service_upgrade_second_days = fields.Float("Second callback within (working days)")
    qms_service_warranty_callback_days = fields.Float("Warranty callback within (days)")
    qms_service_renewal_reminders = fields.Char("Renewal reminders (days before)")

    @api.model
    def _qms_kind_fields(self):
        prefix = "qms_service_contract."
        return {
            **super()._qms_kind_fields(),
            "qms_service_handover_submit_days": (
                prefix + "deadline_kind_handover_submit",
                "duration",
            ),
            "qms_service_handover_confirm_days": (
                prefix + "deadline_kind_handover_confirm",
                "duration",
            ),
            "qms_service_paperwork_return_days": (
                prefix + "deadline_kind_paperwork_return",
                "duration",
            ),
            "qms_service_paperwork_reminder_days": (
                prefix + "deadline_kind_paperwork_sales_reminder",
                "duration",
            ),
            "qms_service_upgrade_report_days": (
                prefix + "deadline_kind_upgrade_report",
                "duration",
            ),
            "qms_service_upgrade_second_days": (
                prefix + "deadline_kind_callback_upgrade_second",
                "duration",
            ),
            "qms_service_warranty_callback_days": (
                prefix + "deadline_kind_callback_warranty",
                "duration",
            ),
            "qms_service_renewal_reminders": (
                prefix + "deadline_kind_contract_renewal",
                "reminder_offsets",
            ),
        }
