import logging

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class QmsServiceRequest(models.Model):
    """The satisfaction survey after completion (工程项目售后服务流程规范 5), sent
    through qms_survey's campaigns and invitations."""

    _inherit = "qms.service.request"

    survey_campaign_ids = fields.One2many(
        "qms.survey.campaign", "qms_service_request_id", string="Satisfaction surveys"
    )
    survey_invitation_id = fields.Many2one(
        "qms.survey.invitation",
        string="Satisfaction survey",
        compute="_compute_survey_invitation_id",
    )
    survey_state = fields.Selection(
        lambda self: self.env["qms.survey.invitation"]._fields["state"].selection,
        string="Survey",
        compute="_compute_survey_invitation_id",
    )
    survey_score = fields.Float("Survey score", compute="_compute_survey_invitation_id")

    @api.depends(
        "survey_campaign_ids.invitation_ids.state",
        "survey_campaign_ids.invitation_ids.score_total",
    )
    def _compute_survey_invitation_id(self):
        for request in self:
            invitation = request.survey_campaign_ids.invitation_ids[:1]
            request.survey_invitation_id = invitation
            request.survey_state = invitation.state
            request.survey_score = invitation.score_total

    def _service_closed(self):
        result = super()._service_closed()
        for request in self:
            request._send_satisfaction_survey()
        return result

    def _send_satisfaction_survey(self):
        """One campaign of one invitation to the request's contact, sent at once.
        A questionnaire that cannot be sent never stops the closing: the
        reason is logged on the request."""
        self.ensure_one()
        survey = self.company_id.qms_service_survey_id
        contact = self.contact_id or self.partner_id
        if not survey or self.survey_campaign_ids or self.state != "closed":
            return self.env["qms.survey.campaign"]
        modules = self.env["qms.survey.module"].search([("default_weight", ">", 0)])
        try:
            with self.env.cr.savepoint():
                campaign = (
                    self.env["qms.survey.campaign"]
                    .sudo()
                    .create(
                        {
                            "title": self.env._(
                                "Service %(number)s: satisfaction", number=self.name
                            ),
                            "campaign_type": "service",
                            "qms_service_request_id": self.id,
                            "company_id": self.company_id.id,
                            "user_id": (self.user_id or self.env.user).id,
                            "survey_id": survey.id,
                            "weight_ids": [
                                Command.create({"module_id": m.id, "weight": m.default_weight})
                                for m in modules
                            ],
                            "invitation_ids": [
                                Command.create(
                                    {
                                        "partner_id": self.commercial_partner_id.id,
                                        "contact_id": contact.id,
                                        "channel": "email" if contact.email else "visit",
                                    }
                                )
                            ],
                        }
                    )
                )
                campaign.action_send()
        except (UserError, ValidationError) as error:
            _logger.info("qms_service: no satisfaction survey for %s: %s", self.name, error)
            self.message_post(
                body=self.env._(
                    "The satisfaction survey was not sent: %(reason)s", reason=error.args[0]
                )
            )
            return self.env["qms.survey.campaign"]
        return campaign
