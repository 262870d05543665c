from odoo import models

from odoo.addons.qms_service.models.qms_service_request import OPEN_STATES


class QmsDeskCall(models.Model):
    _inherit = "qms.desk.call"

    def _open_problems(self):
        """The caller's open service requests join its open complaints."""
        problems = super()._open_problems()
        if not self.commercial_partner_id:
            return problems
        requests = self.env["qms.service.request"].search(
            [
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("state", "in", OPEN_STATES),
            ],
            order="id desc",
        )
        return [*problems, requests] if requests else problems
