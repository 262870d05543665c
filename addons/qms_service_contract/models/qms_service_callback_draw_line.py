from odoo import fields, models


class QmsServiceCallbackDrawLine(models.Model):
    """A customer drawn for an engineer's quarterly satisfaction callback."""

    _name = "qms.service.callback.draw.line"
    _description = "Drawn Customer"
    _inherit = ["qms.callback.mixin"]
    _order = "draw_id, engineer_id, sequence, id"

    draw_id = fields.Many2one(
        "qms.service.callback.draw", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="draw_id.company_id", store=True, index=True)
    sequence = fields.Integer()
    engineer_id = fields.Many2one("res.users", required=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    contract_id = fields.Many2one("qms.service.contract", string="Service contract")
    year_count = fields.Integer(
        "Draw of the year", help="1: the customer's first draw this year, 2: its second…"
    )

    def _plan_callback(self):
        for line in self:
            contract = line.contract_id
            line._qms_callback_schedule(
                "satisfaction",
                fields.Datetime.now(),
                partner=line.partner_id,
                contact=contract.contact_id or None,
                user=line.draw_id.user_id or None,
            )

    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.draw_id.name} · {line.engineer_id.name} · {line.partner_id.name}"
            )
