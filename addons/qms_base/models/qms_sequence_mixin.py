from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsSequenceMixin(models.AbstractModel):
    """Record numbers from ``ir.sequence``, e.g. ``CC2026-00042``.

    The inheriting model sets ``_qms_sequence_code`` and ships the sequence
    as data (prefix ``CC%(range_year)s-``, padding 5, yearly ranges).
    """

    _name = "qms.sequence.mixin"
    _description = "QMS Record Number"
    _qms_sequence_code = None

    name = fields.Char(
        "Number", required=True, readonly=True, copy=False, index="trigram", default="/"
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._qms_check_input(vals)  # the number reads the raw company and date
            if vals.get("name", "/") == "/":
                vals["name"] = self._qms_next_number(vals)
        return super().create(vals_list)

    @api.model
    def _qms_next_number(self, vals):
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        number = (
            self.env["ir.sequence"]
            .with_company(company)
            .next_by_code(self._qms_sequence_code, sequence_date=vals.get("date"))
        )
        if not number:
            raise UserError(
                self.env._("No sequence %(code)s is configured.", code=self._qms_sequence_code)
            )
        return number
