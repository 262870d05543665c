from odoo import api, fields, models

from .qms_service_contract import COVERAGE


class QmsServiceRequest(models.Model):
    """A request checks the customer's service contract and shows its
    coverage; a covered request runs on the contract's SLA level."""

    _inherit = "qms.service.request"

    service_contract_id = fields.Many2one(
        "qms.service.contract",
        string="Service contract",
        compute="_compute_service_contract_id",
        store=True,
        index=True,
        help="The customer's contract for this product and serial number.",
    )
    coverage_state = fields.Selection(
        COVERAGE,
        string="Coverage",
        compute="_compute_service_contract_id",
        store=True,
        help="How the contract covered the request when it was received.",
    )

    @api.depends(
        "commercial_partner_id",
        "product_id",
        "lot_id",
        "date_received",
        "company_id",
    )
    def _compute_service_contract_id(self):
        Contract = self.env["qms.service.contract"].sudo()
        for request in self:
            day = fields.Date.to_date(request.date_received) or fields.Date.context_today(request)
            contract = Contract._find_covering(
                request.commercial_partner_id,
                product=request.product_id or None,
                lot=request.lot_id or None,
                day=day,
                company=request.company_id or None,
            )
            request.service_contract_id = contract
            request.coverage_state = contract._coverage_on(day) if contract else "none"

    @api.depends("level_id", "service_contract_id.level_id", "coverage_state")
    def _compute_effective_level_id(self):
        return super()._compute_effective_level_id()

    def _service_level(self):
        """The request's own level, else the covering contract's, else the standard."""
        level = super()._service_level()
        if self.level_id:
            return level
        contract = self.service_contract_id
        if contract.level_id and self.coverage_state in ("free", "paid"):
            return contract.level_id
        return level

    def _refresh_coverage(self):
        """Look the contract up again (a contract started, ended or changed)."""
        if not self:
            return
        for name in ("service_contract_id", "coverage_state"):
            self.env.add_to_compute(self._fields[name], self)
        self.flush_recordset(["service_contract_id", "coverage_state"])
