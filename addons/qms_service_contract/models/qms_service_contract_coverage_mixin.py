from odoo import api, models


class QmsServiceContractCoverageMixin(models.AbstractModel):
    """A part of a contract that decides what it covers (its covered products,
    its paid periods): any change re-checks the coverage of the customer's
    open service requests, before and after (a line may move to another
    contract)."""

    _name = "qms.service.contract.coverage.mixin"
    _description = "Contract Coverage Part"

    @api.model_create_multi
    def create(self, vals_list):
        parts = super().create(vals_list)
        parts.contract_id._coverage_changed()
        return parts

    def write(self, vals):
        contracts = self.contract_id
        result = super().write(vals)
        (contracts | self.contract_id)._coverage_changed()
        return result

    def unlink(self):
        contracts = self.contract_id
        result = super().unlink()
        contracts.exists()._coverage_changed()
        return result
