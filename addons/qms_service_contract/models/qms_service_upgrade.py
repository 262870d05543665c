from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

STATES = [
    ("draft", "Draft"),
    ("applied", "Applied for"),
    ("approved", "Arranged"),
    ("agreed", "Plan agreed"),
    ("tested", "Tested and approved"),
    ("live", "Live"),
    ("reported", "Reported"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
TYPES = [("upgrade", "Program upgrade"), ("visit", "Service visit")]
RESULT_TEMPLATE = "qms_service_contract.mail_template_upgrade_callback_result"


class QmsServiceUpgrade(models.Model):
    """客户程序升级 / visit (002 四): the customer manager applies to the
    regional manager, who arranges an engineer; the plan and scope are agreed
    with the customer; the upgrade is tested in a test environment and the
    customer approves before going live; the report follows within a week,
    confirmed by the customer; quality calls back (stable? problems solved?
    clear next arrangements?) and mails the results to the customer manager;
    without a positive answer a second callback follows within 3 days."""

    _name = "qms.service.upgrade"
    _description = "Upgrade or Visit"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {"contract_id": ("draft",), "upgrade_type": ("draft",)}
    _inherit = [
        "qms.frozen.mixin",
        "qms.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.callback.mixin",
    ]
    _order = "id desc"
    _qms_sequence_code = "qms.service.upgrade"
    _qms_workflow_fields = frozenset(
        {
            "state",
            "name",
            "date_applied",
            "date_approved",
            "date_customer_agreed",
            "date_customer_approved",
            "date_live",
            "date_report",
            "date_done",
        }
    )

    upgrade_type = fields.Selection(TYPES, string="Type", required=True, default="upgrade")
    contract_id = fields.Many2one(
        "qms.service.contract", string="Service contract", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="contract_id.commercial_partner_id", store=True)
    contact_id = fields.Many2one(related="contract_id.contact_id")
    customer_manager_id = fields.Many2one(
        "res.users",
        string="Customer manager",
        domain=[("share", "=", False)],
        compute="_compute_customer_manager_id",
        store=True,
        readonly=False,
        help="Applies, coordinates with the customer, receives the callback results.",
    )
    regional_manager_id = fields.Many2one(
        "res.users", string="Regional manager", domain=[("share", "=", False)], tracking=True
    )
    technical_lead_id = fields.Many2one(
        "res.users",
        string="Regional technical lead",
        domain=[("share", "=", False)],
        help="Copied on the callback results.",
    )
    engineer_id = fields.Many2one("res.users", domain=[("share", "=", False)], tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Quality control",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
        help="Receives the report and calls the customer back.",
    )
    date_planned = fields.Datetime("Planned for", tracking=True)
    plan = fields.Html(help="The upgrade plan (系统升级方案).")
    scope = fields.Text("Problems it solves", help="Agreed with the customer before the upgrade.")
    test_result = fields.Text("Test result", help="Tested in the test environment.")
    no_test_environment = fields.Boolean(
        "No test possible",
        help="No test environment or untestable function: customer approval only.",
    )
    report = fields.Html(help="升级报告: what was done, versions, open points.")
    report_attachment_ids = fields.Many2many("ir.attachment", string="Signed report")
    report_confirmed_by = fields.Char(
        "Confirmed by (customer)", help="Who confirmed the report at the customer."
    )
    date_applied = fields.Datetime("Applied on", readonly=True)
    date_approved = fields.Datetime("Arranged on", readonly=True)
    date_customer_agreed = fields.Datetime("Plan agreed on", readonly=True)
    date_customer_approved = fields.Datetime("Approved for live on", readonly=True)
    date_live = fields.Datetime("Live on", readonly=True, tracking=True)
    date_report = fields.Datetime("Report on", readonly=True, tracking=True)
    date_done = fields.Datetime("Done on", readonly=True)
    callback_positive = fields.Boolean(
        "Positive callback",
        compute="_compute_callback_positive",
        help="The last callback got a positive answer to every question.",
    )
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)

    @api.depends("contract_id.customer_manager_id")
    def _compute_customer_manager_id(self):
        for upgrade in self:
            if not upgrade.customer_manager_id:
                upgrade.customer_manager_id = upgrade.contract_id.customer_manager_id

    # Only through qms_base's fields: a registry rebuilt without this addon's
    # qms.callback extension (test models loaded at run time) must still set up.
    # Answers are recorded before the call's state changes, so the state suffices.
    @api.depends("qms_callback_ids.state")
    def _compute_callback_positive(self):
        for upgrade in self:
            done = upgrade.qms_callback_ids.filtered(lambda c: c.state in ("done", "failed"))
            upgrade.callback_positive = bool(done) and done.sorted("id")[-1].qms_answers_positive

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_apply(self):
        """The customer manager applies to the regional manager."""
        self._qms_ensure_state("draft")
        for upgrade in self:
            if not upgrade.regional_manager_id:
                raise UserError(self.env._("Choose the regional manager to apply to."))
            upgrade._qms_workflow_write({"state": "applied", "date_applied": fields.Datetime.now()})
            upgrade.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Arrange an engineer for %(upgrade)s", upgrade=upgrade.name),
                user_id=upgrade.regional_manager_id.id,
            )
        return True

    def action_approve(self):
        """The regional manager arranges the engineer."""
        self._qms_ensure_state("applied")
        for upgrade in self:
            if not self.env.user.has_group("qms_base.group_qms_manager") and (
                self.env.user != upgrade.regional_manager_id
            ):
                raise UserError(
                    self.env._(
                        "Only the regional manager arranges %(upgrade)s.", upgrade=upgrade.name
                    )
                )
            if not upgrade.engineer_id:
                raise UserError(self.env._("Choose the engineer who does it."))
            upgrade._qms_workflow_write(
                {"state": "approved", "date_approved": fields.Datetime.now()}
            )
            upgrade.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_agree_plan(self):
        """The plan and the problems it solves are agreed with the customer."""
        self._qms_ensure_state("approved")
        for upgrade in self:
            if not (upgrade.scope or "").strip() or upgrade._is_empty(upgrade.plan):
                raise UserError(
                    self.env._("Write the plan and the problems it solves before agreeing it.")
                )
            upgrade._qms_workflow_write(
                {"state": "agreed", "date_customer_agreed": fields.Datetime.now()}
            )
        return True

    def action_customer_approve(self):
        """Tested in the test environment, and the customer approves going live."""
        self._qms_ensure_state("agreed")
        for upgrade in self:
            if not (upgrade.test_result or "").strip() and not upgrade.no_test_environment:
                raise UserError(
                    self.env._(
                        "Record the test in the test environment (or that none is possible) "
                        "before the customer approves."
                    )
                )
            upgrade._qms_workflow_write(
                {"state": "tested", "date_customer_approved": fields.Datetime.now()}
            )
        return True

    def action_go_live(self):
        """Done on the live system: the report is due within a week."""
        for upgrade in self:
            allowed = ("tested", "agreed") if upgrade.upgrade_type == "visit" else ("tested",)
            upgrade._qms_ensure_state(*allowed)
            now = fields.Datetime.now()
            upgrade._qms_workflow_write({"state": "live", "date_live": now})
            upgrade._qms_deadline_open("report", start=now)
        return True

    def action_report(self):
        """The report, confirmed by the customer, reached quality: the callback is planned."""
        self._qms_ensure_state("live")
        for upgrade in self:
            if upgrade._is_empty(upgrade.report) and not upgrade.report_attachment_ids:
                raise UserError(self.env._("Write or attach the report first."))
            if not (upgrade.report_confirmed_by or "").strip():
                raise UserError(self.env._("Say who confirmed the report at the customer."))
            now = fields.Datetime.now()
            upgrade._qms_workflow_write({"state": "reported", "date_report": now})
            upgrade._qms_deadline_close("report")
            upgrade._plan_callback("upgrade", now)
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft", "applied", "approved", "agreed", "tested")
        self._qms_workflow_write({"state": "cancelled"})
        self._qms_deadline_cancel()
        self._qms_callback_cancel()
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_record_callback(self):
        self.ensure_one()
        planned = self.qms_callback_ids.filtered(lambda c: c.state == "planned")[:1]
        if not planned:
            raise UserError(self.env._("No callback is planned for %(number)s.", number=self.name))
        return planned._get_records_action()

    # ------------------------------------------------------------------
    # Callbacks (qms.callback.mixin)
    # ------------------------------------------------------------------
    def _plan_callback(self, kind_code, start):
        self.ensure_one()
        return self._qms_callback_schedule(
            kind_code,
            start,
            partner=self.partner_id,
            contact=self.contact_id or None,
            user=self.user_id or None,
        )

    def _qms_callback_finished(self, callback):
        """Mail the results to the customer manager; no positive answer on the
        first call: a second one within the days of its kind."""
        self.ensure_one()
        self._mail_callback_result(callback)
        if not callback.qms_answers_positive and callback.kind_id.code == "upgrade":
            self._plan_callback("upgrade_second", fields.Datetime.now())
            self.message_post(
                body=self.env._("No positive answer on the callback: a second callback is planned.")
            )
            return None
        self._qms_workflow_write({"state": "done", "date_done": fields.Datetime.now()})
        return None

    def _mail_callback_result(self, callback):
        recipients = (self.customer_manager_id | self.technical_lead_id).partner_id
        if not recipients:
            return
        self.message_post_with_source(
            self.env.ref(RESULT_TEMPLATE),
            subtype_xmlid="mail.mt_comment",
            partner_ids=recipients.ids,
        )

    def _qms_deadline_owner(self, kind):
        return self.engineer_id or self.user_id or self.env.user

    @staticmethod
    def _is_empty(html):
        return is_html_empty(html)

    def _last_finished_callback(self):
        """The callback whose results are mailed (the mail template reads it)."""
        self.ensure_one()
        done = self.qms_callback_ids.filtered(lambda c: c.state in ("done", "failed"))
        return done.sorted("id")[-1:]
