from odoo import Command, fields, models
from odoo.exceptions import UserError

STAGES = ("pre", "mid", "post")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    qms_survey_campaign_ids = fields.One2many(
        "qms.survey.campaign", "sale_order_id", string="Project stage surveys"
    )
    qms_survey_campaign_count = fields.Integer(
        "Stage survey count", compute="_compute_qms_survey_campaign_count"
    )

    def _compute_qms_survey_campaign_count(self):
        groups = self.env["qms.survey.campaign"]._read_group(
            [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"]
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.qms_survey_campaign_count = counts.get(order.id, 0)

    def action_qms_project_surveys(self):
        """Pre-, mid- and post-phase surveys of the project (001 6.2–6.4), created once."""
        self.ensure_one()
        survey = self.company_id.qms_survey_project_survey_id
        if not survey:
            raise UserError(self.env._("Choose the project stage questionnaire in the settings."))
        modules = self.env["qms.survey.module"].search([("default_weight", ">", 0)])
        existing = set(self.qms_survey_campaign_ids.mapped("project_stage"))
        labels = dict(
            self.env["qms.survey.campaign"]
            ._fields["project_stage"]
            ._description_selection(self.env)
        )
        customer = self.partner_id.commercial_partner_id
        self.env["qms.survey.campaign"].create(
            [
                {
                    "title": f"{self.name} {labels[stage]}",
                    "campaign_type": "project",
                    "project_stage": stage,
                    "sale_order_id": self.id,
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
                                "partner_id": customer.id,
                                "contact_id": self.partner_id.id,
                                "channel": "email" if self.partner_id.email else "visit",
                            }
                        )
                    ],
                }
                for stage in STAGES
                if stage not in existing
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_survey.qms_survey_campaign_action"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id, "default_campaign_type": "project"}
        return action
