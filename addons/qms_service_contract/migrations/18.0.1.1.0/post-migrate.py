"""The salesperson's paperwork reminder moved before the 15-day mark: the kind
(data noupdate) gets its reminder, for the companies that have none yet."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    kind = env.ref(
        "qms_service_contract.deadline_kind_paperwork_sales_reminder", raise_if_not_found=False
    )
    if not kind:
        return
    for company in env["res.company"].search([]):
        company_kind = kind.with_company(company)
        if not company_kind.reminder_offsets:
            company_kind.write({"reminder_offsets": "3", "reminder_unit": "calendar_days"})
