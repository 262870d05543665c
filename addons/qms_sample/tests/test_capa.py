from odoo.addons.qms_base.tests.lifecycle_cases import CapaLifecycleCases

from .common import SampleCase


class TestSampleCapa(CapaLifecycleCases, SampleCase):
    """A sample's corrective actions follow the one qms.capa lifecycle."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.capa_owner = cls.owner_user
        cls.capa_verifier = cls.manager_user
        cls.capa_sample = cls.env["qms.sample"].create(
            {
                "title": "Colour board",
                "kind_id": cls.env.ref("qms_sample.sample_kind_customer").id,
                "partner_id": cls.customer.id,
                "user_id": cls.owner_user.id,
            }
        )

    def _capa_source(self):
        return self.capa_sample
