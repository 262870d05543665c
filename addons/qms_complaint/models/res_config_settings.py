from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_complaint_notify_minutes = fields.Float("Notify within (working minutes)")
    qms_complaint_containment_minutes = fields.Float(
        "OQC and process QA informed within (working minutes)"
    )
    qms_complaint_report_days = fields.Float("8D report within (working days)")
    qms_complaint_handling_days = fields.Float("Handling within (working days)")
    qms_complaint_closure_days = fields.Float("Closure within (working days)")
    qms_complaint_closure_enabled = fields.Boolean("Closure target")
    qms_complaint_repeat_count = fields.Integer(
        related="company_id.qms_complaint_repeat_count", readonly=False
    )
    qms_complaint_repeat_days = fields.Integer(
        related="company_id.qms_complaint_repeat_days", readonly=False
    )
    qms_complaint_multi_customer_count = fields.Integer(
        related="company_id.qms_complaint_multi_customer_count", readonly=False
    )
    qms_complaint_severe_user_id = fields.Many2one(
        related="company_id.qms_complaint_severe_user_id", readonly=False
    )
    qms_complaint_oqc_user_id = fields.Many2one(
        related="company_id.qms_complaint_oqc_user_id", readonly=False
    )
    qms_complaint_process_qa_user_id = fields.Many2one(
        related="company_id.qms_complaint_process_qa_user_id", readonly=False
    )
    qms_complaint_gm_user_id = fields.Many2one(
        related="company_id.qms_complaint_gm_user_id", readonly=False
    )
    qms_complaint_supervisor_id = fields.Many2one(
        related="company_id.qms_complaint_supervisor_id", readonly=False
    )
    qms_complaint_stock_report_minutes = fields.Float("OQC stock report within (working minutes)")
    qms_complaint_wip_report_minutes = fields.Float(
        "Process QA WIP report within (working minutes)"
    )
    qms_complaint_callback_min_days = fields.Float("Callback from (days)")
    qms_complaint_callback_max_days = fields.Float("Callback until (days)")
    qms_quarantine_location_id = fields.Many2one(
        related="company_id.qms_quarantine_location_id", readonly=False
    )

    @api.model
    def _qms_kind_fields(self):
        return {
            **super()._qms_kind_fields(),
            "qms_complaint_notify_minutes": ("qms_complaint.deadline_kind_notify", "duration"),
            "qms_complaint_containment_minutes": (
                "qms_complaint.deadline_kind_containment",
                "duration",
            ),
            "qms_complaint_stock_report_minutes": (
                "qms_complaint.deadline_kind_containment_stock",
                "duration",
            ),
            "qms_complaint_wip_report_minutes": (
                "qms_complaint.deadline_kind_containment_wip",
                "duration",
            ),
            "qms_complaint_report_days": ("qms_complaint.deadline_kind_report_8d", "duration"),
            "qms_complaint_handling_days": ("qms_complaint.deadline_kind_handling", "duration"),
            "qms_complaint_closure_days": ("qms_complaint.deadline_kind_closure", "duration"),
            "qms_complaint_closure_enabled": ("qms_complaint.deadline_kind_closure", "active"),
            "qms_complaint_callback_min_days": (
                "qms_complaint.deadline_kind_callback",
                "window_start",
            ),
            "qms_complaint_callback_max_days": ("qms_complaint.deadline_kind_callback", "duration"),
        }
