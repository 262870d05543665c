from odoo import fields, models


class QmsPropertyLoanWizard(models.TransientModel):
    """Ask to borrow a drawing, document, prototype or tool (借用登记)."""

    _name = "qms.property.loan.wizard"
    _description = "Borrow Customer Property"

    property_id = fields.Many2one("qms.property", required=True, ondelete="cascade")
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
    )
    purpose = fields.Char(required=True)

    def action_request(self):
        self.ensure_one()
        loan = self.property_id._qms_loan_request(self.borrower_id, self.purpose)
        return loan._get_records_action()
