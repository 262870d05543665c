from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.qms_base.tools import phone


class QmsDeskPhoneArea(models.Model):
    """A number prefix and the area it belongs to (来电归属地): landline area
    codes (0755 Shenzhen) and mobile number blocks (1380013 Beijing). The
    longest matching prefix names the caller's area."""

    _name = "qms.desk.phone.area"
    _description = "Caller Area by Number Prefix"
    _order = "prefix"

    prefix = fields.Char(required=True, index=True, help="Leading digits, e.g. 0755 or 1380013.")
    name = fields.Char("Area", required=True, translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("prefix_uniq", "unique(prefix)", "This prefix already names an area."),
    ]

    @api.constrains("prefix")
    def _check_prefix(self):
        for area in self:
            if not area.prefix.isdigit():
                raise ValidationError(
                    self.env._(
                        "Area prefix “%(prefix)s”: digits only, e.g. 0755.", prefix=area.prefix
                    )
                )

    @api.model
    def _area_of(self, number):
        """The area of the longest prefix ``number`` starts with, or ``False``."""
        digits = phone.digits(number)
        if not digits:
            return False
        prefixes = [digits[:length] for length in range(1, min(len(digits), 8) + 1)]
        area = self.search([("prefix", "in", prefixes)], order="prefix desc")
        best = max(area, key=lambda a: len(a.prefix), default=None)
        return best.name if best else False
