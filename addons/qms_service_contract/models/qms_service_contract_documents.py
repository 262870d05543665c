from odoo import api, fields, models

PAPERWORK_STATES = [
    ("none", "No paperwork"),
    ("out", "Out for stamping"),
    ("late", "Late"),
    ("returned", "Returned"),
]


class QmsServiceContract(models.Model):
    """The contract's documents: handovers, paperwork, upgrades, service
    requests; the handover columns of the maintenance-contract tracking list
    (维护合同跟踪表, 002 一.2)."""

    _inherit = "qms.service.contract"  # pylint: disable=consider-merging-classes-inherited

    handover_ids = fields.One2many(
        "qms.service.handover", "contract_id", string="Handovers", groups="qms_base.group_qms_user"
    )
    paperwork_ids = fields.One2many(
        "qms.service.contract.paperwork", "contract_id", groups="qms_base.group_qms_user"
    )
    upgrade_ids = fields.One2many(
        "qms.service.upgrade", "contract_id", string="Upgrades", groups="qms_base.group_qms_user"
    )
    request_ids = fields.One2many(
        "qms.service.request",
        "service_contract_id",
        string="Service requests",
        groups="qms_base.group_qms_user",
    )
    handover_count = fields.Integer(compute="_compute_counts", groups="qms_base.group_qms_user")
    paperwork_count = fields.Integer(compute="_compute_counts", groups="qms_base.group_qms_user")
    upgrade_count = fields.Integer(compute="_compute_counts", groups="qms_base.group_qms_user")
    request_count = fields.Integer(compute="_compute_counts", groups="qms_base.group_qms_user")
    handover_id = fields.Many2one(
        "qms.service.handover",
        compute="_compute_handover_id",
        store=True,
        help="The accepted handover that started the free maintenance period.",
        groups="qms_base.group_qms_user",
    )
    handover_modules = fields.Text(
        related="handover_id.modules",
        groups="qms_base.group_qms_user",
        string="Modules handed over",
    )
    date_handover_submitted = fields.Datetime(
        related="handover_id.date_submitted",
        groups="qms_base.group_qms_user",
        string="Handover applied on",
    )
    date_handover_confirmed = fields.Datetime(
        related="handover_id.date_confirmed",
        groups="qms_base.group_qms_user",
        string="Handover confirmed on",
    )
    handover_project_manager_id = fields.Many2one(
        related="handover_id.project_manager_id",
        groups="qms_base.group_qms_user",
        string="Project manager",
    )
    paperwork_state = fields.Selection(
        PAPERWORK_STATES,
        string="Paperwork status",
        compute="_compute_paperwork_state",
        groups="qms_base.group_qms_user",
    )

    @api.depends("handover_ids", "paperwork_ids", "upgrade_ids", "request_ids")
    def _compute_counts(self):
        for contract in self:
            contract.handover_count = len(contract.handover_ids)
            contract.paperwork_count = len(contract.paperwork_ids)
            contract.upgrade_count = len(contract.upgrade_ids)
            contract.request_count = len(contract.request_ids)

    @api.depends("handover_ids.state")
    def _compute_handover_id(self):
        for contract in self:
            accepted = contract.handover_ids.filtered(lambda h: h.state == "accepted")
            contract.handover_id = accepted.sorted("id")[-1:]

    @api.depends("paperwork_ids.state", "paperwork_ids.penalty_amount")
    def _compute_paperwork_state(self):
        for contract in self:
            papers = contract.paperwork_ids.filtered(lambda p: p.state != "cancelled")
            last = papers.sorted("date_stamped")[-1:]
            if not last:
                contract.paperwork_state = "none"
            elif last.state == "returned":
                contract.paperwork_state = "returned"
            else:
                contract.paperwork_state = "late" if last.qms_overdue else "out"

    def _action_for(self, records, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": records._name,
            "view_mode": "list,form",
            "domain": [("contract_id", "=", self.id)],
            "context": {"default_contract_id": self.id},
        }

    def action_view_handovers(self):
        return self._action_for(self.handover_ids, self.env._("Handovers"))

    def action_view_paperwork(self):
        return self._action_for(self.paperwork_ids, self.env._("Contract paperwork"))

    def action_view_upgrades(self):
        return self._action_for(self.upgrade_ids, self.env._("Upgrades and visits"))

    def action_view_requests(self):
        self.ensure_one()
        return self.request_ids._get_records_action(name=self.env._("Service requests"))
