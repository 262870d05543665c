from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        result = super()._action_done()
        self._qms_plan_callbacks()
        return result

    def _qms_plan_callbacks(self):
        """A satisfaction callback per done delivery to a customer (回访 7–15 working days)."""
        deliveries = self.filtered(
            lambda p: (
                p.state == "done"
                and p.picking_type_code == "outgoing"
                and p.location_dest_id.usage == "customer"
                and p.partner_id
                and p.company_id.qms_survey_callback_auto
            )
        )
        if not deliveries:
            return
        existing = set(
            self.env["qms.survey.callback"]
            .sudo()
            .search([("picking_id", "in", deliveries.ids)])
            .mapped("picking_id")
            .ids
        )
        vals_list = [
            {
                "picking_id": picking.id,
                "sale_order_id": picking.sale_id.id,
                "company_id": picking.company_id.id,
                "partner_id": picking.partner_id.commercial_partner_id.id,
                "contact_id": picking.partner_id.id,
                "date_received": picking.date_done,
                "user_id": (picking.sale_id.user_id or picking.user_id or self.env.user).id,
            }
            for picking in deliveries
            if picking.id not in existing
        ]
        if vals_list:
            self.env["qms.survey.callback"].sudo().create(vals_list)
