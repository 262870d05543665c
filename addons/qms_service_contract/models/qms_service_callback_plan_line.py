from odoo import api, fields, models

MONTHS = [(str(month), str(month)) for month in range(1, 13)]
KINDS = [("warranty", "Warranty callback"), ("quality", "Quality callback")]


class QmsServiceCallbackPlanLine(models.Model):
    """A customer's contract to call back in a month of the plan. Its
    callback is a qms.callback of the contract, planned when the plan is
    approved (a class-A project's warranty callback is the one its contract
    planned already)."""

    _name = "qms.service.callback.plan.line"
    _description = "Planned Quality Callback"
    _inherit = ["qms.workflow.mixin"]
    _order = "plan_id, month, id"
    _qms_workflow_fields = frozenset({"callback_id"})

    plan_id = fields.Many2one(
        "qms.service.callback.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    contract_id = fields.Many2one(
        "qms.service.contract",
        string="Service contract",
        required=True,
        index=True,
        domain="[('company_id', '=', company_id), ('state', '=', 'active')]",
    )
    partner_id = fields.Many2one(
        related="contract_id.commercial_partner_id", store=True, string="Customer"
    )
    project_name = fields.Char(related="contract_id.project_name")
    kind = fields.Selection(KINDS, required=True, default="quality")
    month = fields.Selection(MONTHS, string="Planned month", required=True, default="1")
    user_id = fields.Many2one(
        "res.users", string="Responsible", domain=[("share", "=", False)], required=True
    )
    callback_id = fields.Many2one("qms.callback", readonly=True)
    callback_state = fields.Selection(related="callback_id.state", string="Callback status")

    _sql_constraints = [
        ("contract_uniq", "unique(plan_id, contract_id)", "A contract is planned once a year."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["qms.service.callback.plan"].browse(
            [vals.get("plan_id") for vals in vals_list if vals.get("plan_id")]
        )
        plans._check_draft_lines()
        return super().create(vals_list)

    def write(self, vals):
        if not self._qms_workflow_allowed():
            self.plan_id._check_draft_lines()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.plan_id._check_draft_lines()

    def _plan_callback(self):
        for line in self:
            contract = line.contract_id
            callback = self.env["qms.callback"]
            if line.kind == "warranty":
                callback = contract.qms_callback_ids.filtered(
                    lambda c: c.kind_id.code == "warranty" and c.state != "cancelled"
                )[-1:]
            if not callback:
                start = max(line.plan_id._month_start(line.month), fields.Datetime.now())
                if line.kind == "warranty" and contract.date_free_start:
                    start = contract._local_datetime(contract.date_free_start)
                callback = contract._qms_callback_schedule(
                    line.kind,
                    start,
                    partner=contract.commercial_partner_id,
                    contact=contract.contact_id or None,
                    user=line.user_id,
                )
            line._qms_workflow_write({"callback_id": callback.id})

    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.plan_id.name} · {line.partner_id.name}"
