from collections import defaultdict

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
        """Numbers the records in groups sharing one sequence and date: one draw
        per group, so creating many records does not cost queries per record."""
        if not self._qms_input_checked():
            self._qms_check_input(*vals_list)  # the number reads the raw company and date
        self._qms_check_number_given(vals_list)
        groups = defaultdict(list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # repr: raw RPC values may be unhashable; the checks refuse them later
                groups[repr(self._qms_number_group(vals))].append(vals)
        for group in groups.values():
            sequence = self._qms_number_sequence(group[0])
            numbers = sequence._qms_next_numbers(
                len(group), sequence_date=self._qms_number_date(group[0])
            )
            for vals, number in zip(group, numbers, strict=True):
                vals["name"] = number
        records = super(QmsSequenceMixin, self._qms_input_trusted()).create(vals_list)
        return records.with_env(self.env)

    def _qms_check_number_given(self, vals_list):
        """A model whose number is a workflow field takes it from its sequence
        only: a number chosen by the caller is refused, as a later write is."""
        if "name" not in getattr(self, "_qms_workflow_fields", ()):
            return
        if self._qms_workflow_allowed():
            return
        if any(vals.get("name", "/") not in ("/", False) for vals in vals_list):
            self._qms_workflow_refuse(["name"])

    @api.model
    def _qms_number_group(self, vals):
        """Records created with these ``vals`` draw from the same sequence on the
        same date when their keys are equal."""
        return (vals.get("company_id") or self.env.company.id, self._qms_number_date(vals))

    @api.model
    def _qms_number_date(self, vals):
        """The date that picks the sequence's yearly range."""
        return vals.get("date")

    @api.model
    def _qms_number_sequence(self, vals):
        """The ``ir.sequence`` that numbers a record created with ``vals``."""
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        self.env["ir.sequence"].check_access("read")
        sequence = self.env["ir.sequence"].search(
            [("code", "=", self._qms_sequence_code), ("company_id", "in", [company.id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence:
            raise UserError(
                self.env._("No sequence %(code)s is configured.", code=self._qms_sequence_code)
            )
        return sequence.with_company(company)

    @api.model
    def _qms_next_number(self, vals):
        """The number of one record created with ``vals``."""
        sequence = self._qms_number_sequence(vals)
        return sequence._qms_next_numbers(1, sequence_date=self._qms_number_date(vals))[0]
