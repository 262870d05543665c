from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsLoanMixin(models.AbstractModel):
    """An item that can be borrowed (借用登记): a sealed sample, a drawing, a
    prototype, a tool.

    The item asks for a loan with ``_qms_loan_request(borrower, purpose)`` and
    may answer the hooks ``_qms_loan_check_lend(loan)`` (raise ``UserError``
    to refuse handing the item over) and ``_qms_loan_state_changed(loans)``.
    """

    _name = "qms.loan.mixin"
    _description = "QMS Borrowable Item"

    qms_loan_ids = fields.One2many(
        "qms.loan",
        "res_id",
        string="Loans",
        domain=lambda self: [("res_model", "=", self._name)],
    )
    qms_loan_state = fields.Selection(
        [
            ("available", "Available"),
            ("requested", "Requested"),
            ("out", "Lent out"),
            ("overdue", "Overdue"),
        ],
        string="Borrowing",
        compute="_compute_qms_loan",
    )
    qms_loan_borrower_id = fields.Many2one(
        "res.users", string="Borrowed by", compute="_compute_qms_loan"
    )

    @api.depends("qms_loan_ids.state", "qms_loan_ids.borrower_id")
    def _compute_qms_loan(self):
        for record in self:
            current = record.qms_loan_ids.filtered(lambda loan: loan.state in ("requested", "out"))[
                :1
            ]
            if not current:
                record.qms_loan_state = "available"
            elif current.state == "out" and current.is_overdue:
                record.qms_loan_state = "overdue"
            else:
                record.qms_loan_state = current.state
            record.qms_loan_borrower_id = current.borrower_id

    def _qms_loan_request(
        self, borrower, purpose, kind_code="default", custodian=None, partner=None
    ):
        """Ask to borrow this item; refused while it is requested or lent out."""
        self.ensure_one()
        if self.qms_loan_state != "available":
            raise UserError(
                self.env._("%(item)s is already requested or lent out.", item=self.display_name)
            )
        kind = self.env["qms.deadline.kind"]._get_kind("qms.loan", kind_code)
        if partner is None and "partner_id" in self._fields:
            partner = self["partner_id"]
        company = (self["company_id"] if "company_id" in self._fields else None) or self.env.company
        return self.env["qms.loan"].create(
            {
                "res_model": self._name,
                "res_id": self.id,
                "kind_id": kind.id,
                "company_id": company.id,
                "partner_id": partner.commercial_partner_id.id if partner else False,
                "borrower_id": borrower.id,
                "custodian_id": custodian.id if custodian else False,
                "purpose": purpose,
            }
        )

    def action_qms_view_loans(self):
        self.ensure_one()
        return self.qms_loan_ids._get_records_action(name=self.env._("Loans"))

    def _qms_loan_check_lend(self, loan):
        """Hook: raise ``UserError`` when the item must not be handed over now."""
        return None

    def _qms_loan_state_changed(self, loans):
        """Hook: ``loans`` of this item changed state."""
        return None
