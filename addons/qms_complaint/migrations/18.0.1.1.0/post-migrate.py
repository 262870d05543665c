"""18.0.1.1.0: closure within 3 days is on by default (003 5.4.9), containment
runs as two chained clocks (inform, then the OQC and process QA reports).

The deadline kinds are ``noupdate`` data: the new kinds come with the update;
the existing closure kind is switched on and the first containment clock
renamed here. The portal rules are ``noupdate`` too: internal complaints (corrective
actions a low survey score opened) must leave the customers' portal on existing
databases as well, so the rules get their new domain here."""

from odoo import SUPERUSER_ID, api

PORTAL_RULES = {
    "qms_complaint.qms_complaint_rule_portal": "[('commercial_partner_id', '=', "
    "user.partner_id.commercial_partner_id.id), ('feedback_type', '!=', 'internal')]",
    "qms_complaint.qms_complaint_step_rule_portal": "[('complaint_id.commercial_partner_id', "
    "'=', user.partner_id.commercial_partner_id.id), "
    "('complaint_id.feedback_type', '!=', 'internal')]",
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    closure = env.ref("qms_complaint.deadline_kind_closure", raise_if_not_found=False)
    if closure and not closure.active:
        closure.active = True
    containment = env.ref("qms_complaint.deadline_kind_containment", raise_if_not_found=False)
    if containment and containment.name == "Containment report":
        containment.with_context(lang="en_US").name = "Inform OQC and process QA"
    for xmlid, domain in PORTAL_RULES.items():
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
