from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    qms_survey_last_score = fields.Float(
        "Last satisfaction score",
        compute="_compute_qms_survey_last_score",
        groups="base.group_user",
        help="The customer's average total in the last campaign that scored it "
        "(all its contacts who answered).",
    )
    qms_survey_capa_count = fields.Integer(
        "Open satisfaction actions",
        compute="_compute_qms_survey_last_score",
        groups="base.group_user",
    )

    def _compute_qms_survey_last_score(self):
        commercial = self.commercial_partner_id
        groups = self.env["qms.survey.invitation"]._read_group(
            [("partner_id", "in", commercial.ids), ("scored", "=", True)],
            ["partner_id", "campaign_id"],
            ["score_total:avg", "campaign_date:max"],
        )
        last = {}
        for partner, _campaign, average, _date in sorted(
            groups, key=lambda row: (row[3], row[1].id), reverse=True
        ):
            last.setdefault(partner.id, average)
        actions = dict(
            self.env["qms.capa"]._read_group(
                [
                    ("partner_id", "in", commercial.ids),
                    ("res_model", "=", "qms.survey.campaign"),
                    ("state", "=", "open"),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        actions = {partner.id: count for partner, count in actions.items()}
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.qms_survey_last_score = last.get(key, 0.0)
            partner.qms_survey_capa_count = actions.get(key, 0)

    def _qms_quality_counts(self):
        counts = super()._qms_quality_counts()
        groups = self.env["qms.capa"]._read_group(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("res_model", "=", "qms.survey.campaign"),
                ("state", "=", "open"),
            ],
            ["partner_id"],
            ["__count"],
        )
        for partner, count in groups:
            counts[partner.id] = counts.get(partner.id, 0) + count
        return counts

    def action_view_qms_survey_invitations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_survey.qms_survey_invitation_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action
