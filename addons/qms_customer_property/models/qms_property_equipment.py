from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

# the transfers that move a tool between the store and production
TOOL_ROLES = ("issue", "production_return")


class QmsProperty(models.Model):
    """Tooling, moulds, fixtures, equipment and gauges of the customer: Odoo
    maintenance equipment linked to the property, with the customer's short
    name as marking and OCA maintenance plans for maintenance and calibration.

    Our rule (the seeds are silent): a tool or gauge whose calibration is
    overdue cannot be issued or lent.

    Issue to production and return from production are internal transfers of
    the warehouse that keep the customer as owner: the tool is brought onto
    stock in the customer's location (one piece, its own product) on its first
    issue; where it is and who holds it follow the done transfers."""

    _inherit = "qms.property"  # pylint: disable=consider-merging-classes-inherited

    equipment_id = fields.Many2one(
        "maintenance.equipment",
        copy=False,
        index="btree_not_null",
        groups="qms_base.group_qms_user",
    )
    marking = fields.Char(
        compute="_compute_marking",
        help="Permanent identification: customer short name, property number, receipt date.",
    )
    calibration_due = fields.Date(
        "Calibration due",
        compute="_compute_calibration",
        help="Next date of the equipment's calibration plan.",
    )
    is_calibration_overdue = fields.Boolean(
        "Calibration overdue",
        compute="_compute_calibration",
        help="Our rule (the procedures are silent): a tool or gauge whose calibration is "
        "overdue is neither issued to production nor lent.",
    )
    production_location_id = fields.Many2one(
        "stock.location",
        string="Issue to",
        compute="_compute_production_location_id",
        store=True,
        readonly=False,
        domain="[('usage', 'in', ('production', 'internal')),"
        " ('company_id', 'in', (company_id, False))]",
        help="Production or usage location the tool is issued to (the company's production "
        "location by default).",
        groups="qms_base.group_qms_user",
    )
    production_user_id = fields.Many2one(
        "res.users",
        string="Issued to",
        domain=[("share", "=", False)],
        help="Who takes the tool in production: it holds the tool until it comes back.",
        groups="qms_base.group_qms_user",
    )
    is_in_production = fields.Boolean(
        "In production",
        compute="_compute_tool_position",
        store=True,
        help="The last done tool transfer issued it to production.",
    )
    current_location_id = fields.Many2one(
        "stock.location",
        string="Current location",
        compute="_compute_tool_position",
        store=True,
        groups="qms_base.group_qms_user",
    )
    holder_id = fields.Many2one(
        "res.users",
        string="Held by",
        compute="_compute_tool_position",
        store=True,
        help="Who holds the tool now: the person it was issued to, else its custodian.",
    )

    @api.depends("customer_short_name", "name", "date_received")
    def _compute_marking(self):
        for item in self:
            parts = [item.customer_short_name or item.commercial_partner_id.name or "", item.name]
            if item.date_received:
                parts.append(fields.Date.to_string(item.date_received.date()))
            item.marking = " / ".join(part for part in parts if part)

    @api.depends(
        "equipment_id.maintenance_plan_ids.next_maintenance_date",
        "equipment_id.maintenance_plan_ids.maintenance_kind_id",
    )
    def _compute_calibration(self):
        calibration = self.env.ref(
            "qms_customer_property.maintenance_kind_calibration", raise_if_not_found=False
        )
        today = fields.Date.context_today(self)
        for item in self:
            plans = item.equipment_id.maintenance_plan_ids.filtered(
                lambda p: p.maintenance_kind_id == calibration and p.next_maintenance_date
            )
            due = min(plans.mapped("next_maintenance_date")) if plans else False
            item.calibration_due = due
            item.is_calibration_overdue = bool(due and due < today)

    @api.depends("category", "company_id")
    def _compute_production_location_id(self):
        for item in self:
            if item.category == "equipment" and not item.production_location_id:
                item.production_location_id = item.company_id._qms_property_production_location()

    @api.depends(
        "picking_ids.state",
        "picking_ids.qms_property_role",
        "picking_ids.date_done",
        "user_id",
        "location_id",
    )
    def _compute_tool_position(self):
        for item in self:
            done = item.sudo().picking_ids.filtered(
                lambda p: p.state == "done" and p.qms_property_role in TOOL_ROLES
            )
            last = done.sorted(lambda p: (p.date_done, p.id))[-1:]
            item.is_in_production = last.qms_property_role == "issue"
            item.current_location_id = last.location_dest_id or item.sudo().location_id
            item.holder_id = last.user_id if item.is_in_production else item.user_id

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def write(self, vals):
        """While a tool is in production, where it went and who holds it are the
        issue transfer's: they change when it comes back."""
        if {"production_location_id", "production_user_id"} & set(vals) and (
            not self._qms_workflow_allowed()
        ):
            issued = self.filtered("is_in_production")
            if issued:
                raise UserError(
                    self.env._(
                        "%(number)s is in production: its destination and holder change "
                        "once it is returned.",
                        number=issued[0].name,
                    )
                )
        return super().write(vals)

    def action_issue_to_production(self):
        """Issue the tool to production: an internal transfer from the customer's
        location to the production location chosen, owner kept, validated at once.
        Our rule: refused while its calibration is overdue."""
        self.ensure_one()
        self._check_tool()
        if self.is_in_production:
            raise UserError(
                self.env._("%(item)s is already issued to production.", item=self.display_name)
            )
        self._check_can_issue()
        self._check_not_lent()
        if not self.production_location_id or not self.production_user_id:
            raise UserError(
                self.env._(
                    "%(item)s: choose where it is issued to and who takes it.",
                    item=self.display_name,
                )
            )
        self._bring_tool_on_stock()
        picking = self._owned_transfer(
            "issue",
            self.production_location_id,
            1.0,
            values={"user_id": self.production_user_id.id},
        )
        self._validate_tool_transfer(picking)
        return True

    def action_return_from_production(self):
        """The tool comes back from production into the customer's location (owner kept)."""
        self.ensure_one()
        self._check_tool()
        if not self.is_in_production:
            raise UserError(
                self.env._("%(item)s is not issued to production.", item=self.display_name)
            )
        picking = self._owned_transfer(
            "production_return",
            self.location_id,
            1.0,
            source=self.current_location_id,
            values={"user_id": self.holder_id.id},
        )
        self._validate_tool_transfer(picking)
        self._qms_workflow_write({"production_user_id": False})
        return True

    def action_create_equipment(self):
        """Maintenance equipment for this tool or gauge, marked with the customer's short name."""
        self.ensure_one()
        if self.category != "equipment":
            raise UserError(
                self.env._("%(number)s is not tooling, equipment or a gauge.", number=self.name)
            )
        if not self.equipment_id:
            self.equipment_id = self.env["maintenance.equipment"].create(
                {
                    "name": f"[{self.customer_short_name or self.commercial_partner_id.name}] "
                    f"{self.title}",
                    "serial_no": self.customer_ref or False,
                    "company_id": self.company_id.id,
                    "owner_user_id": self.user_id.id,
                    "technician_user_id": self.user_id.id,
                    "qms_property_id": self.id,
                }
            )
        return self.equipment_id._get_records_action()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _check_can_issue(self):
        """Raise when the item cannot be issued or lent now."""
        for item in self:
            if item.is_calibration_overdue:
                raise UserError(
                    self.env._(
                        "%(item)s cannot be issued: its calibration was due on %(date)s "
                        "(our rule: no tool or gauge is issued or lent while its "
                        "calibration is overdue).",
                        item=item.display_name,
                        date=item.calibration_due,
                    )
                )
            if item.state not in ("accepted", "received"):
                raise UserError(
                    self.env._(
                        "%(item)s cannot be issued: it is not held (%(state)s).",
                        item=item.display_name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            item.state
                        ],
                    )
                )

    def _check_tool(self):
        for item in self:
            if item.category != "equipment":
                raise UserError(
                    self.env._("%(number)s is not tooling, equipment or a gauge.", number=item.name)
                )

    def _bring_tool_on_stock(self):
        """On its first issue the tool becomes one owner-tagged piece in the
        customer's location: its own product and a done receipt (the ledger
        reads it from that move)."""
        self.ensure_one()
        if self.sudo().location_id:
            return
        customer = self.commercial_partner_id
        # the product and quantity are frozen once the item is accepted: set here as
        # the issue's own bookkeeping, not as a user's edit
        values = {}
        if not self.product_id:
            values["product_id"] = (
                self.env["product.product"]
                .sudo()
                .create(
                    {
                        "name": f"[{self.customer_short_name or customer.name}] {self.title}",
                        "is_storable": True,
                        "sale_ok": False,
                        "purchase_ok": False,
                        "default_code": self.customer_ref or self.name,
                        "company_id": self.company_id.id,
                    }
                )
                .id
            )
        warehouse = self._property_warehouse()
        values["location_id"] = customer._qms_property_location(
            self.company_id, warehouse=warehouse
        ).id
        if not self.qty_announced:
            values["qty_announced"] = 1.0
        self._qms_workflow_write(values)
        picking = self._owned_transfer(
            "receipt",
            self.location_id,
            1.0,
            source=self.env.ref("stock.stock_location_customers"),
        )
        self._validate_tool_transfer(picking)

    def _validate_tool_transfer(self, picking):
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking._action_done()
        return picking

    def _calibration_due_datetime(self):
        """The calibration date as the end of that working day in the company's zone (UTC)."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        zone = pytz.timezone(calendar.tz or "UTC")
        moment = zone.localize(datetime.combine(self.calibration_due, time(23, 59, 59)))
        return moment.astimezone(pytz.utc).replace(tzinfo=None)

    def _sync_calibration_deadlines(self):
        """One open "calibration" deadline per calibrated item, due on the plan's date:
        the shared deadline engine reminds, then escalates when it is missed."""
        now = fields.Datetime.now()
        for item in self:
            if not item.calibration_due or item.state not in ("received", "accepted"):
                item._qms_deadline_cancel("calibration")
                continue
            due = item._calibration_due_datetime()
            current = item._qms_open_deadlines("calibration")
            if not current:
                item._qms_deadline_open("calibration", start=min(now, due), due=due)
            elif due > current.due:
                # calibrated: the plan moved on to its next date
                item._qms_deadline_close("calibration")
                item._qms_deadline_open("calibration", start=now, due=max(due, now))
            elif due < current.due:
                item._qms_deadline_reschedule("calibration", max(due, current.start))
        return True

    @api.model
    def _cron_sync_calibrations(self):
        self.search([("equipment_id", "!=", False)])._sync_calibration_deadlines()
        return True
