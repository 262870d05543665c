from odoo import models


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "qms.callback.mixin"]

    def _action_done(self):
        result = super()._action_done()
        self._qms_schedule_callbacks()
        return result

    def _qms_schedule_callbacks(self):
        """A satisfaction callback per done delivery to a customer (回访), in the
        window of the "delivery" callback kind counted from the customer's receipt."""
        deliveries = self.filtered(
            lambda p: (
                p.state == "done"
                and p.picking_type_code == "outgoing"
                and p.location_dest_id.usage == "customer"
                and p.partner_id
                and p.company_id.qms_survey_callback_auto
            )
        )
        for picking in deliveries.sudo():
            picking._qms_callback_schedule(
                "delivery",
                picking.date_done,
                partner=picking.partner_id.commercial_partner_id,
                contact=picking.partner_id,
                user=picking.sale_id.user_id or picking.user_id or self.env.user,
            )
