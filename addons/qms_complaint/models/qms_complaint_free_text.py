from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .qms_complaint import QmsComplaint as QmsComplaintBase

# Longest free-text product / lot a customer may type (portal form, backend form).
PRODUCT_TEXT_SIZE = 128
LOT_TEXT_SIZE = 64


class QmsComplaint(models.Model):
    """What the customer typed when its product is not in the portal's list: the
    product name or part number and the lot or batch number, as free text, for
    quality to match with a product and a lot at triage."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited
    _qms_portal_fields = (*QmsComplaintBase._qms_portal_fields, "product_text", "lot_text")

    product_text = fields.Char(
        "Product as described",
        help="The product name or part number the customer typed, when its product was not "
        "in the list: quality matches it with a product.",
    )
    lot_text = fields.Char(
        "Lot/batch as described",
        help="The lot or batch number the customer typed without a product of the list: "
        "quality matches it with a lot.",
    )

    @api.constrains("product_text", "lot_text")
    def _check_free_text(self):
        limits = {"product_text": PRODUCT_TEXT_SIZE, "lot_text": LOT_TEXT_SIZE}
        for complaint in self:
            for name, limit in limits.items():
                value = complaint[name]
                if value is False:
                    continue
                label = self._fields[name]._description_string(self.env)
                if not value.strip():
                    raise ValidationError(
                        self.env._("%(field)s cannot be only spaces.", field=label)
                    )
                if len(value) > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is too long: %(length)s characters, at most %(limit)s.",
                            field=label,
                            length=len(value),
                            limit=limit,
                        )
                    )
