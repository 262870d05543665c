from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.sampling import sample_size

REPORT_STATES = [
    ("inspecting", "Inspecting"),
    ("passed", "Passed"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]


class QmsShipmentReport(models.Model):
    """Outgoing (OQC) inspection of a delivery and its shipment report
    (出货报告, seed 000 出货检验流程图): each product is inspected on the
    shared inspection engine with the sample its category's plan gives.
    One report is one inspection round; a failed lot is inspected again in
    a new report, the failed one stays."""

    _name = "qms.shipment.report"
    _description = "Shipment Report"
    _inherit = ["qms.sequence.mixin", "mail.thread", "qms.inspection.mixin", "qms.workflow.mixin"]
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "name", "date_done")
    _qms_sequence_code = "qms.shipment.report"
    _order = "id desc"

    picking_id = fields.Many2one(
        "stock.picking", string="Delivery", required=True, ondelete="cascade", index=True
    )
    sale_order_id = fields.Many2one(
        related="picking_id.sale_id", store=True, string="Order", index=True
    )
    partner_id = fields.Many2one(
        related="picking_id.partner_id.commercial_partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(
        related="picking_id.company_id", store=True, index=True, precompute=True
    )
    inspector_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    line_ids = fields.One2many("qms.shipment.report.line", "report_id", string="Products")
    state = fields.Selection(
        REPORT_STATES, required=True, default="inspecting", readonly=True, tracking=True
    )
    date_done = fields.Datetime("Inspected on", readonly=True)
    first_pass = fields.Boolean(
        "Passed first time",
        compute="_compute_first_pass",
        store=True,
        help="The delivery's first inspection round passed.",
    )

    @api.depends("state", "picking_id.qms_shipment_report_ids.state")
    def _compute_first_pass(self):
        for report in self:
            first = report.picking_id.qms_shipment_report_ids.filtered(
                lambda r: r.state != "cancelled"
            ).sorted("id")[:1]
            report.first_pass = first == report and report.state == "passed"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cancel(self):
        for report in self:
            if report.state != "inspecting":
                raise UserError(
                    self.env._("%(report)s is finished: it stays on record.", report=report.name)
                )
            report._qms_workflow_write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _create_for(self, picking):
        """A new inspection round of ``picking``: one inspection per product its
        category asks to inspect, with the sample size of the category's plan."""
        moves = picking.move_ids.filtered(
            lambda m: m.state != "cancel" and m.product_id.categ_id._qms_oqc_policy() != "none"
        )
        if not moves:
            raise UserError(
                self.env._(
                    "%(picking)s: no product of this delivery needs an outgoing inspection.",
                    picking=picking.name,
                )
            )
        untested = moves.product_id.categ_id.filtered(lambda c: not c._qms_oqc_test())
        if untested:
            raise UserError(
                self.env._(
                    "Set the outgoing inspection test of the product category %(category)s.",
                    category=", ".join(untested.mapped("display_name")),
                )
            )
        report = self.create({"picking_id": picking.id})
        for move in moves:
            category = move.product_id.categ_id._qms_oqc_category()
            lot = move.product_qty
            sample = sample_size(
                lot,
                plan=category.qms_oqc_sampling,
                level=category.qms_oqc_level or "2",
                fixed=category.qms_oqc_sample_size,
            )
            inspection = report._qms_inspection_create(category.qms_oqc_test_id, qty=sample)
            self.env["qms.shipment.report.line"].create(
                {
                    "report_id": report.id,
                    "product_id": move.product_id.id,
                    "lot_qty": lot,
                    "sample_qty": sample,
                    "inspection_id": inspection.id,
                }
            )
        return report

    def _qms_inspection_finished(self, inspections):
        for report in self.sudo().filtered(lambda r: r.state == "inspecting"):
            result = report.qms_inspection_result
            if result in ("passed", "failed"):
                report._qms_workflow_write({"state": result, "date_done": fields.Datetime.now()})
                report.picking_id.message_post(
                    body=self.env._(
                        "Outgoing inspection %(report)s: %(result)s.",
                        report=report.name,
                        result=dict(REPORT_STATES)[result],
                    )
                )
