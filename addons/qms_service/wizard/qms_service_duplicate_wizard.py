from odoo import api, fields, models


class QmsServiceDuplicateWizard(models.TransientModel):
    """Mark as duplicate of…: the request kept, among the possible duplicates
    first."""

    _name = "qms.service.duplicate.wizard"
    _description = "Mark a Service Request as a Duplicate"

    request_id = fields.Many2one("qms.service.request", string="Duplicate", required=True)
    commercial_partner_id = fields.Many2one(related="request_id.commercial_partner_id")
    original_id = fields.Many2one(
        "qms.service.request",
        string="Keep",
        required=True,
        domain="[('commercial_partner_id', '=', commercial_partner_id), "
        "('id', '!=', request_id), "
        "('state', 'in', ('new', 'accepted', 'in_progress', 'resolved', 'follow_up'))]",
        help="The request the work goes on in; the duplicate's files and followers move there.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        request = self.env["qms.service.request"].browse(values.get("request_id"))
        if request and not values.get("original_id"):
            values["original_id"] = request.exists().duplicate_ids[:1].id
        return values

    def action_confirm(self):
        self.ensure_one()
        self.request_id.action_mark_duplicate(self.original_id.id)
        return {"type": "ir.actions.act_window_close"}
