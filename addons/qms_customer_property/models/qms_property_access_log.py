from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class QmsPropertyAccessLog(models.Model):
    """Who read which personal-data record, and when (append-only)."""

    _name = "qms.property.access.log"
    _description = "Personal Data Access Log"
    _order = "date desc, id desc"
    _log_access = False

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", string="Read by", required=True, readonly=True)
    record_id = fields.Many2one(
        "qms.property.personal", readonly=True, ondelete="set null", index=True
    )
    field_names = fields.Char("Fields read", readonly=True)

    @api.model
    def _log_reads(self, records, field_names):
        """One row per record read, written with one INSERT (reads are many)."""
        self.env.execute_query(
            SQL(
                """INSERT INTO qms_property_access_log (date, user_id, record_id, field_names)
                   SELECT now() AT TIME ZONE 'UTC', %s, unnest(%s::int[]), %s""",
                self.env.uid,
                records.ids,
                ",".join(field_names),
            )
        )
        self.invalidate_model(["date"])

    def write(self, vals):
        if not self.env.context.get("install_mode"):
            raise UserError(self.env._("The access log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The access log cannot be deleted."))
