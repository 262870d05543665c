import os

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase

from .test_reports import PO_LABELS, REPORT, ReportCase


def translations(lang):
    path = os.path.join(get_module_path("qms_complaint"), "i18n", f"{lang}.po")
    return {entry.msgid: entry.msgstr for entry in polib.pofile(path) if entry.msgstr}


class TestComplaint8DReportTraditional(ReportCase, TransactionCase):
    """Customers in Taiwan and Hong Kong read the 8D report in traditional characters."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()
        cls.env["res.lang"]._activate_lang("zh_TW")
        cls.env["ir.module.module"]._load_module_terms(["qms_complaint"], ["zh_TW"], overwrite=True)

    def test_8d_report_renders_in_traditional_chinese(self):
        self.customer.lang = "zh_TW"
        html, _type = self.env["ir.actions.report"]._render_qweb_html(REPORT, self.complaint.ids)
        html = html.decode()
        traditional, simplified = translations("zh_TW"), translations("zh_CN")
        for label in PO_LABELS:
            self.assertIn(traditional[label], html, f"{label!r} is not in traditional Chinese")
        differing = [label for label in PO_LABELS if traditional[label] != simplified[label]]
        self.assertTrue(differing, "the traditional labels differ from the simplified ones")
        for label in differing:
            self.assertNotIn(simplified[label], html)
        self.assertIn(self.complaint.name, html)
