"""The new company-dependent ``reminder_unit`` column got its default for the
current company only: give it to every company (working days)."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE qms_deadline_kind AS kind
           SET reminder_unit = COALESCE(kind.reminder_unit, '{}'::jsonb) || COALESCE(
                   (SELECT jsonb_object_agg(company.id::text, '"working_days"'::jsonb)
                      FROM res_company AS company
                     WHERE NOT COALESCE(kind.reminder_unit, '{}'::jsonb) ? company.id::text),
                   '{}'::jsonb)
        """
    )
