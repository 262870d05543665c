from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _qms_callback_new_problem(self, callback):
        """A problem the customer raised on the delivery callback becomes a
        customer complaint about this delivery."""
        self.ensure_one()
        return self.env["qms.complaint"].create(
            {
                "title": callback.problem.strip().splitlines()[0][:200],
                "feedback_type": "complaint",
                "channel": "phone",
                "partner_id": callback.partner_id.id,
                "contact_id": callback.contact_id.id,
                "company_id": self.company_id.id,
                "picking_id": self.id,
                "sale_order_id": self.sale_id.id,
                "user_id": (callback.user_id or self.env.user).id,
                "description": callback.problem,
                "date_received": fields.Datetime.now(),
            }
        )
