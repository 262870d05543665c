from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    qms_hsf_required = fields.Boolean(
        "HSF report required",
        help="Receipts of this material are checked against the supplier's environmental "
        "(HSF) test reports (环保测试信息清单).",
    )
