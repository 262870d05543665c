from odoo import api, fields, models

from .stock_picking_type import PROPERTY_ROLES

# (operation code, owner restriction, sequence code) per role
PICKING_TYPE_SETUP = {
    "receipt": ("incoming", "standard_behavior", "CPIN"),
    "isolation": ("internal", "picking_partner", "CPNG"),
    "return": ("outgoing", "picking_partner", "CPOUT"),
    "issue": ("internal", "picking_partner", "CPISS"),
    "production_return": ("internal", "picking_partner", "CPBCK"),
}
# Our own transfers (deliveries, internal moves, manufacturing, repairs) reserve
# only stock without an owner: customer-owned quants are never taken for them.
OWN_OPERATION_CODES = ("outgoing", "internal", "mrp_operation", "repair_operation")


class StockWarehouse(models.Model):
    """Each warehouse holds customer property in its own "Customer Property"
    view location (one location per customer under it) and moves it with its
    own operation types: receipt, isolation, return, issue to production and
    return from production. Created with the warehouse, or on first use for a
    warehouse that existed before."""

    _inherit = "stock.warehouse"

    qms_property_location_id = fields.Many2one(
        "stock.location", string="Customer property location", readonly=True, copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        warehouses._qms_property_setup()
        return warehouses

    def _qms_property_setup(self):
        """The property location and operation types of new warehouses; their
        own operation types reserve only stock without an owner (as the
        install hook does for the existing ones)."""
        for warehouse in self:
            for role in PICKING_TYPE_SETUP:
                warehouse._qms_property_picking_type(role)
        self.env["stock.picking.type"].sudo().with_context(active_test=False).search(
            [
                ("warehouse_id", "in", self.ids),
                ("code", "in", OWN_OPERATION_CODES),
                ("owner_restriction", "in", (False, "standard_behavior")),
                ("qms_property_role", "=", False),
            ]
        ).write({"owner_restriction": "unassigned_owner"})
        return True

    def _qms_property_root_location(self):
        """The view location holding one location per customer, inside the
        warehouse's stock: production takes customer material from there, and
        OCA stock_owner_restriction keeps our own orders off it."""
        self.ensure_one()
        if self.qms_property_location_id:
            return self.qms_property_location_id
        Location = self.env["stock.location"].sudo()
        # a database from before per-warehouse locations: the company's one is this warehouse's
        legacy = self.company_id.sudo().qms_property_location_id
        if legacy and legacy.location_id == self.lot_stock_id:
            location = legacy
        else:
            location = Location.create(
                {
                    # a view location shows its own name only: the warehouse code tells them apart
                    "name": self.env._("%(warehouse)s: Customer Property", warehouse=self.code),
                    "usage": "view",
                    "location_id": self.lot_stock_id.id,
                    "company_id": self.company_id.id,
                }
            )
        self.sudo().qms_property_location_id = location
        if not self.company_id.sudo().qms_property_location_id:
            self.company_id.sudo().qms_property_location_id = location
        return location

    def _qms_property_picking_type(self, role):
        """The operation type of ``role`` in this warehouse, created once."""
        self.ensure_one()
        PickingType = self.env["stock.picking.type"].sudo().with_context(active_test=False)
        picking_type = PickingType.search(
            [("warehouse_id", "=", self.id), ("qms_property_role", "=", role)], limit=1
        )
        if picking_type:
            return picking_type
        code, restriction, sequence_code = PICKING_TYPE_SETUP[role]
        customers = self.env.ref("stock.stock_location_customers")
        root = self._qms_property_root_location()
        production = self.company_id._qms_property_production_location()
        source = {"incoming": customers, "outgoing": root}.get(code, root)
        destination = {"incoming": root, "outgoing": customers}.get(code, root)
        if role == "issue":
            destination = production or root
        elif role == "production_return":
            source = production or root
        return PickingType.create(
            {
                "name": dict(PROPERTY_ROLES)[role],
                "code": code,
                "sequence_code": sequence_code,
                "warehouse_id": self.id,
                "company_id": self.company_id.id,
                "owner_restriction": restriction,
                "qms_property_role": role,
                "default_location_src_id": source.id,
                "default_location_dest_id": destination.id,
            }
        )
