import logging

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.qms_base.tests.portal_probe import probe_model
from odoo.addons.qms_survey.tests.common import SurveyCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestPortalProbe(SurveyCase, HttpCase):
    """A hostile portal customer (B) reads every field of every QMS model over
    the ORM's RPC entry points and opens every portal route, on the records of
    customer A and on its own: nothing of A's, nothing internal of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, login="probe_b", password="probe_b_pw", groups="base.group_portal"
        )
        cls.portal_user.partner_id.parent_id = cls.customer_b

    def _scenario(self):
        # One campaign for both customers, both answer low: the bridge opens an
        # internal complaint for each; a draft campaign with a note for B.
        campaign = self._campaign(note="<p>Internal: B is at risk</p>")
        invitation_a, invitation_b = self._send(campaign)
        self._answer(invitation_a, self._all("Bad"), suggestion="Cheaper please")
        self._answer(invitation_b, self._all("Poor"))
        self.assertTrue(campaign.score_avg)
        self._campaign(self.contact_b, title="Draft", note="<p>Plan to drop B</p>")
        self.internal_b = self.env["qms.complaint"].search(
            [("commercial_partner_id", "=", self.customer_b.id), ("feedback_type", "=", "internal")]
        )
        self.assertTrue(self.internal_b)
        self.complaint_a, self.complaint_b = self.env["qms.complaint"].create(
            [
                {"title": "A: scratches", "partner_id": self.customer_a.id},
                {"title": "B: cracks", "partner_id": self.customer_b.id},
            ]
        )
        (self.complaint_a | self.complaint_b).action_confirm_defect()
        self.campaign = campaign

    def test_portal_customer_reads_nothing_of_others_nor_anything_internal(self):
        self._scenario()
        env = self.env(user=self.portal_user, su=False)
        leaks, probes = [], 0
        models = [
            name
            for name in sorted(self.env.registry)
            if name.startswith("qms.")
            and not self.env[name]._abstract
            and not self.env[name]._transient
        ]
        for name in models:
            model_leaks, model_probes = probe_model(env, name, self.customer_b)
            leaks += model_leaks
            probes += model_probes
        _logger.info(
            "portal probe: %s leak(s) in %s probes over %s models", len(leaks), probes, len(models)
        )
        self.assertFalse(leaks, f"{len(leaks)} leak(s) in {probes} probes:\n" + "\n".join(leaks))
        self.assertGreater(probes, 500)
        # Its own partner reads fine; the Quality counters are for the staff only
        # (a clear AccessError, and they are left out of a read of all fields).
        own = env["res.partner"].browse(self.portal_user.partner_id.id)
        self.assertTrue(own.read(["name", "commercial_partner_id"]))
        self.assertNotIn("qms_open_count", own.fields_get())
        for counter in ("qms_open_count", "qms_complaint_count", "qms_survey_last_score"):
            with self.assertRaises(AccessError):
                own.read([counter])
        self.assertEqual(
            env["qms.survey.campaign"].search([]),
            self.campaign,
            "a draft campaign is not shown to its invited customers",
        )

    def test_portal_routes_show_only_the_customers_own_records(self):
        self._scenario()
        self.authenticate("probe_b", "probe_b_pw")
        listing = self.url_open("/my/complaints")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.complaint_b.name, listing.text)
        for foreign in (self.complaint_a, *self.internal_b):
            self.assertNotIn(foreign.name, listing.text)
            page = self.url_open(f"/my/complaints/{foreign.id}")
            self.assertEqual(page.status_code, 404, foreign.display_name)
        token = self.internal_b[0]._portal_ensure_token()
        page = self.url_open(f"/my/complaints/{self.internal_b[0].id}?access_token={token}")
        self.assertEqual(page.status_code, 404, "an internal record, even with its token")
        self.assertEqual(self.url_open(f"/my/complaints/{self.complaint_b.id}").status_code, 200)
        surveys = self.url_open("/my/surveys")
        self.assertEqual(surveys.status_code, 200)
        self.assertNotIn(self.contact_a.name, surveys.text)
        self.assertNotIn("Draft", surveys.text)
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)

    def test_other_portal_lists_keep_their_page_size(self):
        """CustomerPortal is one merged class: no QMS controller sets its page size."""
        from odoo.addons.portal.controllers.portal import CustomerPortal  # noqa: PLC0415

        classes, todo = [], [CustomerPortal]
        while todo:
            klass = todo.pop()
            classes.append(klass)
            todo += klass.__subclasses__()
        offenders = [
            klass.__module__
            for klass in classes
            if klass.__module__.startswith("odoo.addons.qms_") and "_items_per_page" in vars(klass)
        ]
        self.assertFalse(offenders)
