from odoo import api, fields, models


class QmsPropertyFlow(models.Model):
    """With manufacturing: issued, consumed and good quantities come from the
    flow record's manufacturing orders (entered by hand without any)."""

    _inherit = "qms.property.flow"

    production_ids = fields.One2many(
        "mrp.production", "qms_property_flow_id", string="Manufacturing orders"
    )
    production_count = fields.Integer(compute="_compute_production_count")
    qty_issued = fields.Float(compute="_compute_production_quantities", store=True, readonly=False)
    qty_consumed = fields.Float(
        compute="_compute_production_quantities", store=True, readonly=False
    )
    qty_good = fields.Float(compute="_compute_production_quantities", store=True, readonly=False)

    @api.depends("production_ids")
    def _compute_production_count(self):
        for flow in self:
            flow.production_count = len(flow.production_ids)

    @api.depends(
        "production_ids.state",
        "production_ids.move_raw_ids.quantity",
        "production_ids.move_raw_ids.state",
        "production_ids.move_finished_ids.quantity",
        "production_ids.move_finished_ids.state",
    )
    def _compute_production_quantities(self):
        for flow in self:
            productions = flow.production_ids.filtered(lambda p: p.state != "cancel")
            if not productions:
                # no order: the quantities are the ones entered
                flow.qty_issued = flow.qty_issued
                flow.qty_consumed = flow.qty_consumed
                flow.qty_good = flow.qty_good
                continue
            uom = flow.product_id.uom_id
            raw = productions.move_raw_ids._qms_property_customer_moves().filtered(
                lambda m: m.state != "cancel"
            )
            flow.qty_issued = sum(
                move.product_uom._compute_quantity(move.quantity, uom) for move in raw
            )
            flow.qty_consumed = sum(
                move.product_uom._compute_quantity(move.quantity, uom)
                for move in raw.filtered(lambda m: m.state == "done")
            )
            finished = productions.move_finished_ids.filtered(
                lambda m: m.state == "done" and m.product_id == m.production_id.product_id
            )
            flow.qty_good = sum(
                move.product_uom._compute_quantity(move.quantity, move.product_id.uom_id)
                for move in finished
            )

    def action_view_productions(self):
        self.ensure_one()
        return self.production_ids._get_records_action(
            name=self.env._("Manufacturing orders"),
            context={"default_qms_property_flow_id": self.id},
        )
