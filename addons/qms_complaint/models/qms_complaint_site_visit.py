from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext


class QmsComplaintSiteVisit(models.Model):
    """A visit to the customer's site about a complaint (000 5.8.9, 003 5.4.5):
    an appointment agreed with the customer, an internal review with the
    responsible departments and the process engineer before leaving, then the
    on-site check, with the samples brought back (labelled; a sample record
    when the samples app is installed)."""

    _name = "qms.complaint.site.visit"
    _description = "Complaint Visit to the Customer"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.workflow.mixin", "qms.frozen.mixin"]
    _qms_workflow_fields = ("state", "date_reviewed", "date_visited")
    _qms_frozen_fields = {"complaint_id": ()}
    _order = "date_appointment desc, id desc"

    complaint_id = fields.Many2one(
        "qms.complaint", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="complaint_id.company_id", store=True)
    partner_id = fields.Many2one(related="complaint_id.partner_id", string="Customer")
    contact_id = fields.Many2one("res.partner", string="Contact at the customer")
    user_id = fields.Many2one(
        "res.users", string="Visitor", default=lambda self: self.env.user, tracking=True
    )
    visitor_ids = fields.Many2many("res.users", string="Travelling with")
    date_appointment = fields.Datetime(
        "Appointment", required=True, tracking=True, help="Agreed with the customer beforehand."
    )
    preparation = fields.Text("Documents and tools to bring")
    review_notes = fields.Html(
        "Internal review",
        help="Reviewed with the responsible departments and the process engineer before leaving.",
    )
    date_reviewed = fields.Datetime("Reviewed on", readonly=True)
    date_visited = fields.Datetime("Visited on", readonly=True)
    findings = fields.Html("On-site check")
    samples_brought_back = fields.Text(
        "Samples brought back", help="What was brought back and how it is labelled."
    )
    state = fields.Selection(
        [
            ("planned", "Appointment"),
            ("reviewed", "Reviewed, ready to leave"),
            ("done", "Visited"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )

    @api.depends("complaint_id.name")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = self.env._(
                "Site visit for %(complaint)s", complaint=visit.complaint_id.name or ""
            )

    def action_review(self):
        """The internal review before leaving is done."""
        self._qms_ensure_state("planned")
        for visit in self:
            if not html2plaintext(visit.review_notes or "").strip():
                raise UserError(self.env._("Write the conclusions of the internal review first."))
        self._qms_workflow_write({"state": "reviewed", "date_reviewed": fields.Datetime.now()})
        return True

    def action_done(self):
        """Back from the customer: the findings and samples are recorded."""
        self._qms_ensure_state("reviewed")
        for visit in self:
            if not html2plaintext(visit.findings or "").strip():
                raise UserError(self.env._("Record what the on-site check found."))
        self._qms_workflow_write({"state": "done", "date_visited": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._qms_ensure_state("planned", "reviewed")
        self._qms_workflow_write({"state": "cancelled"})
        return True
