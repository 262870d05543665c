from odoo import models
from odoo.exceptions import UserError


class QmsSample(models.Model):
    """Borrowing and return of sealed samples (004 3.2.3) on the shared
    borrowing log (``qms.loan``): who, when, due back, overdue escalation."""

    _name = "qms.sample"
    _inherit = ["qms.sample", "qms.loan.mixin"]  # pylint: disable=consider-merging-classes-inherited

    def action_borrow(self, purpose=None):
        """The current user asks to borrow the sealed sample from its keeper."""
        self.ensure_one()
        self._qms_ensure_state("sealed")
        if not (purpose or "").strip():
            raise UserError(self.env._("Say what the sealed sample is borrowed for."))
        self._qms_loan_request(
            self.env.user, purpose, kind_code="sealed_sample", custodian=self.custodian_id or None
        )
        return True

    def _qms_loan_check_lend(self, loan):
        """Only a sealed sample that is still valid leaves its storage."""
        self.ensure_one()
        if self.state != "sealed":
            raise UserError(
                self.env._("%(number)s is not a sealed sample: it is not lent.", number=self.name)
            )
        if self.is_expired:
            raise UserError(
                self.env._(
                    "%(number)s expired on %(date)s: re-validate it before lending it.",
                    number=self.name,
                    date=self.date_expiry,
                )
            )

    def _qms_loan_state_changed(self, loans):
        for loan in loans:
            self.message_post(
                body=self.env._(
                    "Borrowing %(loan)s by %(borrower)s: %(state)s.",
                    loan=loan.name,
                    borrower=loan.borrower_id.name,
                    state=dict(loan._fields["state"]._description_selection(self.env))[loan.state],
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _check_disposable(self):
        result = super()._check_disposable()
        if self.qms_loan_state in ("out", "overdue"):
            raise UserError(
                self.env._(
                    "%(number)s is lent to %(borrower)s: it is returned before it is disposed of.",
                    number=self.name,
                    borrower=self.qms_loan_borrower_id.name,
                )
            )
        return result
