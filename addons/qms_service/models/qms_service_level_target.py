from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .qms_service_level import URGENCIES


class QmsServiceLevelTarget(models.Model):
    """The targets of one urgency in a service level, in working hours."""

    _name = "qms.service.level.target"
    _description = "Service Level Target"
    _order = "level_id, sequence, id"

    level_id = fields.Many2one("qms.service.level", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    urgency = fields.Selection(URGENCIES, required=True)
    response_hours = fields.Float(
        "Reply within (working hours)",
        help="004 4.2.1: a call or letter is answered within 8 working hours.",
    )
    onsite_hours = fields.Float(
        "On site within (working hours)",
        help="004 4.2.2: when the phone cannot solve it, or for a quality problem, "
        "someone is on site within 8 working hours.",
    )
    resolution_hours = fields.Float("Resolved within (working hours)")

    @api.constrains("response_hours", "onsite_hours", "resolution_hours")
    def _check_hours(self):
        for line in self:
            if min(line.response_hours, line.onsite_hours, line.resolution_hours) < 0:
                raise ValidationError(self.env._("Service level targets cannot be negative."))
