from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qms_service_dispatcher_id = fields.Many2one(
        related="company_id.qms_service_dispatcher_id", readonly=False
    )
    qms_service_require_qualification = fields.Boolean(
        related="company_id.qms_service_require_qualification", readonly=False
    )
    qms_service_autoclose_unit = fields.Selection(
        related="company_id.qms_service_autoclose_unit", readonly=False
    )
    qms_service_closure_months = fields.Integer(
        related="company_id.qms_service_closure_months", readonly=False
    )
    qms_service_misuse_policy = fields.Selection(
        related="company_id.qms_service_misuse_policy", readonly=False
    )
    qms_service_audit_days = fields.Integer(
        related="company_id.qms_service_audit_days", readonly=False
    )
    qms_service_score_weight_sla = fields.Integer(
        related="company_id.qms_service_score_weight_sla", readonly=False
    )
    qms_service_score_weight_resolution = fields.Integer(
        related="company_id.qms_service_score_weight_resolution", readonly=False
    )
    qms_service_score_weight_ftf = fields.Integer(
        related="company_id.qms_service_score_weight_ftf", readonly=False
    )
    qms_service_score_weight_audit = fields.Integer(
        related="company_id.qms_service_score_weight_audit", readonly=False
    )
    qms_service_duplicate_similarity = fields.Integer(
        related="company_id.qms_service_duplicate_similarity", readonly=False
    )
