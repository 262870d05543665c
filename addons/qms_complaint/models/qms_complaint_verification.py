from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsComplaintVerification(models.Model):
    """D6: a process audit check of the corrective actions (daily results)."""

    _name = "qms.complaint.verification"
    _description = "8D Verification"
    _order = "date desc, id desc"

    complaint_id = fields.Many2one("qms.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", string="Auditor", default=lambda self: self.env.user)
    stage = fields.Selection(
        [
            ("audit", "Process audit"),
            ("prototype", "Improved prototype"),
            ("batch", "Production batch"),
        ],
        required=True,
        default="audit",
        help="The flow chart verifies the improvement on a prototype, then on a production "
        "batch, before closure; process audits check daily.",
    )
    checked = fields.Char("What was checked", required=True)
    qty_checked = fields.Float("Quantity checked")
    qty_defective = fields.Float("Defects found")
    result = fields.Selection([("pass", "Pass"), ("fail", "Fail")], required=True, default="pass")
    note = fields.Text()

    @api.constrains("qty_checked", "qty_defective")
    def _check_quantities(self):
        for verification in self:
            if min(verification.qty_checked, verification.qty_defective) < 0:
                raise ValidationError(self.env._("Quantities cannot be negative."))
            if verification.qty_defective > verification.qty_checked:
                raise ValidationError(
                    self.env._(
                        "%(defects)s defects cannot be found in %(checked)s checked.",
                        defects=verification.qty_defective,
                        checked=verification.qty_checked,
                    )
                )
