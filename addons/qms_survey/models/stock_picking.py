from odoo import fields, models


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "qms.callback.mixin"]

    qms_date_customer_received = fields.Datetime(
        "Received by the customer on",
        copy=False,
        tracking=True,
        help="The customer's receipt date: the satisfaction callback counts from it "
        "(以客户收货日期为准), not from our shipment; changing it re-plans the callback.",
    )

    def write(self, vals):
        result = super().write(vals)
        if "qms_date_customer_received" in vals:
            self._qms_replan_callbacks()
        return result

    def _action_done(self):
        result = super()._action_done()
        self._qms_schedule_callbacks()
        return result

    def _qms_callback_start(self):
        """The moment the callback window counts from: the customer's receipt,
        our shipment only while the receipt date is unknown."""
        self.ensure_one()
        return self.qms_date_customer_received or self.date_done

    def _qms_delivery_callbacks(self):
        return self.filtered(
            lambda p: (
                p.state == "done"
                and p.picking_type_code == "outgoing"
                and p.location_dest_id.usage == "customer"
                and p.partner_id
                and p.company_id.qms_survey_callback_auto
            )
        )

    def _qms_schedule_callbacks(self):
        """A satisfaction callback per done delivery to a customer (回访), in the
        window of the "delivery" callback kind counted from the customer's receipt."""
        for picking in self._qms_delivery_callbacks().sudo():
            picking._qms_callback_schedule(
                "delivery",
                picking._qms_callback_start(),
                partner=picking.partner_id.commercial_partner_id,
                contact=picking.partner_id,
                user=picking.sale_id.user_id or picking.user_id or self.env.user,
            )

    def _qms_replan_callbacks(self):
        """The receipt date changed: the planned, not yet attempted delivery callback
        counts from it (one is planned if none was)."""
        for picking in self._qms_delivery_callbacks().sudo():
            callbacks = picking.qms_callback_ids.filtered(
                lambda c: c.kind_id.code == "delivery" and c.state != "cancelled"
            )
            if not callbacks:
                picking._qms_schedule_callbacks()
                continue
            callbacks.filtered(lambda c: c.state == "planned" and not c.attempt_ids)._replan(
                picking._qms_callback_start()
            )
