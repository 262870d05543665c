from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_property_count_months = fields.Integer(
        related="company_id.qms_property_count_months", readonly=False
    )
    qms_property_count_auto_send = fields.Boolean(
        related="company_id.qms_property_count_auto_send", readonly=False
    )
    qms_property_inspection_test_id = fields.Many2one(
        related="company_id.qms_property_inspection_test_id", readonly=False
    )
    qms_property_qa_user_id = fields.Many2one(
        related="company_id.qms_property_qa_user_id", readonly=False
    )
    qms_property_incident_report_days = fields.Float(
        "Report an incident within (working days)",
        help="Loss, damage or unsuitability is reported to the customer within this time. "
        "The procedures (004, 022, 21) say “report to the customer” but give no time "
        "limit: 1 working day is our default.",
    )
    qms_property_count_confirm_days = fields.Float(
        "Customer confirms a count within (working days)",
        help="No number in the procedures: 5 working days by default.",
    )
    qms_property_count_investigate_days = fields.Float(
        "Differences investigated within (working days)",
        help="No number in the procedures: 5 working days by default.",
    )

    qms_property_loan_document_days = fields.Float(
        "Drawings and documents back within (working days)",
        help="Borrowing log (借用登记). No number in the procedures: 5 working days by default.",
    )
    qms_property_loan_prototype_days = fields.Float(
        "Prototypes back within (working days)",
        help="Borrowing log (借用登记). No number in the procedures: 5 working days by default.",
    )
    qms_property_loan_tool_days = fields.Float(
        "Tools and gauges back within (working days)",
        help="No number in the procedures: 10 working days by default.",
    )

    @api.model
    def _qms_kind_fields(self):
        return {
            **super()._qms_kind_fields(),
            "qms_property_incident_report_days": (
                "qms_customer_property.deadline_kind_incident_report",
                "duration",
            ),
            "qms_property_count_confirm_days": (
                "qms_customer_property.deadline_kind_count_confirm",
                "duration",
            ),
            "qms_property_count_investigate_days": (
                "qms_customer_property.deadline_kind_count_investigate",
                "duration",
            ),
            "qms_property_loan_document_days": (
                "qms_customer_property.loan_kind_property_document",
                "duration",
            ),
            "qms_property_loan_prototype_days": (
                "qms_customer_property.loan_kind_property_prototype",
                "duration",
            ),
            "qms_property_loan_tool_days": (
                "qms_customer_property.loan_kind_property_tool",
                "duration",
            ),
        }
