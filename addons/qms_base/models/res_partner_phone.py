from odoo import api, fields, models

from ..tools import phone


class ResPartner(models.Model):
    """Mainland mobile numbers are 11 digits starting with 1 (SPEC §0): warned, never blocked.

    Shared by every addon that takes a phone number (customer records, the
    hotline call log…): ``_qms_phone_warning(number, country)`` gives the
    translated warning or ``False``.
    """

    _inherit = "res.partner"

    qms_phone_warning = fields.Char(
        "Phone check",
        compute="_compute_qms_phone_warning",
        help="Mainland mobile numbers have 11 digits and start with 1.",
    )

    @api.depends("phone", "mobile", "country_id")
    def _compute_qms_phone_warning(self):
        for partner in self:
            warnings = [
                partner._qms_phone_warning(number, partner.country_id)
                for number in (partner.phone, partner.mobile)
            ]
            partner.qms_phone_warning = " ".join(w for w in warnings if w) or False

    @api.onchange("phone", "mobile", "country_id")
    def _onchange_qms_phone_warning(self):
        if self.qms_phone_warning:
            return {
                "warning": {
                    "title": self.env._("Check the phone number"),
                    "message": self.qms_phone_warning,
                    "type": "notification",
                }
            }
        return None

    @api.model
    def _qms_phone_warning(self, number, country=None):
        """The warning for ``number`` (a partner's ``country``, else the
        company's), or ``False`` when there is nothing to say."""
        country = country or self.env.company.country_id
        problem = phone.mainland_mobile_problem(number, country.code if country else None)
        if problem == "length":
            return self.env._(
                "%(number)s: a mainland mobile number has 11 digits starting with 1 "
                "(this one has %(count)s).",
                number=number,
                count=len(phone.digits(number)),
            )
        if problem == "characters":
            return self.env._(
                "%(number)s: a mainland mobile number holds digits only.", number=number
            )
        return False
