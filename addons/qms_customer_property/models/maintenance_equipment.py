from odoo import fields, models


class MaintenanceEquipment(models.Model):
    """Customer tooling, moulds, fixtures, equipment and gauges as Odoo
    equipment: maintenance and calibration plans (OCA maintenance_plan)."""

    _inherit = "maintenance.equipment"

    qms_property_id = fields.Many2one(
        "qms.property", string="Customer property", index="btree_not_null", copy=False
    )
    qms_owner_id = fields.Many2one(
        related="qms_property_id.commercial_partner_id", string="Owned by", store=True
    )
    qms_marking = fields.Char(related="qms_property_id.marking", string="Marking")
    qms_condition = fields.Selection(
        related="qms_property_id.condition", string="Condition", readonly=False
    )
