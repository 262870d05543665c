from odoo import api, fields, models

from ..tools import phone


class ResPartner(models.Model):
    """The "Quality" smart button: each QMS addon adds its counters.

    An addon extends ``_qms_quality_counts`` (returns ``{partner_id: n}`` of
    open items) and adds its stat button to ``res_partner_view_form_quality``.

    Mainland mobile numbers are 11 digits starting with 1 (SPEC §0): warned,
    never blocked. Every addon that takes a phone number (customer records,
    the hotline call log…) uses ``_qms_phone_warning(number, country)``: the
    translated warning or ``False`` (``tools/phone.py`` does the checking).
    """

    _inherit = "res.partner"

    qms_open_count = fields.Integer(
        "Open quality items", compute="_compute_qms_open_count", groups="base.group_user"
    )
    qms_phone_warning = fields.Char(
        "Phone check",
        compute="_compute_qms_phone_warning",
        help="Mainland mobile numbers have 11 digits and start with 1.",
    )

    def _compute_qms_open_count(self):
        counts = self.commercial_partner_id._qms_quality_counts()
        for partner in self:
            partner.qms_open_count = counts.get(partner.commercial_partner_id.id, 0)

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

    def _qms_quality_counts(self):
        """Open QMS items per commercial partner id; addons add theirs."""
        return {}

    def action_open_qms_quality(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quality: %(partner)s", partner=self.commercial_partner_id.name),
            "res_model": "res.partner",
            "res_id": self.commercial_partner_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("qms_base.res_partner_view_form_quality").id, "form")],
            "target": "new",
        }

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
