import re
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_service_audit_line import PROBLEM_FINDINGS

ISSUE_SPLIT = re.compile(r"[\r\n]+")


class QmsServiceAudit(models.Model):
    """Internal service audit (002 三.3–7): quality spot-checks the work
    records of 20 days earlier (a setting) and checks the problems registered
    against the customer's own issue list; findings become corrective actions."""

    _name = "qms.service.audit"
    _description = "Service Audit"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {
        "customer_issues": ("draft",),
        "date_audit": ("draft",),
        "date_to": ("draft",),
        "partner_id": ("draft",),
        "user_id": ("draft",),
    }
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.sequence.mixin",
        "qms.capa.mixin",
        "qms.workflow.mixin",
    ]
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "name")
    _order = "date_audit desc, id desc"
    _qms_sequence_code = "qms.service.audit"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Auditor", required=True, default=lambda self: self.env.user
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, domain=[("is_company", "=", True)]
    )
    date_audit = fields.Date("Audit date", required=True, default=fields.Date.context_today)
    date_from = fields.Date(
        "Work records from", compute="_compute_period", store=True, readonly=False
    )
    date_to = fields.Date(
        "Work records until", compute="_compute_period", store=True, readonly=False
    )
    customer_issues = fields.Text(
        "Customer's issue list", help="The problems the customer lists, one per line."
    )
    line_ids = fields.One2many("qms.service.audit.line", "audit_id", string="Checks", copy=False)
    finding_count = fields.Integer(compute="_compute_finding_count")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
    )

    @api.depends("date_audit", "company_id.qms_service_audit_days")
    def _compute_period(self):
        for audit in self:
            day = (audit.date_audit or fields.Date.context_today(self)) - timedelta(
                days=audit.company_id.qms_service_audit_days
            )
            audit.date_from = day
            audit.date_to = day

    @api.depends("line_ids.finding")
    def _compute_finding_count(self):
        for audit in self:
            audit.finding_count = len(
                audit.line_ids.filtered(lambda line: line.finding in PROBLEM_FINDINGS)
            )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for audit in self:
            if audit.date_from and audit.date_to and audit.date_to < audit.date_from:
                raise ValidationError(self.env._("The audited period ends before it starts."))

    def _sampled_requests(self):
        """The customer's requests with work records in the period, or received in it."""
        self.ensure_one()
        logs = self.env["qms.service.work.log"].search(
            [
                ("partner_id", "=", self.partner_id.commercial_partner_id.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ]
        )
        received = self.env["qms.service.request"].search(
            [
                ("commercial_partner_id", "=", self.partner_id.commercial_partner_id.id),
                ("date_received", ">=", self.date_from),
                ("date_received", "<", self.date_to + timedelta(days=1)),
            ]
        )
        return logs.request_id | received

    def action_load(self):
        """Compare the work records and the registered problems with the
        customer's issue list, one check line each."""
        for audit in self:
            if audit.state != "draft":
                raise UserError(self.env._("This audit is done."))
            issues = [
                issue.strip()
                for issue in ISSUE_SPLIT.split(audit.customer_issues or "")
                if issue.strip()
            ]
            requests = audit._sampled_requests()
            commands = [Command.clear()]
            matched = set()
            for request in requests:
                issue = next(
                    (
                        text
                        for text in issues
                        if text not in matched
                        and (
                            request.name.lower() in text.lower()
                            or request.title.lower() in text.lower()
                            or text.lower() in request.title.lower()
                        )
                    ),
                    False,
                )
                if issue:
                    matched.add(issue)
                commands.append(
                    Command.create(
                        {
                            "request_id": request.id,
                            "customer_issue": issue,
                            "finding": request._audit_finding(audit, on_list=bool(issue)),
                        }
                    )
                )
            for text in issues:
                if text not in matched:
                    commands.append(
                        Command.create({"customer_issue": text, "finding": "not_registered"})
                    )
            audit.line_ids = commands
        return True

    def action_done(self):
        """Each finding becomes a corrective action of its engineer (or the auditor)."""
        for audit in self:
            if audit.state != "draft":
                raise UserError(self.env._("This audit is done."))
            if not audit.line_ids:
                raise UserError(self.env._("Load the checks before closing the audit."))
            vals_list = []
            for line in audit.line_ids.filtered(lambda check: check.finding in PROBLEM_FINDINGS):
                label = dict(line._fields["finding"]._description_selection(self.env))[line.finding]
                vals_list.append(
                    {
                        "title": self.env._(
                            "Service audit %(audit)s: %(finding)s – %(item)s",
                            audit=audit.name,
                            finding=label,
                            item=(line.request_id.name or line.customer_issue or "")[:120],
                        ),
                        "kind": "corrective",
                        "user_id": (line.request_id.user_id or audit.user_id).id,
                        "description": line.note or line.customer_issue or False,
                    }
                )
            if vals_list:
                capas = audit._qms_capa_create(vals_list)
                for line, capa in zip(
                    audit.line_ids.filtered(lambda check: check.finding in PROBLEM_FINDINGS),
                    capas,
                    strict=True,
                ):
                    line.capa_id = capa
            audit._qms_workflow_write({"state": "done"})
        return True
