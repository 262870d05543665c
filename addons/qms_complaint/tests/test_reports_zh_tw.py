import os
import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .test_reports import PO_LABELS, REPORT, ReportCase


def translations(lang, occurrence=None):
    """msgid → translation of the addon's ``lang.po``, only for the entries used at
    ``occurrence`` (e.g. a portal template) when given."""
    path = os.path.join(get_module_path("qms_complaint"), "i18n", f"{lang}.po")
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(path)
        if entry.msgstr
        and (occurrence is None or any(occurrence in ref for ref, _line in entry.occurrences))
    }


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

    def test_8d_report_follows_the_contact_language(self):
        """The contact in Taipei reads traditional characters, though its company's
        language is English."""
        self.assertEqual(self.customer.lang, "en_US")
        contact = self.env["res.partner"].create(
            {"name": "Lin Mei", "parent_id": self.customer.id, "lang": "zh_TW"}
        )
        self.complaint.contact_id = contact
        html = self.env["ir.actions.report"]._render_qweb_html(REPORT, self.complaint.ids)[0]
        traditional = translations("zh_TW")
        self.assertIn(traditional["Root cause (occurrence)"], html.decode())
        self.assertNotIn("Root cause (occurrence)", html.decode())


@tagged("post_install", "-at_install")
class TestComplaintPortalTraditional(HttpCase):
    """A portal contact whose language is zh_TW reads its complaint pages in
    traditional characters: every label the English page shows is there translated,
    none in simplified characters where the two differ."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_TW")
        cls.env["ir.module.module"]._load_module_terms(
            ["portal", "qms_base", "qms_complaint"], ["zh_TW"], overwrite=True
        )
        customer = cls.env["res.partner"].create({"name": "Taipei Motors", "is_company": True})
        contact = cls.env["res.partner"].create(
            {"name": "Chen Wei", "parent_id": customer.id, "email": "chen@taipei.example"}
        )
        cls.user = new_test_user(
            cls.env, login="qms_portal_tw", groups="base.group_portal", partner_id=contact.id
        )
        cls.complaint = cls.env["qms.complaint"].create(
            {"title": "Noise at idle", "partner_id": customer.id, "customer_ref": "TW-88"}
        )

    def _page(self, url, lang):
        self.user.lang = lang  # through the user: its cached context follows
        self.env.flush_all()
        self.opener.cookies.clear()  # a new visit: no language chosen on an earlier page
        self.authenticate(self.user.login, self.user.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return re.sub(r"\s+", " ", response.text)

    def test_portal_pages_render_in_traditional_chinese(self):
        for url, template in (
            ("/my/complaints", "portal_my_complaints"),
            (f"/my/complaints/{self.complaint.id}", "portal_my_complaint"),
        ):
            occurrence = f"arch_db:qms_complaint.{template}"
            traditional = translations("zh_TW", occurrence)
            simplified = translations("zh_CN", occurrence)
            english = self._page(url, "en_US")
            shown = [msgid for msgid in traditional if len(msgid) > 3 and msgid in english]
            self.assertGreaterEqual(len(shown), 3, f"{url}: the English page shows its labels")
            page = self._page(url, "zh_TW")
            self.assertIn(self.complaint.name, page)
            for msgid in shown:
                self.assertIn(traditional[msgid], page, f"{url}: {msgid!r} in zh_TW")
                if simplified.get(msgid) and simplified[msgid] != traditional[msgid]:
                    self.assertNotIn(simplified[msgid], page, f"{url}: {msgid!r} simplified")
