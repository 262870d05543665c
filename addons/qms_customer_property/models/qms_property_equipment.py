from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsProperty(models.Model):
    """Tooling, moulds, fixtures, equipment and gauges of the customer: Odoo
    maintenance equipment linked to the property, with the customer's short
    name as marking and OCA maintenance plans for maintenance and calibration.

    Our rule (the seeds are silent): a tool or gauge whose calibration is
    overdue cannot be issued or lent."""

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
    is_calibration_overdue = fields.Boolean("Calibration overdue", compute="_compute_calibration")

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

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
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
                        "%(item)s cannot be issued: its calibration was due on %(date)s.",
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
