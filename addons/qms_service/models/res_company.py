from odoo import fields, models

MISUSE_POLICIES = [
    ("customer", "The customer pays (004 4.2.3)"),
    ("free", "Free of charge"),
    ("quote", "Quoted case by case"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_service_dispatcher_id = fields.Many2one(
        "res.users",
        string="Service dispatcher",
        help="Owns the SLA of a request until an engineer is assigned (the hotline).",
    )
    qms_service_require_qualification = fields.Boolean(
        "Only qualified engineers",
        default=True,
        help="002 附件5: an engineer is assigned only after passing the service training exam.",
    )
    qms_service_autoclose_unit = fields.Selection(
        [("calendar", "Next calendar day"), ("working", "Next working day")],
        string="A resolved request closes on the",
        default="calendar",
        help="002 POIS: a request resolved today closes by itself the next day.",
    )
    qms_service_closure_months = fields.Integer(
        "Closure cycle (months)",
        default=2,
        help="002 POIS: a problem is closed within 2 months of its receipt, else escalated.",
    )
    qms_service_misuse_policy = fields.Selection(
        MISUSE_POLICIES,
        string="Misuse is charged",
        default="customer",
        help="Who pays the service when the problem comes from improper use.",
    )
    qms_service_audit_days = fields.Integer(
        "Audit work records of (days ago)",
        default=20,
        help="002 三: quality spot-checks the work records of 20 days earlier.",
    )

    qms_service_duplicate_similarity = fields.Integer(
        "Possible duplicate from (percent similar)",
        default=60,
        help="002 POIS, one record per problem: an open request of the same customer and "
        "equipment whose subject and problem are at least this similar is shown as a "
        "possible duplicate.",
    )
    qms_service_score_weight_sla = fields.Integer("Score weight: SLA met", default=40)
    qms_service_score_weight_resolution = fields.Integer("Score weight: resolution", default=30)
    qms_service_score_weight_ftf = fields.Integer("Score weight: first-time fix", default=30)
    qms_service_score_weight_audit = fields.Integer(
        "Score weight: audit checks without a finding",
        default=20,
        help="002 三: the share of the engineer's requests checked by the internal service "
        "audits of the year that had no finding.",
    )

    _sql_constraints = [
        (
            "qms_service_closure_months_positive",
            "CHECK(qms_service_closure_months IS NULL OR qms_service_closure_months >= 1)",
            "The closure cycle is at least one month.",
        ),
        (
            "qms_service_audit_days_positive",
            "CHECK(qms_service_audit_days IS NULL OR qms_service_audit_days >= 0)",
            "The audit look-back cannot be negative.",
        ),
        (
            "qms_service_duplicate_similarity_percent",
            "CHECK(qms_service_duplicate_similarity IS NULL OR "
            "qms_service_duplicate_similarity BETWEEN 1 AND 100)",
            "The similarity of a possible duplicate is a percentage from 1 to 100.",
        ),
    ]

    def _qms_service_score_weights(self):
        self.ensure_one()
        return {
            "on_time": max(self.qms_service_score_weight_sla, 0),
            "resolution": max(self.qms_service_score_weight_resolution, 0),
            "first_time_fix": max(self.qms_service_score_weight_ftf, 0),
            "audit": max(self.qms_service_score_weight_audit, 0),
        }
