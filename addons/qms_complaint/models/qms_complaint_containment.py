from odoo import fields, models
from odoo.exceptions import UserError


class QmsComplaint(models.Model):
    """D3 containment as two chained clocks (000 5.8.3-5.8.5): OQC and process
    QA are informed within 30 working minutes of the confirmed defect (kind
    "containment"); then each reports, separately, what it found within 30
    working minutes of being informed: finished stock by OQC (kind
    "containment_stock"), WIP by process QA (kind "containment_wip"). Each
    clock reminds and escalates on its own; rework of in-house material is
    followed up (5.8.5)."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    oqc_user_id = fields.Many2one(
        "res.users",
        string="OQC",
        domain=[("share", "=", False)],
        help="Outgoing quality control: isolates and counts the finished stock "
        "(empty: the company's OQC).",
        groups="qms_base.group_qms_user",
    )
    process_qa_user_id = fields.Many2one(
        "res.users",
        string="Process QA",
        domain=[("share", "=", False)],
        help="制程品保: isolates and counts the work in progress (empty: the company's).",
        groups="qms_base.group_qms_user",
    )
    date_containment_informed = fields.Datetime(
        "OQC and process QA informed on",
        readonly=True,
        copy=False,
        groups="qms_base.group_qms_user",
    )
    date_stock_reported = fields.Datetime(
        "Finished stock reported on", readonly=True, copy=False, groups="qms_base.group_qms_user"
    )
    stock_status = fields.Text("Finished stock: quality status", groups="qms_base.group_qms_user")
    date_wip_reported = fields.Datetime(
        "WIP reported on", readonly=True, copy=False, groups="qms_base.group_qms_user"
    )
    wip_status = fields.Text("WIP: quality status", groups="qms_base.group_qms_user")
    rework_needed = fields.Boolean(
        "In-house rework needed", tracking=True, groups="qms_base.group_qms_user"
    )
    rework_progress = fields.Text(
        "Rework progress",
        help="5.8.5: the improvement engineer follows the rework of our stock.",
        groups="qms_base.group_qms_user",
    )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_inform_containment(self):
        """First clock: OQC and process QA are told to isolate and count."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            if complaint.date_containment_informed:
                continue
            now = fields.Datetime.now()
            company = complaint.company_id
            oqc = complaint.oqc_user_id or company.qms_complaint_oqc_user_id
            process_qa = complaint.process_qa_user_id or company.qms_complaint_process_qa_user_id
            users = oqc | process_qa
            if users:
                complaint.message_subscribe(partner_ids=users.partner_id.ids)
            complaint.message_post(
                body=self.env._(
                    "%(number)s: isolate and count the suspect %(product)s now (%(title)s). "
                    "OQC reports the finished stock, process QA the WIP, each within the "
                    "containment report time.",
                    number=complaint.name,
                    product=complaint.product_id.display_name or "-",
                    title=complaint.title,
                ),
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            complaint._qms_workflow_write({"date_containment_informed": now})
            complaint._qms_deadline_close("containment", done=now)
            complaint._qms_deadline_open("containment_stock", start=now, owner=oqc or None)
            complaint._qms_deadline_open("containment_wip", start=now, owner=process_qa or None)
        return True

    def action_report_stock(self):
        """Second clock, OQC: the finished stock isolated (the transfers) and its status."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            if not complaint.date_containment_informed:
                complaint.action_inform_containment()
            if complaint.date_stock_reported:
                continue
            if complaint.containment_picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            ):
                raise UserError(
                    self.env._("Validate the containment transfers before reporting containment.")
                )
            now = fields.Datetime.now()
            complaint._qms_workflow_write({"date_stock_reported": now})
            complaint._qms_deadline_close("containment_stock", done=now)
        return True

    def action_report_wip(self):
        """Second clock, process QA: the WIP isolated and its status."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            if not complaint.date_containment_informed:
                complaint.action_inform_containment()
            if complaint.date_wip_reported:
                continue
            now = fields.Datetime.now()
            complaint._qms_workflow_write({"date_wip_reported": now})
            complaint._qms_deadline_close("containment_wip", done=now)
        return True

    def action_report_containment(self):
        """D3 report: both reports are in (the missing ones are given now)."""
        self._qms_ensure_state("in_progress")
        self.action_report_stock()
        self.action_report_wip()
        return super().action_report_containment()

    def action_reopen_recurrence(self):
        result = super().action_reopen_recurrence()
        self._qms_workflow_write(
            {
                "date_containment_informed": False,
                "date_stock_reported": False,
                "date_wip_reported": False,
            }
        )
        return result
