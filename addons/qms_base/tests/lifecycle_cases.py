"""Behaviour every source of corrective actions and callbacks shares.

An addon tests its own source by mixing these into a test case that defines
``_capa_source()`` / ``_callback_source()``: one lifecycle, one test, run for
every source (the fake source here, complaints, survey campaigns, deliveries…).
"""

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import cst


class CapaLifecycleCases:
    """Needs ``self.capa_owner`` (internal user), ``self.capa_verifier`` (QMS
    manager) and ``_capa_source()`` returning a record with qms.capa.mixin."""

    def _capa_source(self):
        raise NotImplementedError

    def _new_capa(self, **vals):
        source = self._capa_source()
        return source._qms_capa_create(
            [
                {
                    "title": "Add a go/no-go gauge at final inspection",
                    "kind": "corrective",
                    "user_id": self.capa_owner.id,
                    "date_deadline": "2026-03-13",
                    **vals,
                }
            ]
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_capa_lifecycle_open_done_verified(self):
        capa = self._new_capa()
        source = self._capa_source()
        self.assertEqual(capa.res_model, source._name)
        self.assertIn(capa, source.qms_capa_ids)
        self.assertEqual(capa.state, "open")
        self.assertTrue(capa.name.startswith("CA2026-"))
        # The due date is the deadline row's; the owner has an activity for it.
        deadline = capa.qms_deadline_ids
        self.assertEqual(len(deadline), 1)
        self.assertEqual(str(capa.date_deadline), "2026-03-13")
        self.assertEqual(deadline.due, cst(2026, 3, 13, 23, 59, 59))
        activity = capa.activity_ids
        self.assertEqual(activity.user_id, self.capa_owner)
        self.assertEqual(str(activity.date_deadline), "2026-03-13")
        # Rescheduling moves the deadline and the activity together.
        capa.date_deadline = "2026-03-20"
        self.assertEqual(deadline.due, cst(2026, 3, 20, 23, 59, 59))
        self.assertEqual(str(capa.activity_ids.date_deadline), "2026-03-20")
        # Done needs a result; then the activity is done and the deadline closed on time.
        with self.assertRaisesRegex(UserError, "result"):
            capa.action_done()
        capa.result = "Gauge installed on line 3, operators trained."
        self.assertIs(capa.action_done(), True)
        self.assertEqual(capa.state, "done")
        self.assertFalse(capa.activity_ids)
        self.assertEqual(deadline.state, "done")
        self.assertTrue(deadline.on_time)
        # The owner cannot verify their own action; a manager can.
        with self.assertRaisesRegex(UserError, "own action"):
            capa.with_user(self.capa_owner).action_verify_effective()
        capa.with_user(self.capa_verifier).action_verify_effective()
        self.assertEqual((capa.state, capa.effect), ("verified", "effective"))
        self.assertEqual(capa.verification_user_id, self.capa_verifier)
        # A finished action stays: archived, never deleted.
        with self.assertRaisesRegex(UserError, "archived"):
            capa.unlink()

    @freeze_time("2026-03-02 02:00:00")
    def test_capa_not_effective_reopens_with_a_new_deadline(self):
        capa = self._new_capa()
        capa.result = "Reworked the fixture."
        capa.action_done()
        capa.with_user(self.capa_verifier).action_verify_not_effective()
        self.assertEqual((capa.state, capa.effect), ("open", "not_effective"))
        self.assertEqual(len(capa.qms_deadline_ids), 2)
        self.assertEqual(
            capa.qms_deadline_ids.filtered(lambda d: d.state == "open").owner_id, self.capa_owner
        )
        self.assertEqual(capa.activity_ids.user_id, self.capa_owner)

    @freeze_time("2026-03-02 02:00:00")
    def test_capa_state_changes_only_through_actions(self):
        capa = self._new_capa()
        with self.assertRaisesRegex(UserError, "buttons"):
            capa.write({"state": "verified"})
        with self.assertRaisesRegex(UserError, "Source record can no longer change"):
            capa.write({"res_id": capa.res_id + 1})
        self.assertIs(capa.action_cancel(), True)
        self.assertEqual(capa.qms_deadline_ids.state, "cancelled")
        self.assertFalse(capa.activity_ids)
        with self.assertRaisesRegex(UserError, "open"):
            capa.action_done()
        capa.action_reopen()
        self.assertEqual(capa.state, "open")
        self.assertEqual(capa.activity_ids.user_id, self.capa_owner)

    @freeze_time("2026-03-02 02:00:00")
    def test_capa_owner_change_moves_the_activity(self):
        capa = self._new_capa()
        capa.user_id = self.capa_verifier
        self.assertEqual(capa.activity_ids.user_id, self.capa_verifier)
        self.assertEqual(capa.qms_deadline_ids.owner_id, self.capa_verifier)


class CallbackCases:
    """Needs ``_callback_source()`` (a record with qms.callback.mixin and a
    customer), ``callback_kind_code`` and ``callback_start`` (Beijing time);
    the company calendar is China's 2026 working calendar."""

    callback_kind_code = None
    # What the call wizard needs on top of the shared fields (e.g. a satisfaction rating).
    callback_wizard_values = {}
    # Whether a problem raised on the call becomes a record of the source's choosing.
    callback_raises_problem = True

    def _callback_source(self):
        raise NotImplementedError

    def _plan_callback(self):
        source = self._callback_source()
        return source._qms_callback_schedule(self.callback_kind_code, self.callback_start)

    def test_callback_not_reached_is_retried_once_in_another_slot(self):
        with freeze_time(self.callback_start):
            callback = self._plan_callback()
        source = self._callback_source()
        self.assertEqual(source.qms_callback_state, "planned")
        self.assertEqual(callback.state, "planned")
        self.assertTrue(callback.activity_ids)
        self.assertEqual(callback.env.company.qms_callback_attempts, 2)
        first_call = callback.date_planned
        with freeze_time(first_call):
            first_slot = callback.slot
            self.assertIs(callback.action_not_reached(), True)
        self.assertEqual(callback.state, "planned")
        self.assertEqual(callback.attempt, 2)
        self.assertNotEqual(callback.slot, first_slot, "the retry goes to another time slot")
        self.assertGreater(callback.date_planned, first_call)
        self.assertEqual(
            callback.activity_ids.date_deadline, callback._local(callback.date_planned).date()
        )
        with freeze_time(callback.date_planned):
            callback.action_not_reached()
        self.assertEqual(callback.state, "failed")
        self.assertEqual(callback.attempt_ids.mapped("outcome"), ["not_reached", "not_reached"])
        self.assertEqual(len(set(callback.attempt_ids.mapped("slot"))), 2)
        self.assertEqual(source.qms_callback_state, "failed")
        self.assertFalse(callback.activity_ids)
        with self.assertRaises(UserError):
            callback.action_not_reached()

    def test_callback_reached_records_answers_and_a_new_problem(self):
        with freeze_time(self.callback_start):
            callback = self._plan_callback()
        self.assertLessEqual(callback.date_from, callback.date_planned)
        self.assertLess(callback.date_planned, callback.date_to)
        with freeze_time(callback.date_planned):
            wizard = self.env["qms.callback.record.wizard"].create(
                {
                    "callback_id": callback.id,
                    "reached": True,
                    "answer": "Satisfied with the replacement.",
                    "problem": "The labels of the new batch peel off.",
                    **self.callback_wizard_values,
                }
            )
            wizard.action_record()
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.answer, "Satisfied with the replacement.")
        self.assertEqual(callback.problem, "The labels of the new batch peel off.")
        if self.callback_raises_problem:
            self.assertTrue(callback.problem_res_id, "the new problem became a record")
        self.assertEqual(callback.qms_deadline_ids.state, "done")
        self.assertTrue(callback.qms_deadline_ids.on_time)
        self.assertEqual(self._callback_source().qms_callback_state, "done")

    def test_callback_cancelled_is_not_counted_as_done(self):
        with freeze_time(self.callback_start):
            callback = self._plan_callback()
            self._callback_source()._qms_callback_cancel()
        self.assertEqual(callback.state, "cancelled")
        self.assertEqual(callback.qms_deadline_ids.state, "cancelled")
        self.assertFalse(callback.qms_deadline_ids.on_time)
        with self.assertRaisesRegex(UserError, "buttons"):
            callback.write({"state": "done"})
