from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsServiceRequest(models.Model):
    """A request whose equipment comes in for repair: a repair order of Odoo's
    Repairs, linked both ways."""

    _inherit = "qms.service.request"

    repair_ids = fields.One2many("repair.order", "qms_service_request_id", string="Repair orders")
    repair_count = fields.Integer("Repairs", compute="_compute_repair_count")

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        for request in self:
            request.repair_count = len(request.repair_ids)

    def action_create_repair(self):
        """The equipment of the request goes to repair; returns the repair order."""
        self.ensure_one()
        self._qms_ensure_state("accepted", "in_progress", "follow_up")
        if not self.product_id:
            raise UserError(
                self.env._("%(number)s: choose the product to repair first.", number=self.name)
            )
        repair = self.env["repair.order"].create(
            {
                "partner_id": self.partner_id.id,
                "product_id": self.product_id.id,
                "lot_id": self.lot_id.id,
                "user_id": (self.user_id or self.env.user).id,
                "company_id": self.company_id.id,
                "under_warranty": not self.is_misuse,
                "internal_notes": self.problem,
                "qms_service_request_id": self.id,
            }
        )
        if self.state == "accepted":
            self.action_start()
        self.message_post(body=self.env._("Repair order %(repair)s created.", repair=repair.name))
        return repair._get_records_action(name=self.env._("Repair"))

    def action_view_repairs(self):
        self.ensure_one()
        return self.repair_ids._get_records_action(name=self.env._("Repairs"))
