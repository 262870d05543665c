from odoo import fields, models

COPY_TYPES = [("original", "Original (原稿)"), ("duplicate", "Duplicate (复稿)")]


class QmsSampleCopy(models.Model):
    """A kept copy of a customer-signed sample: the original by marketing,
    the duplicate by engineering (004 3.1.7, 3.3.2)."""

    _name = "qms.sample.copy"
    _description = "Kept Copy of a Signed Sample"
    _order = "sample_id, copy_type"

    active = fields.Boolean(default=True)
    sample_id = fields.Many2one("qms.sample", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="sample_id.company_id", store=True)
    copy_type = fields.Selection(COPY_TYPES, string="Copy", required=True)
    department = fields.Char(compute="_compute_department")
    custodian_id = fields.Many2one("res.users", string="Keeper", domain=[("share", "=", False)])
    location_id = fields.Many2one(
        "stock.location", string="Stored at", domain="[('usage', '=', 'internal')]"
    )
    date_stored = fields.Datetime("Stored on", default=fields.Datetime.now)
    note = fields.Char()

    def _compute_department(self):
        for copy in self:
            copy.department = (
                self.env._("Marketing")
                if copy.copy_type == "original"
                else self.env._("Engineering")
            )
