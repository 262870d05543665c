from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.qms_base.models.qms_inspection_mixin import INSPECTION_GROUP

OQC_STATES = [
    ("not_required", "Not required"),
    ("to_inspect", "To inspect"),
    ("inspecting", "Inspecting"),
    ("passed", "Passed"),
    ("failed", "Failed"),
]


class StockPicking(models.Model):
    """Release for shipment (seed 000 出货检验流程图, 004 4.6): a customer
    delivery waits for a passed outgoing inspection when its products'
    category blocks (or warns), and for the payment of a payment-before-
    delivery customer."""

    _inherit = "stock.picking"

    qms_shipment_report_ids = fields.One2many(
        "qms.shipment.report", "picking_id", string="Shipment reports", groups=INSPECTION_GROUP
    )
    qms_oqc_policy = fields.Selection(
        [("none", "None"), ("warn", "Warn"), ("block", "Block")],
        string="Outgoing inspection policy",
        compute="_compute_qms_oqc_policy",
        groups=INSPECTION_GROUP,
    )
    qms_oqc_state = fields.Selection(
        OQC_STATES,
        string="Outgoing inspection",
        compute="_compute_qms_oqc_state",
        groups=INSPECTION_GROUP,
        help="The latest inspection round of the delivery.",
    )

    @api.depends("move_ids.product_id.categ_id", "picking_type_code")
    def _compute_qms_oqc_policy(self):
        order = {"none": 0, "warn": 1, "block": 2}
        for picking in self:
            policies = [
                category._qms_oqc_policy() for category in picking.move_ids.product_id.categ_id
            ]
            policy = max(policies, key=order.get, default="none")
            picking.qms_oqc_policy = policy if picking.picking_type_code == "outgoing" else "none"

    @api.depends("qms_oqc_policy", "qms_shipment_report_ids.state")
    def _compute_qms_oqc_state(self):
        for picking in self:
            reports = picking.qms_shipment_report_ids.filtered(lambda r: r.state != "cancelled")
            if picking.qms_oqc_policy == "none":
                picking.qms_oqc_state = "not_required"
            elif not reports:
                picking.qms_oqc_state = "to_inspect"
            else:
                picking.qms_oqc_state = reports.sorted("id")[-1].state

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def button_validate(self):
        self._qms_check_release_for_shipment()
        result = super().button_validate()
        done = self.filtered(lambda p: p.state == "done" and p.sale_id)
        if done:
            done.sale_id._qms_deliveries_done(done)
        return result

    def action_qms_oqc_inspect(self):
        """A new outgoing inspection round: the inspections per the sampling plans."""
        self.ensure_one()
        if self.picking_type_code != "outgoing" or self.state in ("done", "cancel"):
            raise UserError(
                self.env._("Outgoing inspections are for customer deliveries not yet shipped.")
            )
        if self.qms_oqc_state == "inspecting":
            raise UserError(
                self.env._("%(picking)s is being inspected already.", picking=self.name)
            )
        report = self.env["qms.shipment.report"]._create_for(self)
        return report._get_records_action(name=self.env._("Shipment report"))

    def action_qms_view_shipment_reports(self):
        self.ensure_one()
        return self.qms_shipment_report_ids._get_records_action(
            name=self.env._("Shipment reports of %(picking)s", picking=self.name)
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _qms_check_release_for_shipment(self):
        for picking in self.sudo().filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state not in ("done", "cancel")
        ):
            order = picking.sale_id
            if order and order.qms_payment_before_delivery and not order.qms_is_paid:
                raise UserError(
                    self.env._(
                        "%(picking)s: %(customer)s pays before delivery and %(order)s is not "
                        "paid yet: finance confirms the payment first.",
                        picking=picking.name,
                        customer=order.partner_id.commercial_partner_id.name,
                        order=order.name,
                    )
                )
            if picking.qms_oqc_state in ("not_required", "passed"):
                continue
            if picking.qms_oqc_policy == "block":
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be shipped: its outgoing inspection has not passed "
                        "(%(state)s).",
                        picking=picking.name,
                        state=dict(OQC_STATES)[picking.qms_oqc_state],
                    )
                )
            picking.message_post(
                body=self.env._(
                    "Shipped without a passed outgoing inspection (%(state)s).",
                    state=dict(OQC_STATES)[picking.qms_oqc_state],
                )
            )

    def _qms_is_short(self):
        """Less shipped than ordered on this delivery (a backorder or a cancelled rest)."""
        self.ensure_one()
        return bool(self.backorder_ids) or any(
            float_compare(
                move.quantity, move.product_uom_qty, precision_rounding=move.product_uom.rounding
            )
            < 0
            for move in self.move_ids.filtered(lambda m: m.state in ("done", "cancel"))
        )
