import re
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_service_audit_line import PROBLEM_FINDINGS

ISSUE_SPLIT = re.compile(r"[\r\n]+")
# What may be a request number in the customer's text (SR/2026/0001, SR-0001…)
NUMBER_TOKEN = re.compile(r"[\w][\w/.\-]*[\w]")


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
        "Paste the customer's list",
        help="The problems the customer lists, one per line: loading the checks adds them "
        "to the issue list.",
    )
    issue_ids = fields.One2many(
        "qms.service.audit.issue",
        "audit_id",
        string="Customer's issue list",
        copy=True,
        help="The problems the customer lists, each matched to the request it was registered as.",
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
        """Match the customer's issue list with the registered problems and
        the work records: each issue line to its request (the number it
        quotes, or the link chosen); one check line per request sampled or
        matched, one per issue never registered."""
        for audit in self:
            if audit.state != "draft":
                raise UserError(self.env._("This audit is done."))
            audit._import_pasted_issues()
            audit._match_issues_by_number()
            issue_of = {}
            for issue in audit.issue_ids.filtered("request_id"):
                issue_of.setdefault(issue.request_id.id, issue)
            requests = audit._sampled_requests() | audit.issue_ids.request_id
            commands = [Command.clear()]
            for request in requests.sorted(lambda r: (r.date_received, r.id)):
                issue = issue_of.get(request.id)
                commands.append(
                    Command.create(
                        {
                            "request_id": request.id,
                            "issue_id": issue.id if issue else False,
                            "customer_issue": issue.description if issue else False,
                            "finding": request._audit_finding(audit, on_list=bool(issue)),
                        }
                    )
                )
            for issue in audit.issue_ids.filtered(lambda i: not i.request_id):
                commands.append(
                    Command.create(
                        {
                            "issue_id": issue.id,
                            "customer_issue": issue.description,
                            "finding": "not_registered",
                        }
                    )
                )
            audit.line_ids = commands
        return True

    def _import_pasted_issues(self):
        """The pasted list (one issue per line) becomes issue lines; a line
        already in the list is not added twice."""
        self.ensure_one()
        known = set(self.issue_ids.mapped("description"))
        texts = [
            text.strip()
            for text in ISSUE_SPLIT.split(self.customer_issues or "")
            if text.strip() and text.strip() not in known
        ]
        start = max(self.issue_ids.mapped("sequence") or [0])
        self.issue_ids = [
            Command.create({"description": text[:255], "sequence": start + index + 1})
            for index, text in enumerate(dict.fromkeys(texts))
        ]

    def _match_issues_by_number(self):
        """An issue line that quotes one of the customer's request numbers is
        that request: one search for all the lines."""
        self.ensure_one()
        open_issues = self.issue_ids.filtered(lambda i: not i.request_id)
        tokens = {
            token.upper()
            for issue in open_issues
            for token in NUMBER_TOKEN.findall(f"{issue.reference or ''} {issue.description}")
        }
        if not tokens:
            return
        requests = self.env["qms.service.request"].search(
            [
                ("commercial_partner_id", "=", self.partner_id.commercial_partner_id.id),
                ("name", "in", list(tokens)),
            ]
        )
        by_number = {request.name.upper(): request for request in requests}
        for issue in open_issues:
            found = next(
                (
                    by_number[token.upper()]
                    for token in NUMBER_TOKEN.findall(
                        f"{issue.reference or ''} {issue.description}"
                    )
                    if token.upper() in by_number
                ),
                None,
            )
            if found:
                issue.write({"request_id": found.id, "match": "number"})

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
