from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user

from .common import FakeModelsMixin, QmsCase, cst
from .lifecycle_cases import CallbackCases, CapaLifecycleCases


class FakeSourceCase(FakeModelsMixin, QmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_fake_models("QmsFakeSource")
        cls.customer = cls.env["res.partner"].create({"name": "Shenzhen Display Co."})
        cls.source = cls.env["qms.fake.source"].create({"partner_id": cls.customer.id})
        cls.capa_owner = cls.owner_user
        cls.capa_verifier = cls.manager_user
        cls.env["qms.deadline.kind"].create(
            {
                "name": "Test callback",
                "code": "test",
                "model_id": cls.env["ir.model"]._get_id("qms.callback"),
                "window_start": 3,
                "window_start_unit": "working_days",
                "duration": 7,
                "duration_unit": "working_days",
            }
        )


class TestCapaOnAnySource(CapaLifecycleCases, FakeSourceCase):
    def _capa_source(self):
        return self.source

    @freeze_time("2026-03-02 02:00:00")
    def test_source_hears_of_every_state_change(self):
        capa = self._new_capa()
        capa.result = "Done."
        capa.action_done()
        capa.with_user(self.capa_verifier).action_verify_effective()
        self.assertEqual(self.source.heard, "done;verified;")
        self.assertEqual(self.source.qms_capa_count, 1)
        self.assertEqual(self.source.qms_capa_open_count, 0)

    @freeze_time("2026-03-02 02:00:00")
    def test_owner_must_be_internal_and_due_not_past(self):
        portal = new_test_user(self.env, login="portal_capa", groups="base.group_portal")
        with self.assertRaises(ValidationError) as caught:
            self._new_capa(user_id=portal.id)
        self.assertIn("internal user", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self._new_capa(date_deadline="2026-02-27")
        self.assertIn("already past", str(caught.exception))
        self.assertFalse(self.env["qms.capa"].search([("res_model", "=", "qms.fake.source")]))

    def test_what_the_owner_wrote_is_fixed_once_done_and_the_source_decides_the_customer(self):
        capa = self.source._qms_capa_create([{"title": "Retrain", "user_id": self.capa_owner.id}])
        other = self.env["res.partner"].create({"name": "Other customer"})
        with self.assertRaisesRegex(UserError, "Customer of .* can no longer change"):
            capa.write({"partner_id": other.id})
        capa.write({"title": "Retrain the night shift"})  # open: still the owner's to word
        capa.result = "Trained 12 operators."
        capa.action_done()
        with self.assertRaisesRegex(UserError, "“Done”: Action can no longer change"):
            capa.write({"title": "Something else"})
        loose = self.env["qms.capa"].create({"title": "Audit", "user_id": self.capa_owner.id})
        loose.write({"partner_id": other.id})  # no source: its customer is the user's choice
        self.assertEqual(loose.partner_id, other)
        self.assertEqual(capa.partner_id, self.customer)

    def test_default_due_date_from_the_kind(self):
        capa = self.source._qms_capa_create([{"title": "Retrain", "user_id": self.capa_owner.id}])
        self.assertTrue(capa.date_deadline)
        self.assertEqual(
            capa.qms_deadline_ids.kind_id, self.env.ref("qms_base.qms_deadline_kind_capa_due")
        )


class TestCallbackOnAnySource(CallbackCases, FakeSourceCase):
    callback_kind_code = "test"
    callback_start = cst(2026, 3, 2, 10, 0)  # Monday

    def _callback_source(self):
        return self.source

    def test_window_and_first_call_on_working_days(self):
        callback = self._plan_callback()
        # 3 and 7 working days after Monday 2 March 2026 10:00 (Beijing).
        self.assertEqual(callback.date_from, cst(2026, 3, 5, 10, 0))
        self.assertEqual(callback.date_to, cst(2026, 3, 11, 10, 0))
        self.assertEqual(callback.partner_id, self.customer)
        self.assertEqual(callback.res_id, self.source.id)
        again = self._plan_callback()
        self.assertEqual(again, callback, "one planned callback per source and kind")

    def test_finished_hook_and_second_attempt_slot(self):
        callback = self._plan_callback()
        with self.subTest("morning call missed → afternoon of the next working day"):
            callback.with_context(qms_callback_slot="morning").action_not_reached()
            self.assertEqual(callback.slot, "afternoon")
        callback.action_reached()
        self.assertEqual(self.source.heard, "call:done;")
