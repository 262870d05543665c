from odoo.tests import HttpCase, tagged

from odoo.addons.qms_base.tests.portal_probe import PortalProbe


@tagged("post_install", "-at_install")
class TestPortalProbe(PortalProbe, HttpCase):
    """A hostile portal customer reads every field of every model of qms_customer_property over
    RPC and opens every /my route, on its own records and on the others': 0 leaks."""

    probe_addon = "qms_customer_property"

    def test_portal_customer_reads_nothing_of_others_nor_anything_internal(self):
        self.run_portal_probe()
