import math

from odoo import models
from odoo.tools.misc import formatLang


class QmsComplaint(models.Model):
    """How the 8D report prints a complaint's figures."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    def _report_lang(self):
        """The language the customer reads the 8D report in: its contact's, else the
        customer's, else the company's (as the 8D e-mail)."""
        self.ensure_one()
        return self.contact_id.lang or self.partner_id.lang or self.company_id.partner_id.lang

    def _report_quantity(self, quantity):
        """``quantity`` as the 8D report prints it: with the decimals of the product's
        unit (its rounding) and the unit's name, in the reader's number format."""
        self.ensure_one()
        uom = self.product_id.uom_id
        if uom:
            digits = max(0, math.ceil(-math.log10(uom.rounding))) if uom.rounding < 1 else 0
        else:
            digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        text = formatLang(self.env, quantity or 0.0, digits=digits)
        return f"{text} {uom.name}" if uom else text
