from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LOAN_STATES = [
    ("requested", "Requested"),
    ("out", "Lent out"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]


# Written only by the action methods: over RPC or in a form they are read-only.
class QmsLoan(models.Model):
    """借用登记: an item (sealed sample, drawing, prototype, tool…) lent to a
    colleague with the custodian's consent, due back within its kind's working
    time; overdue loans escalate through the shared deadline engine."""

    _name = "qms.loan"
    _description = "Borrowing Record"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.source.mixin",
        "qms.workflow.mixin",
        "qms.frozen.mixin",
    ]
    _order = "id desc"
    _qms_sequence_code = "qms.loan"
    _qms_workflow_fields = ("state", "name", "date_requested", "date_out", "date_returned")
    # the item lent and the kind are fixed at create; the people and the purpose once lent
    _qms_frozen_fields = {
        "res_model": (),
        "res_id": (),
        "kind_id": (),
        "borrower_id": ("requested",),
        "custodian_id": ("requested",),
        "partner_id": ("requested",),
        "purpose": ("requested",),
        "returned_condition": ("out", "returned"),
    }

    active = fields.Boolean(default=True)
    kind_id = fields.Many2one(
        "qms.deadline.kind",
        string="Loan kind",
        required=True,
        readonly=True,
        ondelete="restrict",
        domain=[("model", "=", "qms.loan")],
        help="How long the item may stay out (its duration) and whom an overdue loan escalates to.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index="btree_not_null", help="Whose item it is."
    )
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
    )
    custodian_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=[("share", "=", False)],
        help="The keeper of the item, who consents to the loan.",
    )
    purpose = fields.Char(required=True, tracking=True)
    date_requested = fields.Datetime(
        "Requested on", required=True, readonly=True, default=fields.Datetime.now
    )
    date_out = fields.Datetime("Lent on", readonly=True, tracking=True)
    date_due = fields.Datetime(
        "Due back",
        compute="_compute_date_due",
        inverse="_inverse_date_due",
        help="Read from the loan's deadline; changing it reschedules the deadline.",
    )
    date_returned = fields.Datetime("Returned on", readonly=True, tracking=True)
    returned_condition = fields.Text("Condition on return")
    state = fields.Selection(
        LOAN_STATES, required=True, default="requested", readonly=True, tracking=True, index=True
    )
    # The loan's deadline is open only while the item is out: its overdue flag is the loan's.
    is_overdue = fields.Boolean("Past due back", related="qms_overdue")

    @api.depends("qms_deadline_ids.due", "qms_deadline_ids.state")
    def _compute_date_due(self):
        for loan in self:
            deadline = loan.qms_deadline_ids.filtered(
                lambda d, kind=loan.kind_id: d.kind_id == kind and d.state != "cancelled"
            ).sorted("id")[-1:]
            loan.date_due = deadline.due or False

    def _inverse_date_due(self):
        for loan in self:
            if loan.state != "out":
                raise UserError(self.env._("Only an item that is lent out has a due date."))
            if not loan.date_due or loan.date_due <= loan.date_out:
                raise ValidationError(
                    self.env._(
                        "The item must be due back after it was lent (%(date)s).",
                        date=loan.date_out,
                    )
                )
            loan._qms_deadline_reschedule(loan.kind_id.code, loan.date_due)

    @api.constrains("purpose")
    def _check_purpose(self):
        for loan in self:
            if not (loan.purpose or "").strip():
                raise ValidationError(self.env._("Say what the item is borrowed for."))

    @api.constrains("borrower_id", "custodian_id")
    def _check_people(self):
        for loan in self:
            if loan.borrower_id.share or loan.custodian_id.share:
                raise ValidationError(self.env._("Borrower and custodian must be internal users."))

    @api.constrains("res_model", "res_id")
    def _check_one_loan_at_a_time(self):
        pending = self.filtered(lambda loan: loan.state in ("requested", "out") and loan.res_model)
        for loan in pending:
            if self.search_count(
                [
                    ("res_model", "=", loan.res_model),
                    ("res_id", "=", loan.res_id),
                    ("state", "in", ("requested", "out")),
                    ("id", "!=", loan.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._("%(item)s is already requested or lent out.", item=loan.source_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("kind_id"):
                vals["kind_id"] = self.env["qms.deadline.kind"]._get_kind(self._name, "default").id
        loans = super().create(vals_list)
        for loan in loans:
            if not loan.res_model or not loan._source():
                raise ValidationError(self.env._("A loan needs the item that is lent."))
        return loans

    @api.ondelete(at_uninstall=False)
    def _unlink_only_requests(self):
        if any(loan.state != "requested" for loan in self):
            raise UserError(self.env._("A loan that was decided is archived, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_lend(self):
        """The custodian hands the item over: its due date starts counting."""
        self._ensure_state("requested")
        for loan in self:
            loan._ensure_custodian()
            loan._source_hook("_qms_loan_check_lend", loan)
            now = fields.Datetime.now()
            loan._qms_workflow_write({"state": "out", "date_out": now})
            loan._qms_deadline_open(loan.kind_id.code, start=now, owner=loan.borrower_id)
        self._notify_sources("_qms_loan_state_changed")
        return True

    def action_refuse(self):
        self._ensure_state("requested")
        for loan in self:
            loan._ensure_custodian()
        self._qms_workflow_write({"state": "refused"})
        self._notify_sources("_qms_loan_state_changed")
        return True

    def action_return(self, condition=None):
        """The item is back: the deadline closes (on time or late)."""
        if condition is not None and not isinstance(condition, str):
            raise ValidationError(self.env._("The condition on return is a text."))
        self._ensure_state("out")
        now = fields.Datetime.now()
        values = {"state": "returned", "date_returned": now}
        if condition:
            values["returned_condition"] = condition
        self._qms_workflow_write(values)
        for loan in self:
            loan._qms_deadline_close(loan.kind_id.code, done=now)
        self._notify_sources("_qms_loan_state_changed")
        return True

    def action_cancel(self):
        self._ensure_state("requested")
        self._qms_workflow_write({"state": "cancelled"})
        self._notify_sources("_qms_loan_state_changed")
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _ensure_state(self, state):
        labels = dict(LOAN_STATES)
        for loan in self:
            if loan.state != state:
                raise UserError(
                    self.env._(
                        "Loan %(number)s is %(state)s, not %(expected)s.",
                        number=loan.name,
                        state=labels[loan.state],
                        expected=labels[state],
                    )
                )

    def _ensure_custodian(self):
        self.ensure_one()
        user = self.env.user
        if (
            self.custodian_id
            and user != self.custodian_id
            and not user.has_group("qms_base.group_qms_manager")
            and not self.env.su
        ):
            raise UserError(
                self.env._(
                    "Only the custodian %(custodian)s or a QMS manager decides on this loan.",
                    custodian=self.custodian_id.name,
                )
            )

    def _source_hook(self, hook, *args):
        source = self._source()
        if source and hasattr(source, hook):
            return getattr(source, hook)(*args)
        return None

    def _qms_deadline_owner(self, kind):
        return self.borrower_id or self.env.user
