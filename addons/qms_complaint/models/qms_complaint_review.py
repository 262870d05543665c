from odoo import fields, models

RECURRENCE_CLASSES = [
    ("capability", "Capability"),
    ("workmanship", "Workmanship quality"),
    ("management", "Management"),
    ("other", "Other"),
]


class QmsComplaint(models.Model):
    """What the review of a complaint gathers: the review meetings (5.8.6), the
    visits to the customer's site (5.8.9), and the class of a recurring
    complaint for the management review (001 6.6.2: 区分施工能力、施工质量和管理水平)."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    meeting_ids = fields.One2many(
        "qms.complaint.meeting",
        "complaint_id",
        string="Review meetings",
        groups="qms_base.group_qms_user",
    )
    site_visit_ids = fields.One2many(
        "qms.complaint.site.visit",
        "complaint_id",
        string="Visits to the customer",
        groups="qms_base.group_qms_user",
    )
    recurrence_class = fields.Selection(
        RECURRENCE_CLASSES,
        string="Recurring because of",
        tracking=True,
        groups="qms_base.group_qms_user",
        help="For recurring complaints: what the management review is told they come from.",
    )
