from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_sample_min_test_qty = fields.Integer(
        related="company_id.qms_sample_min_test_qty", readonly=False
    )
    qms_sample_validity_months = fields.Integer(
        related="company_id.qms_sample_validity_months", readonly=False
    )
    qms_sample_hsf_validity_months = fields.Integer(
        related="company_id.qms_sample_hsf_validity_months", readonly=False
    )
    qms_sample_hsf_request_days = fields.Integer(
        related="company_id.qms_sample_hsf_request_days", readonly=False
    )
    qms_sample_hsf_receipt_check = fields.Selection(
        related="company_id.qms_sample_hsf_receipt_check", readonly=False
    )
    qms_sample_marketing_custodian_id = fields.Many2one(
        related="company_id.qms_sample_marketing_custodian_id", readonly=False
    )
    qms_sample_engineering_custodian_id = fields.Many2one(
        related="company_id.qms_sample_engineering_custodian_id", readonly=False
    )
    qms_sample_original_location_id = fields.Many2one(
        related="company_id.qms_sample_original_location_id", readonly=False
    )
    qms_sample_duplicate_location_id = fields.Many2one(
        related="company_id.qms_sample_duplicate_location_id", readonly=False
    )
    qms_sample_rejection_capa = fields.Boolean(
        related="company_id.qms_sample_rejection_capa", readonly=False
    )
    qms_sample_rejection_capa_days = fields.Integer(
        related="company_id.qms_sample_rejection_capa_days", readonly=False
    )
    qms_sample_purchase_user_id = fields.Many2one(
        related="company_id.qms_sample_purchase_user_id", readonly=False
    )
    qms_sample_qa_user_id = fields.Many2one(
        related="company_id.qms_sample_qa_user_id", readonly=False
    )
    qms_lab_technical_user_id = fields.Many2one(
        related="company_id.qms_lab_technical_user_id", readonly=False
    )
    qms_sample_making_days = fields.Float("Sample made within (working days)")
    qms_sample_decision_days = fields.Float("Customer decision within (working days)")
    qms_sample_loan_days = fields.Float("A borrowed sealed sample comes back within (working days)")
    qms_sample_validity_reminders = fields.Char(
        "Remind before a sealed sample expires (days)",
        help="E.g. 30,7: thirty and seven days before its expiry.",
    )
    qms_sample_concession_reminders = fields.Char(
        "Remind before a concession ends (days)",
    )
    qms_sample_hsf_reminders = fields.Char(
        "Remind before an HSF report expires (days)",
        help="The supplier is asked for a new report once per reminder.",
    )

    @api.model
    def _qms_kind_fields(self):
        return {
            **super()._qms_kind_fields(),
            "qms_sample_making_days": ("qms_sample.deadline_kind_making", "duration"),
            "qms_sample_decision_days": ("qms_sample.deadline_kind_decision", "duration"),
            "qms_sample_loan_days": ("qms_sample.loan_kind_sealed_sample", "duration"),
            "qms_sample_validity_reminders": (
                "qms_sample.deadline_kind_validity",
                "reminder_offsets",
            ),
            "qms_sample_concession_reminders": (
                "qms_sample.deadline_kind_concession",
                "reminder_offsets",
            ),
            "qms_sample_hsf_reminders": ("qms_sample.deadline_kind_hsf_expiry", "reminder_offsets"),
        }
