from odoo.tests import HttpCase, tagged

from odoo.addons.qms_base.tests.readonly_probe import ReadonlyProbe


@tagged("post_install", "-at_install")
class TestReadonlyOverRpc(ReadonlyProbe, HttpCase):
    """What the forms of qms_survey_complaint show read-only cannot be written over
    XML-RPC either (in the states where the form shows them so)."""

    readonly_addon = "qms_survey_complaint"
    readonly_allowed = {}

    def test_readonly_form_fields_are_refused_over_xmlrpc(self):
        self.run_readonly_probe()
