from odoo import api, fields, models
from odoo.exceptions import UserError

GENERATE_KEY = "_qms_service_work_log_generate"
# An object, not a string: an RPC call cannot pass it in its context.
GENERATE_TOKEN = object()


class QmsServiceWorkLog(models.Model):
    """A work record (工作记录): generated from a submitted visit report,
    never added by hand (002 POIS 工作记录的标准 1–2); one per working day on
    site (现场服务工作记录表)."""

    _name = "qms.service.work.log"
    _description = "Service Work Record"
    _order = "date desc, id desc"

    request_id = fields.Many2one(
        "qms.service.request", required=True, index=True, ondelete="cascade", readonly=True
    )
    visit_id = fields.Many2one(
        "qms.service.visit", string="Visit report", required=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="request_id.commercial_partner_id", string="Customer", store=True, index=True
    )
    user_id = fields.Many2one("res.users", string="Engineer", readonly=True, index=True)
    date = fields.Date(required=True, readonly=True, index=True)
    hours = fields.Float(readonly=True)
    is_onsite = fields.Boolean("On site", readonly=True)
    description = fields.Html("Work done", readonly=True)
    note = fields.Text(help="The engineer's note on this day, added to the generated record.")

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get(GENERATE_KEY) is not GENERATE_TOKEN:
            raise UserError(
                self.env._(
                    "Work records come from the engineer's visit reports and working papers; "
                    "they are not added by hand."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"note"} and self.env.context.get(GENERATE_KEY) is not GENERATE_TOKEN:
            raise UserError(self.env._("Only the note of a work record can be changed."))
        return super().write(vals)

    @api.model
    def _generate(self, vals_list):
        return self.sudo().with_context(**{GENERATE_KEY: GENERATE_TOKEN}).create(vals_list)
