from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero


class QmsProperty(models.Model):
    """Customer property held as stock: quants owned by the customer (``owner_id``),
    in the customer's own location, never valued as ours. Receipt, isolation and
    return are ordinary transfers that keep the owner."""

    _inherit = "qms.property"  # pylint: disable=consider-merging-classes-inherited

    warehouse_id = fields.Many2one(
        "stock.warehouse",
        compute="_compute_warehouse_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('company_id', '=', company_id)]",
        help="Where the property is received and kept: the order's warehouse, else the "
        "company's first.",
        groups="qms_base.group_qms_user",
    )
    location_id = fields.Many2one(
        "stock.location",
        readonly=True,
        copy=False,
        help="The customer's own location: different customers apart, one customer's together.",
        groups="qms_base.group_qms_user",
    )
    picking_ids = fields.One2many(
        "stock.picking", "qms_property_id", string="Transfers", groups="qms_base.group_qms_user"
    )
    receipt_picking_id = fields.Many2one(
        "stock.picking",
        string="Receipt",
        compute="_compute_pickings",
        store=True,
        groups="qms_base.group_qms_user",
    )
    qty_received = fields.Float(
        "Received quantity",
        digits="Product Unit of Measure",
        compute="_compute_qty_received",
        store=True,
    )
    qty_difference = fields.Float(
        "Difference to the list",
        digits="Product Unit of Measure",
        compute="_compute_qty_received",
        store=True,
        help="Received minus the quantity on the customer's delivery list.",
    )
    qty_on_hand = fields.Float(
        "Held quantity", digits="Product Unit of Measure", compute="_compute_qty_on_hand"
    )

    @api.depends("sale_order_id.warehouse_id", "company_id")
    def _compute_warehouse_id(self):
        first = {}  # the company's first warehouse, looked up once per company
        for item in self:
            if item.sale_order_id.warehouse_id:
                item.warehouse_id = item.sale_order_id.warehouse_id
            elif not item.warehouse_id or item.warehouse_id.company_id != item.company_id:
                company = item.company_id
                if company.id not in first:
                    first[company.id] = company._qms_property_warehouse()
                item.warehouse_id = first[company.id]

    @api.depends("picking_ids.qms_property_role", "picking_ids.state")
    def _compute_pickings(self):
        for item in self:
            item.receipt_picking_id = item.picking_ids.filtered(
                lambda p: p.qms_property_role == "receipt" and p.state != "cancel"
            )[:1]

    @api.depends(
        "receipt_picking_id.state", "receipt_picking_id.move_ids.quantity", "qty_announced"
    )
    def _compute_qty_received(self):
        for item in self:
            moves = item.receipt_picking_id.move_ids.filtered(
                lambda m, i=item: m.state == "done" and m.product_id == i.product_id
            )
            item.qty_received = sum(
                move.product_uom._compute_quantity(move.quantity, move.product_id.uom_id)
                for move in moves
            )
            item.qty_difference = item.qty_received - item.qty_announced if moves else 0.0

    def _compute_qty_on_hand(self):
        quants = self.env["stock.quant"].sudo()
        for item in self:
            location = item.sudo().location_id  # an internal field; the quantity is not
            if item.category != "stock" or not location:
                item.qty_on_hand = 0.0
                continue
            item.qty_on_hand = sum(
                quants.search(
                    [
                        ("product_id", "=", item.product_id.id),
                        ("location_id", "child_of", location.id),
                        ("owner_id", "=", item.commercial_partner_id.id),
                    ]
                ).mapped("quantity")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_create_receipt(self):
        """A receipt with the customer as owner into its own location, for the
        quantity on the delivery list (the keeper enters what arrived)."""
        self.ensure_one()
        self._qms_ensure_state("draft")
        if self.category != "stock":
            raise UserError(
                self.env._(
                    "%(number)s is not held as stock: receive it directly.", number=self.name
                )
            )
        if self.receipt_picking_id:
            return self.receipt_picking_id._get_records_action()
        if float_is_zero(self.qty_announced, precision_rounding=self.product_id.uom_id.rounding):
            raise UserError(
                self.env._("%(number)s: enter the quantity of the delivery list.", number=self.name)
            )
        customer = self.commercial_partner_id
        warehouse = self._property_warehouse()
        location = customer._qms_property_location(self.company_id, warehouse=warehouse)
        picking_type = warehouse._qms_property_picking_type("receipt")
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": customer.id,
                "owner_id": customer.id,
                "location_id": self.env.ref("stock.stock_location_customers").id,
                "location_dest_id": location.id,
                "origin": self.name,
                "qms_property_id": self.id,
                "qms_property_role": "receipt",
                "company_id": self.company_id.id,
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": self.title,
                            "product_id": self.product_id.id,
                            "product_uom_qty": self.qty_announced,
                            "product_uom": self.product_id.uom_id.id,
                            "location_id": self.env.ref("stock.stock_location_customers").id,
                            "location_dest_id": location.id,
                            "restrict_partner_id": customer.id,
                        }
                    )
                ],
            }
        )
        self._qms_workflow_write({"location_id": location.id})
        picking.action_confirm()
        return picking._get_records_action()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _on_picking_done(self, picking):
        self.ensure_one()
        if picking.qms_property_role == "receipt" and self.state == "draft":
            self._on_received()
        elif picking.qms_property_role == "return" and self.state != "returned":
            self.invalidate_recordset(["qty_on_hand"])
            if float_is_zero(self.qty_on_hand, precision_rounding=self.product_id.uom_id.rounding):
                self._qms_workflow_write(
                    {"state": "returned", "date_closed": fields.Datetime.now()}
                )

    def _property_warehouse(self):
        """The item's warehouse: the one its location is in, else the one chosen."""
        self.ensure_one()
        item = self.sudo()
        return (
            item.location_id.warehouse_id
            or item.warehouse_id
            or self.company_id._qms_property_warehouse()
        )

    def _owned_transfer(self, role, destination, quantity, source=None, values=None):
        """A transfer of the customer's own quants (the picking type reserves the
        picking's owner only) from its location (or ``source``) to ``destination``."""
        self.ensure_one()
        customer = self.commercial_partner_id
        source = source or self.location_id
        picking_type = self._property_warehouse()._qms_property_picking_type(role)
        picking = self.env["stock.picking"].create(
            {
                **(values or {}),
                "picking_type_id": picking_type.id,
                "partner_id": customer.id,
                "owner_id": customer.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "origin": self.name,
                "qms_property_id": self.id,
                "qms_property_role": role,
                "company_id": self.company_id.id,
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": self.title,
                            "product_id": self.product_id.id,
                            "product_uom_qty": quantity,
                            "product_uom": self.product_id.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "restrict_partner_id": customer.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        return picking

    def _isolate(self):
        """Nonconforming stock moves to the customer's nonconforming location (owner kept)."""
        self.ensure_one()
        if self.category != "stock" or not self.qty_on_hand:
            return self.env["stock.picking"]
        destination = self.commercial_partner_id._qms_property_location(
            self.company_id, nonconforming=True, warehouse=self._property_warehouse()
        )
        picking = self._owned_transfer("isolation", destination, self.qty_on_hand)
        picking.move_ids.picked = True
        picking._action_done()
        return picking

    def _create_return(self):
        self.ensure_one()
        customers = self.env.ref("stock.stock_location_customers")
        return self._owned_transfer("return", customers, self.qty_on_hand)

    def _receive_as_listed(self):
        """Validate the receipt with the quantities of the delivery list (the
        keeper found what the list says): demo data and tests."""
        for item in self:
            picking = item.receipt_picking_id
            if not picking:
                item.action_create_receipt()
                picking = item.receipt_picking_id
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking._action_done()
        return True
