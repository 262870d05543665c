from odoo import fields, models

CHANNELS = [("email", "E-mail"), ("sms", "SMS")]
STATES = [("sent", "Sent"), ("skipped", "Not sent")]


class QmsDeskCareMessage(models.Model):
    """One care message to one customer by one channel: sent once, never twice."""

    _name = "qms.desk.care.message"
    _description = "Customer Care Message"
    _order = "id desc"

    campaign_id = fields.Many2one(
        "qms.desk.care.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    customer_id = fields.Many2one(
        "qms.desk.customer", required=True, ondelete="cascade", index=True
    )
    channel = fields.Selection(CHANNELS, required=True)
    state = fields.Selection(STATES, required=True, default="sent")
    reason = fields.Char("Why not sent")
    address = fields.Char("Sent to")
    date_sent = fields.Datetime("Sent on", default=fields.Datetime.now)
    mail_id = fields.Many2one("mail.mail", string="E-mail", ondelete="set null")

    _sql_constraints = [
        (
            "campaign_customer_channel_uniq",
            "unique(campaign_id, customer_id, channel)",
            "A customer gets a care message once per campaign and channel.",
        ),
    ]
