from odoo import fields, models

# What a finished internal complaint means for the survey action behind it.
ACTION_STATE = {"closed": "done", "rejected": "cancelled", "cancelled": "cancelled"}


class QmsComplaint(models.Model):
    _inherit = "qms.complaint"

    survey_action_ids = fields.One2many(
        "qms.survey.action", "complaint_id", string="Satisfaction actions"
    )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") in ACTION_STATE:
            self.survey_action_ids.filtered(lambda a: a.state == "open").write(
                {"state": ACTION_STATE[vals["state"]]}
            )
        return result
