from odoo import api, fields, models
from odoo.exceptions import UserError

from .qms_complaint import RETURN_OUTCOMES


class QmsComplaint(models.Model):
    """Real stock: D3 containment transfers to quarantine, returns (004 4.8)
    and replacement deliveries."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    containment_picking_ids = fields.Many2many(
        "stock.picking",
        "qms_complaint_containment_picking_rel",
        string="Containment transfers",
        readonly=True,
    )
    qty_stock_found = fields.Float(
        "Suspect stock isolated",
        compute="_compute_qty_stock_found",
        digits="Product Unit of Measure",
        help="Quantity moved to quarantine by the containment transfers.",
    )
    return_requested = fields.Boolean("Return or exchange", tracking=True)
    return_qty = fields.Float("Quantity to return", digits="Product Unit of Measure")
    return_picking_id = fields.Many2one("stock.picking", string="Return", readonly=True)
    replacement_picking_id = fields.Many2one(
        "stock.picking", string="Replacement delivery", readonly=True
    )
    return_outcome = fields.Selection(RETURN_OUTCOMES, string="三包 outcome", tracking=True)

    @api.depends("containment_picking_ids.move_ids.quantity", "containment_picking_ids.state")
    def _compute_qty_stock_found(self):
        for complaint in self:
            product = complaint.product_id
            moves = complaint.containment_picking_ids.move_ids.filtered(
                lambda m, product=product: m.state != "cancel" and m.product_id == product
            )
            complaint.qty_stock_found = sum(moves.mapped("quantity"))

    # ------------------------------------------------------------------
    # D3 containment
    # ------------------------------------------------------------------
    def action_create_containment(self):
        """D3: move the suspect quants of the product/lot to quarantine."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            if not complaint.product_id:
                raise UserError(self.env._("Set the product to contain first."))
            pickings = complaint._create_containment_pickings()
            if not pickings:
                raise UserError(
                    self.env._(
                        "No suspect stock of %(product)s in the company's warehouses.",
                        product=complaint.product_id.display_name,
                    )
                )
            complaint._qms_workflow_write(
                {"containment_picking_ids": [fields.Command.link(p.id) for p in pickings]}
            )
        return self.containment_picking_ids._get_records_action(
            name=self.env._("Containment transfers")
        )

    def _create_containment_pickings(self):
        self.ensure_one()
        quarantine = self.company_id._qms_quarantine_location()
        domain = [
            ("product_id", "=", self.product_id.id),
            ("location_id.usage", "=", "internal"),
            "!",
            ("location_id", "child_of", quarantine.id),
            ("company_id", "=", self.company_id.id),
            ("quantity", ">", 0),
        ]
        if self.lot_id:
            domain.append(("lot_id", "=", self.lot_id.id))
        quants = self.env["stock.quant"].sudo().search(domain)
        pickings = self.env["stock.picking"]
        for warehouse, wh_quants in quants.grouped("warehouse_id").items():
            if not warehouse:
                continue
            picking = pickings.create(
                {
                    "picking_type_id": warehouse.int_type_id.id,
                    "location_id": warehouse.view_location_id.id,
                    "location_dest_id": quarantine.id,
                    "origin": self.name,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": self.env._("Containment %(number)s", number=self.name),
                                "product_id": self.product_id.id,
                                "product_uom": self.product_id.uom_id.id,
                                "product_uom_qty": sum(wh_quants.mapped("quantity")),
                                "location_id": warehouse.view_location_id.id,
                                "location_dest_id": quarantine.id,
                            }
                        )
                    ],
                }
            )
            picking.action_confirm()
            # Reserve exactly the suspect quants, wherever they sit in the warehouse.
            picking.move_ids.move_line_ids.unlink()
            picking.move_ids.write(
                {
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": quant.product_id.id,
                                "product_uom_id": quant.product_id.uom_id.id,
                                "location_id": quant.location_id.id,
                                "location_dest_id": quarantine.id,
                                "lot_id": quant.lot_id.id,
                                "package_id": quant.package_id.id,
                                "quantity": quant.quantity,
                                "picking_id": picking.id,
                            }
                        )
                        for quant in wh_quants
                    ]
                }
            )
            pickings |= picking
        return pickings

    # ------------------------------------------------------------------
    # Returns (004 4.8)
    # ------------------------------------------------------------------
    def action_create_return(self):
        self._qms_ensure_state("draft", "in_progress")
        for complaint in self:
            if not complaint.picking_id or complaint.picking_id.state != "done":
                raise UserError(self.env._("A return needs the delivered transfer."))
            quantity = complaint.return_qty or complaint.qty_defective
            if quantity <= 0:
                raise UserError(self.env._("Set the quantity to return."))
            wizard = (
                self.env["stock.return.picking"]
                .with_context(active_id=complaint.picking_id.id, active_model="stock.picking")
                .create({"picking_id": complaint.picking_id.id})
            )
            lines = wizard.product_return_moves
            lines.write({"quantity": 0})
            product = complaint.product_id
            target = lines.filtered(lambda line, product=product: line.product_id == product)[:1]
            if not target:
                raise UserError(self.env._("The delivery does not hold this product."))
            target.quantity = quantity
            new_picking = wizard._create_return()
            new_picking.origin = complaint.name
            complaint._qms_workflow_write(
                {"return_picking_id": new_picking.id, "return_requested": True}
            )
        return self.return_picking_id._get_records_action(name=self.env._("Returns"))

    def action_create_replacement(self):
        self._qms_ensure_state("draft", "in_progress")
        for complaint in self:
            if not complaint.picking_id:
                raise UserError(self.env._("A replacement needs the original delivery."))
            quantity = complaint.return_qty or complaint.qty_defective
            if quantity <= 0:
                raise UserError(self.env._("Set the quantity to replace."))
            original = complaint.picking_id
            replacement = self.env["stock.picking"].create(
                {
                    "picking_type_id": original.picking_type_id.id,
                    "partner_id": original.partner_id.id,
                    "location_id": original.location_id.id,
                    "location_dest_id": original.location_dest_id.id,
                    "origin": complaint.name,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": complaint.product_id.display_name,
                                "product_id": complaint.product_id.id,
                                "product_uom": complaint.product_id.uom_id.id,
                                "product_uom_qty": quantity,
                                "location_id": original.location_id.id,
                                "location_dest_id": original.location_dest_id.id,
                            }
                        )
                    ],
                }
            )
            replacement.action_confirm()
            complaint._qms_workflow_write(
                {"replacement_picking_id": replacement.id, "return_outcome": "replace"}
            )
        return self.replacement_picking_id._get_records_action(
            name=self.env._("Replacement deliveries")
        )
