from odoo import api, fields, models
from odoo.exceptions import ValidationError

CATEGORIES = [
    ("customer", "Customer sample"),
    ("supplier", "Supplier sample"),
    ("production", "Own production sample"),
    ("limit", "Limit sample"),
    ("trial_mould", "Trial-mould sample"),
    ("engineering", "Engineering / OTS sample"),
    ("presale", "Pre-sale sample"),
    ("concession", "Temporary / concession sample"),
    ("retained", "Retained pre-shipment sample"),
]


class QmsSampleKind(models.Model):
    """A kind of sample (004 5.2): its flow and its own number sequence."""

    _name = "qms.sample.kind"
    _description = "Sample Kind"
    _inherit = ["qms.portal.fields.mixin"]
    _order = "sequence, id"
    # A customer reads the name of its sample's kind (listed in order); its flow is internal.
    _qms_portal_fields = ("name", "sequence", "active")

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(CATEGORIES, required=True, default="customer")
    description = fields.Text(translate=True)
    sequence_id = fields.Many2one(
        "ir.sequence",
        string="Number sequence",
        required=True,
        help="Each kind numbers its samples with its own sequence (e.g. CS2026-00001).",
    )
    test_id = fields.Many2one(
        "qc.test",
        string="Inspection test",
        help="The characteristics QA checks (样品检验记录), with their specifications.",
    )
    requires_inspection = fields.Boolean(
        "QA inspection", default=True, help="The sample is inspected before it is approved."
    )
    requires_documents = fields.Boolean(
        "Supplier documents",
        help="The self-inspection report and the material certificate are required before "
        "the inspection starts (004 5.3.1 a).",
    )
    requires_trial = fields.Boolean(
        "Production trial", help="Manufacturing tries the material before it is confirmed."
    )
    requires_shipment = fields.Boolean(
        "Sent to the customer",
        help="Approved samples are shipped; the customer approves or rejects them.",
    )
    min_test_qty = fields.Integer(
        "Pieces tested at least",
        help="0: the company's setting for supplier samples (5), none for other kinds.",
    )
    validity_months = fields.Integer(
        "Validity when sealed (months)", help="0: the company's default."
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A sample kind code must be unique."),
    ]

    @api.constrains("min_test_qty", "validity_months")
    def _check_numbers(self):
        for kind in self:
            if kind.min_test_qty < 0 or kind.validity_months < 0:
                raise ValidationError(self.env._("Sample kind numbers cannot be negative."))

    def _min_test_qty(self, company):
        """The pieces a sample of this kind must be tested on, for ``company``."""
        self.ensure_one()
        if self.min_test_qty:
            return self.min_test_qty
        return company.qms_sample_min_test_qty if self.category == "supplier" else 0
