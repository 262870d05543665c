from odoo import models


class QmsSurveyCampaign(models.Model):
    _inherit = "qms.survey.campaign"

    def _qms_create_corrective_action(self, vals_list):
        """With the complaints app, each corrective action is an internal
        complaint (8D-capable) instead of a bare activity."""
        actions = self.env["qms.survey.action"].create(vals_list)
        for action in actions:
            action.complaint_id = self.env["qms.complaint"].create(action._qms_complaint_values())
        return actions
