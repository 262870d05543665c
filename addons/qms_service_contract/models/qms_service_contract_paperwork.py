from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [("out", "Out for stamping"), ("returned", "Returned"), ("cancelled", "Cancelled")]
SALES_TEMPLATE = "qms_service_contract.mail_template_paperwork_salesperson"


class QmsServiceContractPaperwork(models.Model):
    """服务合同的跟踪: a service contract sent out for the customer's stamp
    (002 二). From the company's stamp it must come back within a month;
    within 15 days the salesperson is reminded by e-mail and phone (at the
    reminders of the 15-day deadline, before its mark); after a
    month the customer is called to send it back, and the salesperson pays
    the penalty the seed names (the amount is a setting). Each step is a
    deadline of the shared engine."""

    _name = "qms.service.contract.paperwork"
    _description = "Contract Paperwork"
    _inherit = [
        "qms.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
    ]
    _order = "date_stamped desc, id desc"
    _qms_sequence_code = "qms.service.contract.paperwork"
    _qms_workflow_fields = frozenset(
        {
            "state",
            "name",
            "date_returned",
            "date_salesperson_reminded",
            "date_customer_called",
            "penalty_amount",
        }
    )

    contract_id = fields.Many2one(
        "qms.service.contract", string="Service contract", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    partner_id = fields.Many2one(related="contract_id.commercial_partner_id", store=True)
    salesperson_id = fields.Many2one(
        "res.users",
        required=True,
        domain=[("share", "=", False)],
        tracking=True,
        compute="_compute_salesperson_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Brings the stamped contract back; reminded by e-mail and phone.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Followed by",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
        help="Quality control centre: reminds the salesperson, calls the customer.",
    )
    date_stamped = fields.Datetime(
        "Stamped on", required=True, default=fields.Datetime.now, tracking=True
    )
    date_salesperson_reminded = fields.Datetime("Salesperson reminded on", readonly=True)
    date_customer_called = fields.Datetime("Customer called on", readonly=True)
    date_returned = fields.Datetime("Returned on", readonly=True, tracking=True)
    penalty_amount = fields.Monetary(
        "Penalty", readonly=True, tracking=True, help="Recorded when the month passed."
    )
    note = fields.Text()
    state = fields.Selection(STATES, default="out", required=True, readonly=True, tracking=True)

    @api.depends("contract_id")
    def _compute_salesperson_id(self):
        for paperwork in self:
            if not paperwork.salesperson_id:
                paperwork.salesperson_id = paperwork.contract_id.salesperson_id

    @api.constrains("date_stamped")
    def _check_date_stamped(self):
        now = fields.Datetime.now()
        for paperwork in self:
            if paperwork.date_stamped > now:
                raise ValidationError(self.env._("A contract cannot be stamped in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        papers = super().create(vals_list)
        for paperwork in papers:
            paperwork._qms_deadline_open("return", start=paperwork.date_stamped)
            paperwork._qms_deadline_open("sales_reminder", start=paperwork.date_stamped)
        return papers

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if any(paperwork.state != "cancelled" for paperwork in self):
            raise UserError(self.env._("Contract paperwork is cancelled, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_log_salesperson_call(self):
        """The salesperson was phoned about the contract."""
        self._qms_ensure_state("out")
        self._qms_workflow_write({"date_salesperson_reminded": fields.Datetime.now()})
        self._qms_deadline_close("sales_reminder")
        return True

    def action_log_customer_call(self):
        """The customer was called to send the contract back."""
        self._qms_ensure_state("out")
        self._qms_workflow_write({"date_customer_called": fields.Datetime.now()})
        self._qms_deadline_close("customer_call")
        return True

    def action_returned(self):
        """The stamped contract is back: quality updates the tracking list."""
        self._qms_ensure_state("out")
        self._qms_workflow_write({"state": "returned", "date_returned": fields.Datetime.now()})
        self._qms_deadline_close()
        return True

    def action_cancel(self):
        self._qms_ensure_state("out")
        self._qms_workflow_write({"state": "cancelled"})
        self._qms_deadline_cancel()
        return True

    # ------------------------------------------------------------------
    # Deadline hooks
    # ------------------------------------------------------------------
    def _qms_deadline_owner(self, kind):
        return self.user_id or self.env.user

    def _qms_deadline_remind(self, deadlines):
        """Within the 15 days: at each reminder of the kind (its offsets, days
        before the 15-day mark, a setting of the deadline kind) the salesperson
        gets the e-mail and quality the phone call to make."""
        sales = deadlines.filtered(lambda d: d.kind_id.code == "sales_reminder")
        (deadlines - sales)._remind_owners()
        for paperwork in self.filtered(lambda p: p.state == "out"):
            if any(deadline.res_id == paperwork.id for deadline in sales):
                paperwork._remind_salesperson()

    def _qms_deadline_reached(self, deadlines, level):
        """15 days: the salesperson is reminded now if the kind has no reminder
        before (its offsets emptied); the owner's overdue activity follows.
        A month: the customer is to be called, the penalty recorded."""
        if level != "owner":
            return super()._qms_deadline_reached(deadlines, level)
        for paperwork in self.filtered(lambda p: p.state == "out"):
            mine = deadlines.filtered(lambda d, p=paperwork: d.res_id == p.id)
            for deadline in mine:
                code = deadline.kind_id.code
                if code == "sales_reminder" and not any(deadline._reminder_datetimes()):
                    paperwork._remind_salesperson()
                if code == "return":
                    paperwork._month_passed()
        return None

    def _remind_salesperson(self):
        self.ensure_one()
        self.message_post_with_source(
            self.env.ref(SALES_TEMPLATE),
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.salesperson_id.partner_id.ids,
        )
        self.activity_schedule(
            "mail.mail_activity_data_call",
            summary=self.env._(
                "Phone %(salesperson)s: bring back contract %(contract)s",
                salesperson=self.salesperson_id.name,
                contract=self.contract_id.display_name,
            ),
            user_id=(self.user_id or self.env.user).id,
        )

    def _month_passed(self):
        self.ensure_one()
        amount = self.company_id.qms_service_paperwork_penalty
        self._qms_workflow_write({"penalty_amount": amount})
        self._qms_deadline_open("customer_call")
        self.activity_schedule(
            "mail.mail_activity_data_call",
            summary=self.env._(
                "Call %(customer)s to send contract %(contract)s back",
                customer=self.partner_id.display_name,
                contract=self.contract_id.display_name,
            ),
            user_id=(self.user_id or self.env.user).id,
        )
        self.message_post(
            body=self.env._(
                "The contract did not come back within the month: %(salesperson)s is "
                "charged %(amount)s %(currency)s.",
                salesperson=self.salesperson_id.name,
                amount=amount,
                currency=self.currency_id.name,
            )
        )
