from odoo import api, fields, models

from odoo.addons.qms_base.models.qms_inspection_mixin import INSPECTION_GROUP


class QmsComplaint(models.Model):
    """The outgoing inspections (OCA quality control on the delivery) of the
    delivery a complaint is about: did the defect pass our final inspection?"""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    delivery_inspection_ids = fields.Many2many(
        "qc.inspection",
        string="Delivery inspections",
        compute="_compute_delivery_inspection_ids",
        groups=INSPECTION_GROUP,
        help="Quality inspections of the complaint's delivery.",
    )
    delivery_inspection_count = fields.Integer(
        "Delivery inspection count",
        compute="_compute_delivery_inspection_ids",
        groups=INSPECTION_GROUP,
    )
    delivery_inspection_result = fields.Selection(
        [
            ("none", "No inspection"),
            ("pending", "Pending"),
            ("passed", "Passed"),
            ("failed", "Failed"),
        ],
        string="Delivery inspection result",
        compute="_compute_delivery_inspection_ids",
        groups=INSPECTION_GROUP,
        help="Cancelled inspections do not count. Failed as soon as one inspection failed; "
        "pending while one is still open; passed when all passed.",
    )

    @api.depends("picking_id.qc_inspections_ids.state")
    def _compute_delivery_inspection_ids(self):
        for complaint in self:
            inspections = complaint.picking_id.qc_inspections_ids
            complaint.delivery_inspection_ids = inspections
            complaint.delivery_inspection_count = len(inspections)
            complaint.delivery_inspection_result = inspections._qms_result()

    def action_view_delivery_inspections(self):
        self.ensure_one()
        return self.delivery_inspection_ids._get_records_action(
            name=self.env._(
                "Inspections of delivery %(delivery)s", delivery=self.picking_id.display_name
            ),
            context={"create": False},
        )
