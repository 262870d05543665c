from odoo import models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsServiceCallbackPlanXlsx(models.AbstractModel):
    """The year's quality callback plan (XLSX, house style): one row per
    planned callback with its month, customer, responsible and outcome."""

    _name = "report.qms_service_contract.callback_plan_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Quality Callback Plan (XLSX)"

    def _fill_workbook(self, book, data, plans):
        kinds = dict(
            self.env["qms.service.callback.plan.line"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        states = dict(self.env["qms.callback"]._fields["state"]._description_selection(self.env))
        for plan in plans:
            rows = [
                {
                    "month": int(line.month),
                    "customer": line.partner_id.display_name,
                    "contract": line.contract_id.name,
                    "project": line.project_name or "",
                    "kind": kinds.get(line.kind, ""),
                    "user": line.user_id.name or "",
                    "callback": line.callback_id.name or "",
                    "state": states.get(line.callback_state, "") if line.callback_id else "",
                }
                for line in plan.line_ids
            ]
            book.add_table(
                plan.name,
                self.env._("Annual quality callback plan %(year)s", year=plan.year),
                [
                    plan.company_id.name,
                    self.env._(
                        "%(done)s of %(planned)s callbacks done (%(progress)s%%)",
                        done=plan.done_count,
                        planned=plan.planned_count,
                        progress=round(plan.progress),
                    ),
                ],
                [
                    Column(self.env._("Month"), "month", "int", width=8),
                    Column(self.env._("Customer"), "customer", width=28),
                    Column(self.env._("Contract"), "contract", width=16),
                    Column(self.env._("Project"), "project", width=24),
                    Column(self.env._("Kind"), "kind", width=18),
                    Column(self.env._("Responsible"), "user", width=18),
                    Column(self.env._("Callback"), "callback", width=16),
                    Column(self.env._("Status"), "state", width=14),
                ],
                rows,
            )
