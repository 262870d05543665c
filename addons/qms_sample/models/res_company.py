from odoo import fields, models

HSF_RECEIPT_CHECKS = [
    ("none", "No check"),
    ("warn", "Warn"),
    ("block", "Block"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_sample_min_test_qty = fields.Integer(
        "Supplier sample: pieces tested at least",
        default=5,
        help="004 5.3.1 b: a supplier sample is tested on 5 pieces or more. A sample kind "
        "may set its own number.",
    )
    qms_sample_validity_months = fields.Integer(
        "Sealed sample validity (months)",
        default=12,
        help="How long a sealed reference sample stays valid; a sample may override it.",
    )
    qms_sample_hsf_validity_months = fields.Integer(
        "HSF report validity (months)",
        default=12,
        help="Default validity period of an environmental (HSF) test report.",
    )
    qms_sample_hsf_request_days = fields.Integer(
        "Request a new HSF report (days before expiry)",
        default=30,
        help="The next date to request a new report is this many days before it expires.",
    )
    qms_sample_hsf_receipt_check = fields.Selection(
        HSF_RECEIPT_CHECKS,
        string="Receipt without a valid HSF report",
        default="warn",
        help="Validating a receipt of a material that needs an HSF report, from a supplier "
        "whose report is missing or expired: nothing, a warning on the receipt, or refused.",
    )
    qms_sample_marketing_custodian_id = fields.Many2one(
        "res.users",
        string="Keeper of originals (marketing)",
        help="004 3.3.2: marketing keeps the original (原稿) of a customer-signed sample.",
    )
    qms_sample_engineering_custodian_id = fields.Many2one(
        "res.users",
        string="Keeper of duplicates (engineering)",
        help="004 3.1.7: engineering keeps the duplicate (复稿) of a customer-signed sample.",
    )
    qms_sample_original_location_id = fields.Many2one(
        "stock.location",
        string="Location of originals",
        domain="[('usage', '=', 'internal'), ('company_id', 'in', [id, False])]",
    )
    qms_sample_duplicate_location_id = fields.Many2one(
        "stock.location",
        string="Location of duplicates",
        domain="[('usage', '=', 'internal'), ('company_id', 'in', [id, False])]",
    )
    qms_sample_rejection_capa = fields.Boolean(
        "Corrective action when a customer rejects a sample", default=True
    )
    qms_sample_rejection_capa_days = fields.Integer(
        "Corrective action due after (days)", default=10
    )
    qms_sample_purchase_user_id = fields.Many2one(
        "res.users",
        string="Purchasing copy of supplier sample confirmations",
        help="004 5.3.1 d: gets a copy of the sample confirmation sheet when the sample has "
        "no purchaser.",
    )
    qms_sample_qa_user_id = fields.Many2one(
        "res.users",
        string="QA copy of supplier sample confirmations",
        help="004 5.3.1 d: gets a copy of the sample confirmation sheet when the sample has "
        "no QA inspector.",
    )
    qms_lab_technical_user_id = fields.Many2one(
        "res.users",
        string="Lab technical responsible (技术负责人)",
        help="Hears of a lab sample handed over in a state that does not match its transfer "
        "slip, or with a broken seal.",
    )
