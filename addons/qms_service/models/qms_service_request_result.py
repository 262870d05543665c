from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .qms_service_request import RESULTS
from .res_company import MISUSE_POLICIES

VISIT_RESULTS = [("ongoing", "Work goes on"), *RESULTS]


class QmsServiceRequest(models.Model):
    """Results and closure (002 POIS 工作底稿登记的标准 C–E): "resolved" closes
    by itself the next day; "under observation", "taken back for analysis" and
    "handed to development" need a follow-up and a manual close; the closure
    cycle (2 months) escalates; the customer accepts the result."""

    _inherit = "qms.service.request"  # pylint: disable=consider-merging-classes-inherited

    date_auto_close = fields.Datetime(
        "Closes by itself on",
        compute="_compute_date_auto_close",
        help="A resolved request closes by itself the next day unless the customer objects.",
    )
    reopen_count = fields.Integer("Reopened", readonly=True, copy=False, default=0)
    is_first_time_fix = fields.Boolean(
        "First-time fix",
        compute="_compute_is_first_time_fix",
        store=True,
        help="Resolved at the first visit (or without one), never reopened.",
    )
    customer_feedback = fields.Text("Customer's feedback", readonly=True, copy=False)
    development_id = fields.Many2one(
        "qms.service.development",
        string="Development request",
        readonly=True,
        copy=False,
        groups="qms_base.group_qms_user",
    )
    visit_ids = fields.One2many("qms.service.visit", "request_id", string="Visit reports")
    work_log_ids = fields.One2many("qms.service.work.log", "request_id", string="Work records")
    visit_count = fields.Integer("Visits", compute="_compute_visit_count")
    work_log_count = fields.Integer("Work record count", compute="_compute_visit_count")
    charge_policy = fields.Selection(
        MISUSE_POLICIES,
        string="Charged",
        compute="_compute_charge_policy",
        help="Misuse: who pays, as the company's setting says.",
    )

    @api.depends("qms_deadline_ids.due", "qms_deadline_ids.state")
    def _compute_date_auto_close(self):
        for request in self:
            rows = request.sudo().qms_deadline_ids.filtered(
                lambda d: d.kind_id.code == "auto_close" and d.state == "open"
            )
            request.date_auto_close = rows[:1].due if rows else False

    @api.depends("state", "reopen_count", "visit_ids.state")
    def _compute_is_first_time_fix(self):
        for request in self:
            visits = request.visit_ids.filtered(lambda v: v.state == "done")
            request.is_first_time_fix = (
                request.state in ("resolved", "closed")
                and request.result == "resolved"
                and not request.reopen_count
                and len(visits) <= 1
            )

    @api.depends("visit_ids", "work_log_ids")
    def _compute_visit_count(self):
        for request in self:
            request.visit_count = len(request.visit_ids)
            request.work_log_count = len(request.work_log_ids)

    @api.depends("is_misuse", "company_id.qms_service_misuse_policy")
    def _compute_charge_policy(self):
        for request in self:
            request.charge_policy = (
                request.company_id.qms_service_misuse_policy if request.is_misuse else False
            )

    # ------------------------------------------------------------------
    # Results
    # ------------------------------------------------------------------
    def action_resolve(self):
        return self._record_result("resolved")

    def action_observe(self):
        return self._record_result("observation")

    def action_take_back(self):
        return self._record_result("analysis")

    def action_hand_to_development(self):
        return self._record_result("development")

    def _record_result(self, result, moment=None):
        """What the engineer found: resolved, under observation, taken back for
        analysis, handed to development. Returns True."""
        self._qms_ensure_state("accepted", "in_progress", "follow_up")
        moment = moment or fields.Datetime.now()
        for request in self:
            solved = result in ("resolved", "observation")
            request._qms_workflow_write(
                {
                    "result": result,
                    "state": "resolved" if result == "resolved" else "follow_up",
                    "date_resolved": moment if solved else False,
                }
            )
            if solved:
                request._qms_deadline_close("resolution", done=moment)
                request._qms_deadline_cancel("onsite")
            if result == "resolved":
                request._qms_deadline_open(
                    "auto_close", start=moment, due=request._auto_close_due(moment)
                )
            if result == "development" and not request.development_id:
                request._create_development()
        return True

    def _auto_close_due(self, moment):
        """The next day (calendar) or the start of the next working day."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        next_midnight = calendar._qms_local_midnight(moment, days=1)
        if self.company_id.qms_service_autoclose_unit == "working":
            minute = timedelta(minutes=1)
            return calendar._qms_add_working_time(next_midnight, minute) - minute
        return next_midnight

    def _create_development(self):
        """002 POIS E: a problem the service cannot solve goes to development
        (VSTS); its number is written back on the request."""
        self.ensure_one()
        development = self.env["qms.service.development"].create(
            {
                "request_id": self.id,
                "title": f"{self.commercial_partner_id.name} {self.title}",
                "description": self.problem,
                "date_required": self.date_required,
                "company_id": self.company_id.id,
            }
        )
        self._qms_workflow_write(
            {"development_id": development.id, "development_ref": development.name}
        )
        self.message_post(
            body=self.env._("Handed to development: request %(number)s.", number=development.name)
        )
        return development

    def action_new_visit(self):
        """A visit report (working paper) for this request."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_service.qms_service_visit_action"
        )
        action.update(
            {
                "views": [(False, "form")],
                "view_mode": "form",
                "context": {"default_request_id": self.id, "default_user_id": self.user_id.id},
            }
        )
        return action

    def action_view_visits(self):
        self.ensure_one()
        action = self.visit_ids._get_records_action(name=self.env._("Visit reports"))
        action["context"] = {"default_request_id": self.id}
        return action

    def _audit_finding(self, audit, on_list):
        """What a service audit finds on this request (002 三.3–7)."""
        self.ensure_one()
        closure = self.sudo().qms_deadline_ids.filtered(lambda d: d.kind_id.code == "closure")
        if self.state not in ("closed", "cancelled") and closure.filtered("is_overdue"):
            return "overdue"
        if self.state not in ("new", "cancelled") and not self.work_log_ids:
            return "no_work_record"
        return "ok" if on_list else "not_on_list"

    # ------------------------------------------------------------------
    # Closure
    # ------------------------------------------------------------------
    def action_close(self):
        """The manual close after a follow-up, or of a resolved request."""
        self._qms_ensure_state("resolved", "follow_up")
        return self._close_requests()

    def _close_requests(self, moment=None):
        moment = moment or fields.Datetime.now()
        self._qms_workflow_write({"state": "closed", "date_closed": moment})
        self._qms_deadline_close("closure", done=moment)
        self._qms_deadline_close("auto_close", done=moment)
        self._qms_deadline_cancel()
        self._service_closed()
        return True

    def _service_closed(self):
        """Hook: these requests were closed (the survey bridge sends its survey)."""
        return None

    def _qms_deadline_reached(self, deadlines, level):
        """The next day came for a resolved request: it closes by itself."""
        result = super()._qms_deadline_reached(deadlines, level)
        auto = deadlines.filtered(lambda d: d.kind_id.code == "auto_close")
        due_ids = set(auto.mapped("res_id"))
        to_close = self.filtered(lambda r: r.id in due_ids and r.state == "resolved")
        for request in to_close:
            request._close_requests(moment=fields.Datetime.now())
            request.message_post(body=self.env._("Closed by itself the day after its resolution."))
        return result

    # ------------------------------------------------------------------
    # The customer's acceptance
    # ------------------------------------------------------------------
    def action_customer_accept(self, feedback=None):
        """The customer confirms the result (portal, or recorded by the
        engineer); a resolved request closes at once."""
        self._qms_ensure_state("resolved", "follow_up", "closed")
        already = self.filtered("date_customer_accepted")
        if already:
            raise UserError(
                self.env._("%(number)s: the customer accepted it already.", number=already[0].name)
            )
        now = fields.Datetime.now()
        for request in self:
            request._qms_workflow_write(
                {"date_customer_accepted": now, "customer_feedback": feedback or False}
            )
            request.message_post(
                body=self.env._(
                    "The customer accepted the result. %(feedback)s", feedback=feedback or ""
                )
            )
        self.filtered(lambda r: r.state == "resolved")._close_requests(moment=now)
        return True

    def action_customer_reject(self, feedback=None):
        """The customer says it is not solved: the work goes on."""
        self._qms_ensure_state("resolved", "follow_up")
        for request in self:
            request._qms_workflow_write(
                {
                    "state": "in_progress",
                    "result": False,
                    "date_resolved": False,
                    "reopen_count": request.reopen_count + 1,
                    "customer_feedback": feedback or False,
                }
            )
            request._qms_deadline_cancel("auto_close")
            request.message_post(
                body=self.env._(
                    "The customer says the problem is not solved. %(feedback)s",
                    feedback=feedback or "",
                )
            )
        return True
