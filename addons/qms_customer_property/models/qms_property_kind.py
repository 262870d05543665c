from odoo import fields, models

# Who keeps a kind of property (004 3.x, 21 3.x, GJB 3.x).
CUSTODIAN_DEPARTMENTS = [
    ("sales", "Sales / marketing (customer contact)"),
    ("rnd", "R&D (documents and prototypes)"),
    ("manufacturing", "Manufacturing (tooling and equipment)"),
    ("logistics", "Logistics (materials and parts)"),
    ("qa", "Quality assurance (inspection and gauges)"),
]
# How the property is handled: real stock owned by the customer, maintenance
# equipment, an item lent through the borrowing log, or information.
CATEGORIES = [
    ("stock", "Stock owned by the customer"),
    ("equipment", "Tooling, equipment, gauges"),
    ("document", "Drawings, documents, prototypes"),
    ("information", "Information"),
]


class QmsPropertyKind(models.Model):
    """A kind of customer property (materials, moulds, gauges, drawings…) with
    its default custodian department and how it is handled."""

    _name = "qms.property.kind"
    _inherit = ["qms.portal.fields.mixin"]
    _description = "Customer Property Kind"
    _order = "sequence, id"
    _qms_portal_fields = ("name", "sequence", "active", "category", "company_id")

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(CATEGORIES, required=True, default="stock")
    custodian_department = fields.Selection(
        CUSTODIAN_DEPARTMENTS, string="Custodian department", required=True, default="logistics"
    )
    custodian_user_id = fields.Many2one(
        "res.users",
        string="Default custodian",
        domain=[("share", "=", False)],
        help="Keeps items of this kind, consents to their loans and owns their deadlines.",
    )
    inspection_required = fields.Boolean(
        "Incoming inspection",
        help="QA inspects items of this kind on receipt (HSF included) before they are accepted.",
    )
    loan_kind_code = fields.Char(
        "Borrowing kind",
        help="Code of the loan deadline kind used when an item of this kind is lent.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A property kind code must be unique."),
    ]
