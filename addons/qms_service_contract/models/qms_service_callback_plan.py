from datetime import date, datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("cancelled", "Cancelled"),
]
MANAGER_GROUP = "qms_base.group_qms_manager"
# A sanity bound, not a business number: a plan of a year outside is a typing error.
MIN_YEAR, MAX_YEAR = 2000, 2100


class QmsServiceCallbackPlan(models.Model):
    """年度质量回访计划 (001 6.5.1): the year's quality callbacks of the service
    department, one line per contract with its planned month and caller.
    Generated from the contracts in force (class-A projects get their warranty
    callback in the month the warranty starts, 003 4.4.1.1), submitted,
    approved by a QMS manager; approved, each line's callback is planned in
    qms.callback (its window, reminders and attempts), and the plan shows how
    many were made."""

    _name = "qms.service.callback.plan"
    _description = "Annual Quality Callback Plan"
    _qms_frozen_fields = {"year": ("draft",), "company_id": ("draft",)}
    _inherit = ["qms.frozen.mixin", "qms.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _qms_workflow_fields = frozenset({"state", "approved_by_id", "date_approved"})

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
        tracking=True,
        help="The service department's person who drafts the plan and watches it is carried out.",
    )
    line_ids = fields.One2many("qms.service.callback.plan.line", "plan_id", string="Callbacks")
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True)
    date_approved = fields.Datetime("Approved on", readonly=True)
    planned_count = fields.Integer("Planned", compute="_compute_progress")
    done_count = fields.Integer("Done", compute="_compute_progress")
    progress = fields.Float(
        "Progress (%)", compute="_compute_progress", help="Callbacks reached of those planned."
    )

    @api.depends("year")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._("Quality callbacks %(year)s", year=plan.year)

    @api.depends("line_ids.callback_id.state")
    def _compute_progress(self):
        for plan in self:
            planned = len(plan.line_ids)
            done = len(plan.line_ids.filtered(lambda line: line.callback_state == "done"))
            plan.planned_count = planned
            plan.done_count = done
            plan.progress = 100.0 * done / planned if planned else 0.0

    @api.constrains("year", "company_id", "state")
    def _check_year(self):
        for plan in self:
            if not MIN_YEAR <= plan.year <= MAX_YEAR:
                raise ValidationError(self.env._("%(year)s is not a valid year.", year=plan.year))
            if plan.state != "cancelled" and self.search_count(
                [
                    ("id", "!=", plan.id),
                    ("company_id", "=", plan.company_id.id),
                    ("year", "=", plan.year),
                    ("state", "!=", "cancelled"),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s has a quality callback plan for %(year)s already.",
                        company=plan.company_id.name,
                        year=plan.year,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("A submitted callback plan is cancelled, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_generate(self):
        """One line per contract in force in the year (the lines of the draft
        are replaced)."""
        self._qms_ensure_state("draft")
        for plan in self:
            plan.line_ids.unlink()
            self.env["qms.service.callback.plan.line"].create(plan._line_values())
        return True

    def action_submit(self):
        self._qms_ensure_state("draft")
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._("%(plan)s has no callback to plan.", plan=plan.display_name)
                )
        self._qms_workflow_write({"state": "submitted"})
        return True

    def action_approve(self):
        """A QMS manager approves: every line's callback is planned."""
        self._qms_ensure_state("submitted")
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(self.env._("Only a QMS manager approves the quality callback plan."))
        self._qms_workflow_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "date_approved": fields.Datetime.now(),
            }
        )
        self.line_ids._plan_callback()
        return True

    def action_reset_draft(self):
        self._qms_ensure_state("submitted")
        self._qms_workflow_write({"state": "draft"})
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft", "submitted")
        self._qms_workflow_write({"state": "cancelled"})
        return True

    def action_view_callbacks(self):
        self.ensure_one()
        return self.line_ids.callback_id._get_records_action(name=self.env._("Callbacks"))

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _line_values(self):
        """The lines: every contract of the company in force during the year."""
        self.ensure_one()
        first, last = date(self.year, 1, 1), date(self.year, 12, 31)
        contracts = self.env["qms.service.contract"].search(
            [("company_id", "=", self.company_id.id), ("state", "=", "active")], order="id"
        )
        values = []
        for contract in contracts:
            starts = [contract._cadence_start(), *contract.period_ids.mapped("date_start")]
            start = next((day for day in starts if day), None)
            if not start or start > last or (contract.date_end and contract.date_end < first):
                continue
            warranty = (
                contract.project_class == "a"
                and contract.date_free_start
                and contract.date_free_start.year == self.year
            )
            values.append(
                {
                    "plan_id": self.id,
                    "contract_id": contract.id,
                    "kind": "warranty" if warranty else "quality",
                    "month": str(start.month),
                    "user_id": (contract.sudo().user_id or contract.engineer_id or self.user_id).id,
                }
            )
        return values

    def _check_draft_lines(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(
                self.env._("The lines of a callback plan change only while it is a draft.")
            )

    def _month_start(self, month):
        """Naive UTC of the first day of ``month`` at 9:00 in the company's zone."""
        self.ensure_one()
        zone = pytz.timezone(self.company_id._qms_calendar().tz or "UTC")
        local = zone.localize(datetime.combine(date(self.year, int(month), 1), time(9)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)
