from odoo import fields, models


class SaleOrder(models.Model):
    """Contract terms about customer property: the goods it supplies and the
    technical agreement (GJB 4.2: performance, test methods, storage and use)."""

    _inherit = "sale.order"

    qms_property_supply_ids = fields.One2many(
        "qms.property.supply", "sale_order_id", string="Customer-supplied goods"
    )
    qms_property_performance = fields.Text("Performance of the supplied goods")
    qms_property_test_methods = fields.Text("Test methods")
    qms_property_storage = fields.Text("Storage and use conditions")
    qms_property_return_scrap = fields.Boolean(
        "Scrap of supplied goods returned",
        help="The customer wants the scrap of the goods it supplied back: the flow "
        "records of this order return it.",
    )
    qms_property_count = fields.Integer("Property", compute="_compute_qms_property_count")

    def _compute_qms_property_count(self):
        groups = self.env["qms.property"]._read_group(
            [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"]
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.qms_property_count = counts.get(order.id, 0)

    def action_qms_view_property(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_customer_property.qms_property_action"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {
            "default_sale_order_id": self.id,
            "default_partner_id": self.partner_id.commercial_partner_id.id,
        }
        return action
