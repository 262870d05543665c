from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsComplaint(models.Model):
    """A whole batch sent back (004 客户服务控制程序 4.3.2): QA confirms the
    problem before the warehouse receives it, picks the samples for the
    analysis, and the rework is planned to the return date the customer
    requires (deadline kind "rework")."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    return_whole_batch = fields.Boolean(
        "Whole batch returned", tracking=True, groups="qms_base.group_qms_user"
    )
    return_qa_user_id = fields.Many2one(
        "res.users", string="QA confirmed by", readonly=True, groups="qms_base.group_qms_user"
    )
    date_return_qa_confirmed = fields.Datetime(
        "QA confirmed the return on", readonly=True, groups="qms_base.group_qms_user"
    )
    return_qa_note = fields.Text("QA finding on the return", groups="qms_base.group_qms_user")
    return_sample_note = fields.Text(
        "Samples picked for analysis",
        groups="qms_base.group_qms_user",
        help="The nonconforming pieces QA picked from the returned batch.",
    )
    rework_date_required = fields.Date(
        "Rework back to the customer by",
        tracking=True,
        groups="qms_base.group_qms_user",
        help="The date the customer needs the reworked goods: the rework is planned to it.",
    )
    rework_due = fields.Datetime(
        "Rework due", compute="_compute_rework_due", groups="qms_base.group_qms_user"
    )

    @api.depends("qms_deadline_ids.due", "qms_deadline_ids.state")
    def _compute_rework_due(self):
        for complaint in self:
            rows = complaint.qms_deadline_ids.filtered(
                lambda d: d.kind_id.code == "rework" and d.state != "cancelled"
            )
            complaint.rework_due = rows.sorted("id")[-1:].due or False

    def write(self, vals):
        result = super().write(vals)
        if "rework_date_required" in vals:
            for complaint in self.filtered(lambda c: c._qms_open_deadlines("rework")):
                due = complaint._rework_due_from_date()
                if due:
                    complaint._qms_deadline_reschedule("rework", due)
        return result

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_qa_confirm_return(self):
        """QA confirms the returned batch is nonconforming: the warehouse may receive it."""
        self._qms_ensure_state("draft", "in_progress")
        for complaint in self:
            if not (complaint.return_qa_note or "").strip():
                raise UserError(self.env._("Write what QA found on the returned goods."))
            complaint._qms_workflow_write(
                {
                    "return_qa_user_id": self.env.user.id,
                    "date_return_qa_confirmed": fields.Datetime.now(),
                }
            )
            if complaint.return_picking_id:
                complaint.return_picking_id.message_post(
                    body=self.env._(
                        "QA confirmed the returned batch of %(number)s: it may be received.",
                        number=complaint.name,
                    )
                )
        return True

    def action_plan_rework(self):
        """Plan the rework of the returned goods to the customer's date."""
        self._qms_ensure_state("draft", "in_progress")
        for complaint in self:
            now = fields.Datetime.now()
            due = complaint._rework_due_from_date()
            if due and due < now:
                raise UserError(self.env._("The customer's return date is already past."))
            complaint._qms_deadline_open("rework", start=now, due=due)
        return True

    def action_rework_done(self):
        self._qms_deadline_close("rework")
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _rework_due_from_date(self):
        self.ensure_one()
        if not self.rework_date_required:
            return None
        zone = pytz.timezone(self.company_id._qms_calendar().tz or "UTC")
        local = zone.localize(datetime.combine(self.rework_date_required, time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _return_blocking_reception(self):
        """The return is a whole batch QA has not confirmed yet."""
        self.ensure_one()
        return self.return_whole_batch and not self.date_return_qa_confirmed
