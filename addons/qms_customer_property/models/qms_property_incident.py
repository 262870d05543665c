from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

INCIDENT_TYPES = [
    ("loss", "Lost"),
    ("damage", "Damaged"),
    ("unsuitable", "Found unsuitable"),
    ("in_use", "Problem found in use"),
]
STATES = [
    ("draft", "Found"),
    ("reported", "Reported to the customer"),
    ("agreed", "Compensation agreed"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]


class QmsPropertyIncident(models.Model):
    """Loss, damage or unsuitability of customer property (004 5.2.4, 022 6.5,
    21 4.4.5): reported to the customer by e-mail and on the portal within a
    configurable time, compensation agreed and recorded, cause investigated."""

    _name = "qms.property.incident"
    _description = "Customer Property Incident"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {"incident_type": ("draft",), "reported_by_id": ()}
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.capa.mixin",
        "qms.portal.fields.mixin",
        "qms.workflow.mixin",
    ]
    _qms_workflow_fields = ("state", "name", "date_reported")
    _qms_portal_fields = (
        "name",
        "state",
        "incident_type",
        "property_id",
        "partner_id",
        "commercial_partner_id",
        "company_id",
        "date_found",
        "date_reported",
        "description",
        "compensation",
        "access_url",
        "access_token",
        "access_warning",
    )
    _order = "date_found desc, id desc"
    _qms_sequence_code = "qms.property.incident"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    property_id = fields.Many2one("qms.property", index=True, tracking=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    incident_type = fields.Selection(
        INCIDENT_TYPES, string="Type", required=True, default="damage", tracking=True
    )
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)
    date_found = fields.Datetime("Found on", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible (sales)",
        domain=[("share", "=", False)],
        tracking=True,
        help="Tells the customer and agrees the compensation (the customer's salesperson).",
    )
    reported_by_id = fields.Many2one(
        "res.users", string="Found by", default=lambda self: self.env.user, readonly=True
    )
    description = fields.Html(required=True)
    qty_affected = fields.Float("Quantity affected", digits="Product Unit of Measure")
    date_reported = fields.Datetime("Reported on", readonly=True, copy=False)
    compensation = fields.Text("Compensation agreed", tracking=True)
    compensation_amount = fields.Monetary(currency_field="currency_id", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    cause = fields.Text(groups="qms_base.group_qms_user")

    @api.constrains("qty_affected")
    def _check_qty(self):
        for incident in self:
            if incident.qty_affected < 0:
                raise ValidationError(self.env._("Quantities cannot be negative."))

    @api.constrains("property_id", "partner_id")
    def _check_property_customer(self):
        for incident in self.sudo():
            prop = incident.property_id
            if prop and prop.commercial_partner_id != incident.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(item)s is not property of %(customer)s.",
                        item=prop.display_name,
                        customer=incident.commercial_partner_id.display_name,
                    )
                )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for incident in self:
            incident.access_url = f"/my/property/incidents/{incident.id}"
        return result

    @api.onchange("property_id")
    def _onchange_property_id(self):
        if self.property_id:
            self.partner_id = self.property_id.partner_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("partner_id") and vals.get("property_id"):
                vals["partner_id"] = (
                    self.env["qms.property"].browse(vals["property_id"]).partner_id.id
                )
            if not vals.get("partner_id"):
                raise ValidationError(self.env._("An incident needs a customer."))
            if vals.get("state", "draft") != "draft":
                raise UserError(self.env._("An incident starts as found."))
            if not vals.get("user_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                salesperson = partner.commercial_partner_id.user_id or partner.user_id
                vals["user_id"] = (salesperson or self.env.user).id
        incidents = super().create(vals_list)
        for incident in incidents:
            incident._qms_deadline_open("report", start=incident.date_found)
            if incident.incident_type == "in_use":
                # 004 5.2.2 / 5.3.3: production reports problems in use to sales
                incident.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Problem with customer property in use"),
                    user_id=incident.user_id.id,
                )
        return incidents

    def _qms_deadline_company(self):
        self.ensure_one()
        return self.company_id

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_report(self):
        """The report to the customer: e-mail, and visible on its portal."""
        self._qms_ensure_state("draft")
        template = self.env.ref(
            "qms_customer_property.mail_template_property_incident", raise_if_not_found=False
        )
        for incident in self:
            incident._qms_workflow_write(
                {"state": "reported", "date_reported": fields.Datetime.now()}
            )
            incident._portal_ensure_token()
            incident.message_subscribe(partner_ids=incident.commercial_partner_id.ids)
            if template:
                incident.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
            incident._qms_deadline_close("report")
        return True

    def action_agree_compensation(self):
        self._qms_ensure_state("reported")
        for incident in self:
            if not (incident.compensation or "").strip():
                raise UserError(
                    self.env._(
                        "%(number)s: record the compensation agreed with the customer.",
                        number=incident.name,
                    )
                )
        self._qms_workflow_write({"state": "agreed"})
        return True

    def action_close(self):
        self._qms_ensure_state("agreed")
        for incident in self:
            if not (incident.cause or "").strip():
                raise UserError(
                    self.env._("%(number)s: record the cause first.", number=incident.name)
                )
        self._qms_workflow_write({"state": "closed"})
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft")
        self._qms_deadline_cancel()
        self._qms_workflow_write({"state": "cancelled"})
        return True
