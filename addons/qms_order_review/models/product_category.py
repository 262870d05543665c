from odoo import fields, models

OQC_POLICIES = [
    ("none", "No outgoing inspection"),
    ("warn", "Warn when not passed"),
    ("block", "Block the delivery until passed"),
]


class ProductCategory(models.Model):
    """Release for shipment per product category: whether deliveries wait for
    a passed outgoing (OQC) inspection, its test and its sampling plan. A
    category without its own setting follows its parent."""

    _inherit = "product.category"

    qms_oqc_policy = fields.Selection(
        [("parent", "As the parent category"), *OQC_POLICIES],
        string="Outgoing inspection",
        default="parent",
        required=True,
    )
    qms_oqc_test_id = fields.Many2one("qc.test", string="OQC test")
    qms_oqc_sampling = fields.Selection(
        [
            ("iso2859", "ISO 2859-1 (GB/T 2828.1), normal inspection"),
            ("full", "Every unit (100 %)"),
            ("fixed", "Fixed sample size"),
        ],
        string="Sampling plan",
        default="iso2859",
        required=True,
    )
    qms_oqc_level = fields.Selection(
        [("1", "I"), ("2", "II"), ("3", "III")],
        string="Inspection level",
        default="2",
        help="General inspection level of ISO 2859-1.",
    )
    qms_oqc_sample_size = fields.Integer("Sample size", default=5)

    def _qms_oqc_category(self):
        """The category whose setting applies: this one, or the nearest parent with one."""
        self.ensure_one()
        category = self
        while category.qms_oqc_policy == "parent" and category.parent_id:
            category = category.parent_id
        return category

    def _qms_oqc_policy(self):
        self.ensure_one()
        policy = self._qms_oqc_category().qms_oqc_policy
        return "none" if policy == "parent" else policy

    def _qms_oqc_test(self):
        self.ensure_one()
        return self._qms_oqc_category().qms_oqc_test_id
