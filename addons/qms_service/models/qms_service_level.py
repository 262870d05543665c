from odoo import api, fields, models
from odoo.exceptions import ValidationError

URGENCIES = [
    ("low", "Low"),
    ("normal", "Normal"),
    ("high", "High"),
    ("critical", "Critical"),
]
# What each SLA target of a level is called on the deadline engine.
TARGET_KINDS = ("response", "onsite", "resolution")


class QmsServiceLevel(models.Model):
    """A service level (SLA): per urgency, the response, on-site and resolution
    targets in working hours of the company calendar (004 4.2).

    A request takes its level from ``qms.service.request._service_level()``:
    the level set on it, else the standard level (a service contract may give
    another one)."""

    _name = "qms.service.level"
    _description = "Service Level"
    _inherit = ["qms.portal.fields.mixin"]
    # Shared configuration a customer may read; the targets stay internal.
    _qms_portal_fields = ("name", "code", "sequence", "active", "company_id", "description")
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: the level is offered to every company."
    )
    description = fields.Text(translate=True)
    target_ids = fields.One2many(
        "qms.service.level.target", "level_id", string="Targets per urgency", copy=True
    )

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A service level code must be unique."),
    ]

    @api.constrains("target_ids")
    def _check_one_target_per_urgency(self):
        for level in self:
            urgencies = level.target_ids.mapped("urgency")
            if len(urgencies) != len(set(urgencies)):
                raise ValidationError(
                    self.env._(
                        "Service level “%(level)s”: give one line of targets per urgency.",
                        level=level.name,
                    )
                )

    @api.model
    def _standard(self):
        """The default level (data record ``qms_service.service_level_standard``)."""
        return self.env.ref("qms_service.service_level_standard", raise_if_not_found=False) or (
            self.search([], limit=1)
        )

    def _target(self, urgency):
        """The target line of ``urgency`` (empty when the level sets none)."""
        self.ensure_one()
        return self.target_ids.filtered(lambda line: line.urgency == urgency)[:1]

    def _target_hours(self, urgency, target):
        """Working hours of ``target`` ("response", "onsite", "resolution") for
        ``urgency``; ``None`` when the level does not set it (the deadline
        kind's own duration applies then)."""
        line = self._target(urgency) if self else self.browse()
        hours = line[f"{target}_hours"] if line else 0.0
        return hours or None
