from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsServiceAuditIssue(models.Model):
    """One line of the customer's issue list in a service audit (002 三.3–7),
    matched explicitly to the request it was registered as: by the request
    number it quotes, or the link the auditor chooses."""

    _name = "qms.service.audit.issue"
    _description = "Customer Issue (Service Audit)"
    _order = "audit_id, sequence, id"

    audit_id = fields.Many2one("qms.service.audit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    commercial_partner_id = fields.Many2one(
        related="audit_id.partner_id.commercial_partner_id", string="Customer"
    )
    sequence = fields.Integer(default=10)
    reference = fields.Char(
        "Customer's reference",
        help="The customer's own number of the issue, or our request number.",
    )
    description = fields.Char("Issue", required=True)
    request_id = fields.Many2one(
        "qms.service.request",
        string="Registered as",
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
        help="The request this issue was registered as. Empty: loading the checks looks for "
        "a request number in the reference or the text.",
    )
    match = fields.Selection(
        [("number", "By request number"), ("link", "Chosen by the auditor")],
        string="Matched",
        readonly=True,
    )
    is_registered = fields.Boolean("Registered", compute="_compute_is_registered")

    @api.depends("request_id")
    def _compute_is_registered(self):
        for issue in self:
            issue.is_registered = bool(issue.request_id)

    @api.constrains("request_id", "audit_id")
    def _check_request_customer(self):
        for issue in self.filtered("request_id"):
            if issue.request_id.commercial_partner_id != issue.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a request of %(customer)s.",
                        number=issue.request_id.name,
                        customer=issue.commercial_partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("request_id") and not vals.get("match"):
                vals["match"] = "link"
        issues = super().create(vals_list)
        issues._check_audit_draft()
        return issues

    def write(self, vals):
        self._check_audit_draft()
        if "request_id" in vals and "match" not in vals:
            vals = {**vals, "match": "link" if vals["request_id"] else False}
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        self._check_audit_draft()

    def _check_audit_draft(self):
        if any(issue.audit_id.state != "draft" for issue in self):
            raise UserError(self.env._("The customer's issue list of a done audit is the record."))
