from odoo import fields, models
from odoo.exceptions import UserError

QMS_USER = "qms_base.group_qms_user"
CONCESSION_SIGNATORY = "qms_sample.group_qms_sample_concession_signatory"


class QmsSample(models.Model):
    """Temporary / concession samples (暂收样品, 004 5.1.3, 5.2.4): only when
    production differs from the approved sample; accepted by the customer, or
    by engineering and QA with the signature of an authorised person; valid
    until an end date, with a reminder before it."""

    _inherit = "qms.sample"  # pylint: disable=consider-merging-classes-inherited

    reference_sample_id = fields.Many2one(
        "qms.sample",
        string="Approved sample it differs from",
        domain="[('state', 'in', ('accepted', 'sealed'))]",
        index="btree_not_null",
    )
    deviation = fields.Text("How production differs")
    concession_reason = fields.Text("Reason for the concession", groups=QMS_USER)
    concession_approval = fields.Selection(
        [("customer", "Customer's approval"), ("internal", "Engineering + QA concession")],
        string="Approved by",
        groups=QMS_USER,
    )
    customer_approval_ref = fields.Char("Customer's approval reference", groups=QMS_USER)
    concession_signatory_id = fields.Many2one(
        "res.users", string="Authorised signatory", readonly=True, copy=False, groups=QMS_USER
    )
    date_concession_end = fields.Date("Concession ends on", tracking=True)

    def _signable_states(self):
        states = super()._signable_states()
        return (*states, "draft") if self.category == "concession" else states

    def action_approve_concession(self):
        self._qms_ensure_state("draft")
        for sample in self:
            sample._check_concession()
            vals = {}
            if sample.concession_approval == "internal":
                vals["concession_signatory_id"] = self.env.user.id
            sample.sudo()._qms_workflow_write(vals)
            sample._accept()
            now = fields.Datetime.now()
            due = max(sample._end_of_day(sample.date_concession_end), now)
            sample._qms_deadline_open("concession", start=now, due=due)
        return True

    def _check_concession(self):
        self.ensure_one()
        if self.category != "concession":
            raise UserError(self.env._("%(number)s is not a concession sample.", number=self.name))
        if not self.reference_sample_id or self.reference_sample_id.state not in (
            "accepted",
            "sealed",
        ):
            raise UserError(
                self.env._(
                    "A concession is only for production that differs from an approved "
                    "sample: choose that sample."
                )
            )
        if not (self.deviation or "").strip() or not (self.concession_reason or "").strip():
            raise UserError(self.env._("Describe the difference and the reason for it."))
        if not self.date_concession_end or self.date_concession_end < fields.Date.context_today(
            self
        ):
            raise UserError(self.env._("Give the concession an end date, today or later."))
        if self.concession_approval == "customer":
            if not self.customer_approval_ref:
                raise UserError(self.env._("Give the reference of the customer's approval."))
        elif self.concession_approval == "internal":
            self._check_signatures()
            if not self.env.user.has_group(CONCESSION_SIGNATORY):
                raise UserError(
                    self.env._("Only a person authorised to sign concessions approves it.")
                )
        else:
            raise UserError(self.env._("Choose who approves the concession."))
