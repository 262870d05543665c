from odoo import fields, models

FINDINGS = [
    ("ok", "Registered and recorded"),
    ("not_registered", "On the customer's list, not registered"),
    ("not_on_list", "Registered, not on the customer's list"),
    ("no_work_record", "No work record from a working paper"),
    ("overdue", "Open beyond the closure cycle"),
]
# What needs a corrective action: each side of the match (002 三.3–7) – an issue
# of the customer never registered, work recorded on nothing the customer lists.
PROBLEM_FINDINGS = ("not_registered", "not_on_list", "no_work_record", "overdue")


class QmsServiceAuditLine(models.Model):
    """One check of a service audit: a registered problem, or an issue of the
    customer's list."""

    _name = "qms.service.audit.line"
    _description = "Service Audit Check"
    _order = "audit_id, id"

    audit_id = fields.Many2one("qms.service.audit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    request_id = fields.Many2one("qms.service.request", string="Registered problem")
    work_log_count = fields.Integer(related="request_id.work_log_count")
    issue_id = fields.Many2one(
        "qms.service.audit.issue", string="Customer's issue line", ondelete="set null"
    )
    customer_issue = fields.Char("Customer's issue")
    finding = fields.Selection(FINDINGS, required=True, default="ok")
    note = fields.Text()
    capa_id = fields.Many2one("qms.capa", string="Corrective action", readonly=True)
