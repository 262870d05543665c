"""Deadline kinds' numbers become company-dependent; ``qms.deadline.done``
becomes ``date_done``.

Odoo cannot cast the old float/varchar/int columns to jsonb: each value
becomes ``{company_id: value}`` for every company, so that every company
keeps the numbers the database had.
"""

from odoo.tools import SQL
from odoo.tools.sql import column_exists

COMPANY_FIELDS = (
    "duration",
    "duration_unit",
    "window_start",
    "window_start_unit",
    "escalation_delay",
    "escalation_delay_unit",
    "escalation_target",
    "escalation_user_id",
    "escalation_group_id",
)


def _column_type(cr, table, column):
    cr.execute(
        """SELECT udt_name FROM information_schema.columns
            WHERE table_name = %s AND column_name = %s""",
        [table, column],
    )
    row = cr.fetchone()
    return row and row[0]


def migrate(cr, version):
    if column_exists(cr, "qms_deadline", "done") and not column_exists(
        cr, "qms_deadline", "date_done"
    ):
        cr.execute("ALTER TABLE qms_deadline RENAME COLUMN done TO date_done")

    cr.execute("SELECT id FROM res_company ORDER BY id")
    company_ids = [row[0] for row in cr.fetchall()]
    for column in COMPANY_FIELDS:
        column_type = _column_type(cr, "qms_deadline_kind", column)
        if not column_type or column_type == "jsonb":
            continue
        # foreign keys (many2one) go: company-dependent values have none
        cr.execute(
            """SELECT con.conname FROM pg_constraint con
                 JOIN pg_attribute att ON att.attrelid = con.conrelid
                                      AND att.attnum = ANY(con.conkey)
                WHERE con.conrelid = 'qms_deadline_kind'::regclass
                  AND con.contype = 'f' AND att.attname = %s""",
            [column],
        )
        for (constraint,) in cr.fetchall():
            cr.execute(
                SQL(
                    "ALTER TABLE qms_deadline_kind DROP CONSTRAINT %s",
                    SQL.identifier(constraint),
                )
            )
        value = SQL.identifier(column)
        pairs = SQL(", ").join(SQL("%s, to_jsonb(%s)", str(cid), value) for cid in company_ids)
        cr.execute(
            SQL(
                """ALTER TABLE qms_deadline_kind
                       ALTER COLUMN %(column)s DROP NOT NULL,
                       ALTER COLUMN %(column)s DROP DEFAULT,
                       ALTER COLUMN %(column)s TYPE jsonb
                       USING CASE WHEN %(column)s IS NULL THEN NULL
                                  ELSE jsonb_build_object(%(pairs)s) END""",
                column=value,
                pairs=pairs,
            )
        )
