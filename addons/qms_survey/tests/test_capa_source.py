from odoo import Command

from odoo.addons.qms_base.tests.lifecycle_cases import CapaLifecycleCases

from .common import SurveyCase


class TestCampaignCapaLifecycle(CapaLifecycleCases, SurveyCase):
    """A satisfaction campaign is a source of corrective actions like any other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.capa_owner = cls.owner_user
        cls.capa_verifier = cls.manager_user
        cls.source_campaign = cls.env["qms.survey.campaign"].create(
            {
                "title": "Lifecycle campaign",
                "survey_id": cls.survey.id,
                "weight_ids": [Command.create({"module_id": cls.overall.id, "weight": 100})],
            }
        )

    def _capa_source(self):
        return self.source_campaign
