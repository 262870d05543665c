from odoo import api, fields, models


class QmsComplaint(models.Model):
    """D5-D7 actions (qms.capa): what a new action line starts with."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    capa_date_default = fields.Date(
        "Due date of a new action",
        compute="_compute_capa_date_default",
        help="The D5 step's due date while it is ahead; else today plus the standard time "
        "of a corrective action (its deadline kind).",
    )

    @api.depends("step_ids.due", "company_id")
    def _compute_capa_date_default(self):
        now = fields.Datetime.now()
        for complaint in self:
            company = complaint.company_id or self.env.company
            calendar = company._qms_calendar()
            step = complaint.step_ids.filtered(lambda s: s.code == "d5")[:1]
            due = step.due if step.due and step.due > now else None
            if not due:
                kind = self.env["qms.deadline.kind"]._get_kind("qms.capa", "due", company)
                due = kind._due_from(calendar, now)
            complaint.capa_date_default = fields.Date.context_today(
                complaint.with_context(tz=calendar.tz or "UTC"), due
            )
