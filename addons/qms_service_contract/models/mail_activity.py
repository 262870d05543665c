from odoo import models

from .qms_service_contract_follow_up import CONTACT_ACTIVITY


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """A cadence contact done on a contract plans the next one."""
        contact_type = self.env.ref(CONTACT_ACTIVITY, raise_if_not_found=False)
        contract_ids = [
            activity.res_id
            for activity in self
            if contact_type
            and activity.res_model == "qms.service.contract"
            and activity.activity_type_id == contact_type
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if contract_ids:
            self.env["qms.service.contract"].browse(contract_ids).exists()._contact_done()
        return result
