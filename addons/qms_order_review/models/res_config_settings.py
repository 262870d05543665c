from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_order_review_days = fields.Float("Order review within (working days)")
    qms_order_verdict_days = fields.Float("Department verdict within (working days)")
    qms_order_objection_days = fields.Float("Objection answered within (working days)")
    qms_order_exception_days = fields.Float("Delivery exception answered within (working days)")

    @api.model
    def _qms_kind_fields(self):
        return {
            **super()._qms_kind_fields(),
            "qms_order_review_days": ("qms_order_review.deadline_kind_review", "duration"),
            "qms_order_verdict_days": ("qms_order_review.deadline_kind_verdict", "duration"),
            "qms_order_objection_days": (
                "qms_order_review.deadline_kind_customer_answer",
                "duration",
            ),
            "qms_order_exception_days": (
                "qms_order_review.deadline_kind_exception_answer",
                "duration",
            ),
        }
