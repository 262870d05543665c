from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.base.models.ir_sequence import _update_nogap


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    def _qms_next_numbers(self, count, sequence_date=None):
        """``count`` consecutive numbers of this sequence, as ``_next`` draws them
        one by one, in a constant number of queries: a periodic job that numbers
        a thousand records does not ask PostgreSQL a thousand times."""
        self.ensure_one()
        if count <= 0:
            return []
        current = self
        if self.use_date_range:
            day = sequence_date or self.env.context.get("ir_sequence_date") or fields.Date.today()
            current = self.env["ir.sequence.date_range"].search(
                [
                    ("sequence_id", "=", self.id),
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ],
                limit=1,
            ) or self._create_date_range_seq(day)
        if self.implementation == "standard":
            table = f"ir_sequence_{self.id:03d}"
            if current != self:
                table += f"_{current.id:03d}"
            rows = self.env.execute_query(
                SQL("SELECT nextval(%s) FROM generate_series(1, %s)", table, count)
            )
            numbers = sorted(row[0] for row in rows)
        else:
            first = _update_nogap(current, self.number_increment * count)
            numbers = [first + i * self.number_increment for i in range(count)]
        drawer = self
        if current != self:
            drawer = self.with_context(ir_sequence_date_range=current.date_from)
        # as get_next_char, with the prefix interpolated once for the whole batch
        prefix, suffix = drawer._get_prefix_suffix()
        return [f"{prefix}{number:0{self.padding}d}{suffix}" for number in numbers]
