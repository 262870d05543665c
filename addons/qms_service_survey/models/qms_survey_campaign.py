from odoo import fields, models


class QmsSurveyCampaign(models.Model):
    _inherit = "qms.survey.campaign"

    campaign_type = fields.Selection(
        selection_add=[("service", "After-service survey")],
        ondelete={"service": "set default"},
    )
    qms_service_request_id = fields.Many2one(
        "qms.service.request", string="Service request", index="btree_not_null", readonly=True
    )
