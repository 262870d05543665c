"""18.0.1.1.0: the index bands are inclusive at their lower edge, as 001 reads
them ("80分以上": 80 and above is very satisfied). Questionnaires scored exactly
at the company's very-satisfied edge move up to that band. The portal rule of
campaigns (``noupdate``) stops showing campaigns whose invitation was not sent."""

from odoo import SUPERUSER_ID, api

CAMPAIGN_PORTAL_DOMAIN = (
    "[('invitation_ids', 'any', [('partner_id', '=', user.commercial_partner_id.id), "
    "('state', '!=', 'draft')])]"
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE qms_survey_invitation i
           SET band = 'very_satisfied'
          FROM res_company c
         WHERE c.id = i.company_id
           AND i.scored
           AND i.band = 'satisfied'
           AND i.score_total >= c.qms_survey_band_very_satisfied
        """
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("qms_survey.qms_survey_campaign_rule_portal", raise_if_not_found=False)
    if rule:
        rule.domain_force = CAMPAIGN_PORTAL_DOMAIN
