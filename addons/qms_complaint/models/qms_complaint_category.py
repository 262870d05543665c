from odoo import fields, models


class QmsComplaintCategory(models.Model):
    """Dissatisfaction category (product quality, after-sales service, customer
    service, price, delivery), each routed to a responsible department."""

    _name = "qms.complaint.category"
    _inherit = ["qms.portal.fields.mixin"]
    _description = "Complaint Category"
    _qms_portal_fields = ("name", "sequence", "active", "company_id")
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")
    department_id = fields.Many2one("hr.department", string="Responsible department")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        help="Handles the complaints of this category; the department manager when empty.",
    )

    def _responsible_user(self):
        self.ensure_one()
        return self.user_id or self.department_id.manager_id.user_id
