from odoo import fields, models


class QmsShipmentReportLine(models.Model):
    """One product of a shipment report: lot, sample, inspection, result."""

    _name = "qms.shipment.report.line"
    _description = "Shipment Report Line"
    _order = "report_id, id"

    report_id = fields.Many2one(
        "qms.shipment.report", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    product_id = fields.Many2one("product.product", required=True)
    lot_qty = fields.Float("Lot size", digits="Product Unit of Measure")
    sample_qty = fields.Float("Sample size", digits="Product Unit of Measure")
    inspection_id = fields.Many2one("qc.inspection", ondelete="set null")
    inspection_state = fields.Selection(related="inspection_id.state", string="Result")
