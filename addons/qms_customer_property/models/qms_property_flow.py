from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero

STATES = [("open", "Open"), ("closed", "Closed")]
QUANTITY_FIELDS = (
    "qty_issued",
    "qty_consumed",
    "qty_good",
    "qty_ng",
    "qty_returned",
    "qty_shipped",
)


class QmsPropertyFlow(models.Model):
    """Flow record of customer material for one order (顾客财产清单及流动记录表):
    issued to production, consumed, good, NG, scrap, returned, difference.

    Scrap is read from the scrap orders of the record (owner kept); with
    ``mrp`` the bridge reads issued and consumed quantities from the
    manufacturing orders. The difference must be explained before closing."""

    _name = "qms.property.flow"
    _description = "Customer Property Flow Record"
    _inherit = ["mail.thread", "qms.sequence.mixin", "qms.workflow.mixin"]
    _order = "id desc"
    _qms_sequence_code = "qms.property.flow"
    _qms_workflow_fields = ("state", "name", "date_closed", "scrap_return_picking_id")

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Order",
        tracking=True,
        domain="[('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    property_id = fields.Many2one(
        "qms.property",
        domain="[('commercial_partner_id', '=', commercial_partner_id),"
        " ('category', '=', 'stock')]",
    )
    product_id = fields.Many2one(
        "product.product", string="Customer material", required=True, tracking=True
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    finished_product_id = fields.Many2one("product.product", string="Product made")
    state = fields.Selection(STATES, default="open", required=True, readonly=True, tracking=True)
    qty_issued = fields.Float("Issued to production", digits="Product Unit of Measure")
    qty_consumed = fields.Float("Consumed", digits="Product Unit of Measure")
    qty_good = fields.Float("Good products", digits="Product Unit of Measure")
    qty_ng = fields.Float("NG products", digits="Product Unit of Measure")
    qty_returned = fields.Float(
        "Returned to the warehouse",
        digits="Product Unit of Measure",
        help="Leftovers and bad material brought back with the record at the end of the batch.",
    )
    qty_shipped = fields.Float(
        "Shipped", digits="Product Unit of Measure", help="Products made of it and shipped."
    )
    scrap_ids = fields.One2many("stock.scrap", "qms_property_flow_id", string="Scrap orders")
    qty_scrap = fields.Float(
        "Scrap", digits="Product Unit of Measure", compute="_compute_qty_scrap", store=True
    )
    qty_difference = fields.Float(
        "Difference",
        digits="Product Unit of Measure",
        compute="_compute_qty_difference",
        store=True,
        help="Issued − consumed − scrap − returned.",
    )
    return_scrap = fields.Boolean(
        "Scrap back to the customer",
        compute="_compute_return_scrap",
        store=True,
        readonly=False,
        help="The order says scrap is returned to the customer (its contract terms); "
        "set by hand for a record without an order.",
    )
    scrap_return_picking_id = fields.Many2one(
        "stock.picking", string="Scrap returned on", readonly=True, copy=False
    )
    difference_explanation = fields.Text("Explanation of the difference")
    scrap_cause = fields.Text("Cause of the scrap")
    date_closed = fields.Datetime("Closed on", readonly=True)

    @api.depends("sale_order_id.qms_property_return_scrap")
    def _compute_return_scrap(self):
        for flow in self.filtered("sale_order_id"):
            flow.return_scrap = flow.sale_order_id.qms_property_return_scrap

    @api.depends("scrap_ids.state", "scrap_ids.scrap_qty", "scrap_ids.product_id")
    def _compute_qty_scrap(self):
        for flow in self:
            scraps = flow.scrap_ids.filtered(
                lambda s, f=flow: s.state == "done" and s.product_id == f.product_id
            )
            flow.qty_scrap = sum(scraps.mapped("scrap_qty"))

    @api.depends("qty_issued", "qty_consumed", "qty_scrap", "qty_returned")
    def _compute_qty_difference(self):
        for flow in self:
            flow.qty_difference = (
                flow.qty_issued - flow.qty_consumed - flow.qty_scrap - flow.qty_returned
            )

    @api.constrains(*QUANTITY_FIELDS)
    def _check_quantities(self):
        for flow in self:
            if any(flow[name] < 0 for name in QUANTITY_FIELDS):
                raise ValidationError(self.env._("Quantities cannot be negative."))

    @api.constrains("sale_order_id", "partner_id", "property_id")
    def _check_customer(self):
        for flow in self.sudo():
            customer = flow.commercial_partner_id
            for document in (flow.sale_order_id, flow.property_id):
                if document and document.partner_id.commercial_partner_id != customer:
                    raise ValidationError(
                        self.env._(
                            "%(document)s is not a document of %(customer)s.",
                            document=document.display_name,
                            customer=customer.display_name,
                        )
                    )

    def write(self, vals):
        if not self._qms_workflow_allowed() and any(flow.state == "closed" for flow in self):
            raise UserError(self.env._("A closed flow record cannot be changed; reopen it."))
        return super().write(vals)

    def _warehouse(self):
        """The warehouse of the record's property (the company's first without one)."""
        self.ensure_one()
        if self.property_id:
            return self.property_id._property_warehouse()
        return self.company_id._qms_property_warehouse()

    def _material_location(self):
        """Where the customer's material of this record is kept."""
        self.ensure_one()
        return self.property_id.sudo().location_id or (
            self.commercial_partner_id._qms_property_location(
                self.company_id, warehouse=self._warehouse()
            )
        )

    def action_close(self):
        for flow in self:
            if flow.state != "open":
                raise UserError(self.env._("%(number)s is already closed.", number=flow.name))
            rounding = flow.product_id.uom_id.rounding
            if (
                not float_is_zero(flow.qty_difference, precision_rounding=rounding)
                and not (flow.difference_explanation or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "%(number)s: the difference of %(qty)s %(uom)s must be explained "
                        "before the record closes.",
                        number=flow.name,
                        qty=flow.qty_difference,
                        uom=flow.uom_id.name,
                    )
                )
            if flow.qty_scrap and not (flow.scrap_cause or "").strip():
                raise UserError(
                    self.env._(
                        "%(number)s: investigate and record the cause of the scrap.",
                        number=flow.name,
                    )
                )
        self._qms_workflow_write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    def action_reopen(self):
        for flow in self:
            if flow.state != "closed":
                raise UserError(self.env._("%(number)s is not closed.", number=flow.name))
        self._qms_workflow_write({"state": "open", "date_closed": False})
        return True

    def action_return_scrap(self):
        """Scrap packed apart goes back to the customer when the order says so
        (022 6.9.5): a return transfer from the scrap location, owner kept."""
        self.ensure_one()
        if not self.return_scrap:
            raise UserError(
                self.env._("%(number)s: the order does not send scrap back.", number=self.name)
            )
        if self.scrap_return_picking_id:
            raise UserError(
                self.env._("%(number)s: the scrap was already returned.", number=self.name)
            )
        scraps = self.scrap_ids.filtered(lambda s: s.state == "done")
        if not scraps:
            raise UserError(self.env._("%(number)s has no scrap to return.", number=self.name))
        customer = self.commercial_partner_id
        customers = self.env.ref("stock.stock_location_customers")
        source = scraps[0].scrap_location_id
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self._warehouse()._qms_property_picking_type("return").id,
                "partner_id": customer.id,
                "owner_id": customer.id,
                "location_id": source.id,
                "location_dest_id": customers.id,
                "origin": self.name,
                "company_id": self.company_id.id,
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": self.product_id.display_name,
                            "product_id": self.product_id.id,
                            "product_uom_qty": self.qty_scrap,
                            "product_uom": self.product_id.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": customers.id,
                            "restrict_partner_id": customer.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        self._qms_workflow_write({"scrap_return_picking_id": picking.id})
        return True

    def action_scrap(self):
        """A scrap form for the customer's material: its quants, its unit of measure."""
        self.ensure_one()
        location = self._material_location()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.scrap",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_product_id": self.product_id.id,
                "default_product_uom_id": self.product_id.uom_id.id,
                "default_owner_id": self.commercial_partner_id.id,
                "default_location_id": location.id,
                "default_qms_property_flow_id": self.id,
                "default_company_id": self.company_id.id,
            },
        }
