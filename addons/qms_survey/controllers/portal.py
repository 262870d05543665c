from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.qms_base.controllers.portal import QmsCustomerPortal

# Questionnaires per page of /my/surveys (CustomerPortal is one merged class:
# a class attribute here would change every portal list of the instance).
SURVEYS_PER_PAGE = 20


class QmsSurveyPortal(QmsCustomerPortal):
    """/my/surveys: the questionnaires sent to the customer's company."""

    def _qms_survey_domain(self):
        partner = request.env.user.partner_id
        return [
            ("partner_id", "=", partner.commercial_partner_id.id),
            ("state", "!=", "draft"),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "qms_survey_count" in counters:
            values["qms_survey_count"] = self._qms_portal_count(
                "qms.survey.invitation", self._qms_survey_domain()
            )
        return values

    @http.route(
        ["/my/surveys", "/my/surveys/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_qms_surveys(self, page=1, **kwargs):
        Invitation = request.env["qms.survey.invitation"]
        domain = self._qms_survey_domain()
        total = Invitation.search_count(domain)
        pager = portal_pager(url="/my/surveys", total=total, page=page, step=SURVEYS_PER_PAGE)
        invitations = Invitation.search(
            domain,
            order="date_sent desc, id desc",
            limit=SURVEYS_PER_PAGE,
            offset=pager["offset"],
        )
        contact = request.env.user.partner_id
        answers = invitations.sudo().user_input_id
        urls, print_urls = {}, {}
        for invitation in invitations:
            answer = answers.filtered(lambda a, i=invitation: a.qms_invitation_id == i)[:1]
            if answer:
                urls[invitation.id] = answer.get_start_url()
                print_urls[invitation.id] = answer.get_print_url()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "invitations": invitations,
                "invitation_urls": urls,
                "invitation_print_urls": print_urls,
                "contact": contact,
                "page_name": "qms_survey",
                "pager": pager,
                "default_url": "/my/surveys",
            }
        )
        return request.render("qms_survey.portal_my_surveys", values)
