from odoo.tests import Form

from .common import ComplaintCase


class TestCallback(ComplaintCase):
    """The follow-up callback is a qms.callback of kind "complaint" (qms_base)."""

    def _handled(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        complaint.action_mark_handled()
        return complaint

    def _record(self, complaint, **values):
        action = complaint.action_record_callback()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        for name, value in values.items():
            setattr(wizard, name, value)
        wizard.save().action_record()

    def _calls(self, complaint):
        return complaint.qms_callback_ids.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
        )

    def test_not_reached_gives_a_second_attempt(self):
        complaint = self._handled()
        self.assertEqual(complaint.callback_state, "planned")
        callback = complaint.qms_callback_ids
        self.assertEqual(callback.kind_id, self.env.ref("qms_complaint.deadline_kind_callback"))
        self.assertEqual(len(self._calls(complaint)), 1)
        self._record(complaint, reached=False, slot="morning")
        self.assertEqual(len(self._calls(complaint)), 1, "the next attempt replaces the first")
        self.assertEqual(callback.attempt, 2)
        self.assertEqual(callback.slot, "afternoon", "another time slot")
        self._record(complaint, reached=False, slot="afternoon")
        self.assertEqual(complaint.callback_state, "failed")
        self.assertFalse(self._calls(complaint))
        self.assertEqual(callback.attempt_ids.mapped("slot"), ["morning", "afternoon"])

    def test_reached_with_a_new_problem(self):
        complaint = self._handled()
        self._record(
            complaint,
            reached=True,
            slot="afternoon",
            answer="Replacement fine",
            problem="Backlight uneven on the new batch",
        )
        self.assertEqual(complaint.callback_state, "done")
        child = complaint.child_ids
        self.assertEqual(len(child), 1)
        self.assertEqual(child.partner_id, self.customer)
        self.assertIn("Backlight uneven", child.description)
        callback = complaint.qms_callback_ids
        self.assertEqual(
            (callback.problem_res_model, callback.problem_res_id), (child._name, child.id)
        )
        self.assertEqual(callback.qms_deadline_ids.state, "done")

    def test_closing_cancels_a_planned_callback(self):
        complaint = self._complaint(
            auditor_id=self.manager_user.id, project_owner_id=self.manager_user.id
        )
        complaint.action_confirm_defect()
        complaint.action_mark_handled()
        complaint.step_ids.filtered(lambda s: s.code != "d8").write(
            {"date_done": "2026-03-02 08:00:00"}
        )
        complaint.action_confirm_effect_auditor()
        complaint.action_confirm_effect_owner()
        complaint.action_close()
        callback = complaint.qms_callback_ids
        self.assertEqual(callback.state, "cancelled", "closing never counts the call as done")
        self.assertEqual(callback.qms_deadline_ids.state, "cancelled")
        self.assertFalse(self._calls(complaint))
        self.assertEqual(complaint.callback_state, "none")


class TestRecurrence(ComplaintCase):
    def test_recurrence_reopens_a_new_revision(self):
        complaint = self._complaint(
            auditor_id=self.manager_user.id, project_owner_id=self.manager_user.id
        )
        complaint.action_confirm_defect()
        complaint.write(
            {
                "team_leader_id": self.manager_user.id,
                "d2_what": "Dead pixels",
                "root_cause_occurrence": "Pressure drift",
                "root_cause_escape": "AOI threshold",
                "lessons_learned": "<p>Watch the pressure</p>",
                "abnormality_logged": True,
            }
        )
        self.env["qms.complaint.verification"].create(
            {"complaint_id": complaint.id, "checked": "200 pcs", "result": "pass"}
        )
        complaint.step_ids.filtered(lambda s: s.code != "d8").write(
            {"date_done": "2026-03-02 08:00:00"}
        )
        complaint.action_confirm_effect_auditor()
        complaint.action_confirm_effect_owner()
        complaint.action_close()
        complaint.action_reopen_recurrence()
        self.assertEqual(complaint.state, "in_progress")
        self.assertEqual(complaint.revision, 1)
        old = complaint.revision_ids
        self.assertEqual(len(old), 1)
        self.assertEqual(old.revision, 0)
        self.assertIn("Pressure drift", old.summary)
        self.assertTrue(old.date_closed)
        self.assertFalse(
            complaint.date_auditor_confirmed, "the new revision needs a new confirmation"
        )
        self.assertEqual(complaint.current_step, "D2")
        self.assertEqual(
            len(complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "containment")), 2
        )
