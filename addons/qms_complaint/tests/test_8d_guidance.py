import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import ComplaintCase
from .test_reports import ReportCase


class TestEightDGuidance(ComplaintCase):
    """The 8D in the backend says where it is, who owns the step, when it is due
    and what it still needs, and refuses to complete a step left empty."""

    def _started(self, **values):
        complaint = self._complaint(**values)
        complaint.action_confirm_defect()
        return complaint

    def _step(self, complaint, code):
        return complaint.step_ids.filtered(lambda s: s.code == code)

    def _done_up_to(self, complaint, code):
        """Mark the steps before ``code`` done, as the other tests of the 8D do."""
        sequence = self._step(complaint, code).sequence
        complaint.step_ids.filtered(lambda s: s.sequence < sequence).write(
            {"date_done": fields.Datetime.now()}
        )

    def _messages(self, complaint):
        return complaint.message_ids.filtered(lambda m: m.message_type != "user_notification")

    def test_header_names_the_step_its_owner_and_due_time(self):
        complaint = self._started()
        self.assertEqual(complaint.step_progress, "d1")
        self.assertEqual(complaint.current_step_name, "D1 Team")
        self.assertEqual(complaint.current_step_user_id, self.owner_user)
        containment = self._step(complaint, "d3").due
        self.assertTrue(containment)
        self.assertEqual(complaint.current_step_due, containment, "D1 is due with containment")
        self.assertEqual(complaint.current_step_missing, "D1: name the team leader.")
        self._step(complaint, "d1").user_id = self.manager_user
        self.assertEqual(complaint.current_step_user_id, self.manager_user)
        complaint.team_leader_id = self.manager_user
        self.assertFalse(complaint.current_step_missing, "nothing left: the button completes D1")
        # Every step shows a due time: its own clock's, else the next clock's.
        for step in complaint.step_ids:
            with self.subTest(step=step.code):
                self.assertTrue(step.due_by)
        self.assertEqual(self._step(complaint, "d4").due_by, self._step(complaint, "d5").due)
        self.assertEqual(self._step(complaint, "d7").due_by, self._step(complaint, "d8").due)
        self.assertFalse(self._step(complaint, "d4").due, "D4 keeps no clock of its own")
        complaint.action_next_step()
        self.assertEqual(
            (complaint.step_progress, complaint.with_context(lang="zh_CN").current_step_name),
            ("d2", "D2 问题描述"),
        )
        complaint.step_ids.write({"date_done": fields.Datetime.now()})
        self.assertEqual(complaint.step_progress, "d8", "every step done: the bar stays on D8")
        self.assertFalse(complaint.current_step_name)

    def test_each_completion_posts_one_line(self):
        complaint = self._started(team_leader_id=self.manager_user.id)
        complaint.action_notify_team()
        complaint.action_inform_containment()
        before = self._messages(complaint)
        complaint.action_next_step()
        new = self._messages(complaint) - before
        self.assertEqual(len(new), 1)
        self.assertIn("D1 Team completed.", new.body)
        complaint.d2_what = "Dead pixels"
        complaint.action_next_step()
        complaint.qty_wip = 40
        before = self._messages(complaint)
        complaint.action_next_step()
        new = self._messages(complaint) - before
        self.assertEqual(len(new), 1, "the D3 report is one line too")
        self.assertIn("D3 Containment completed.", new.body)
        # A step already done posts nothing again.
        before = self._messages(complaint)
        complaint._complete_step("d3")
        self.assertEqual(self._messages(complaint), before)

    def test_d8_closure_is_one_line_its_state_change(self):
        complaint = self._started(
            auditor_id=self.manager_user.id, project_owner_id=self.manager_user.id
        ).with_context(tracking_disable=False)
        self._done_up_to(complaint, "d8")
        complaint.action_confirm_effect_auditor()
        complaint.action_confirm_effect_owner()
        self.env.cr.precommit.run()
        before = self._messages(complaint)
        complaint.action_next_step()
        self.env.cr.precommit.run()
        new = self._messages(complaint) - before
        self.assertEqual(complaint.state, "closed")
        self.assertEqual(len(new), 1)
        self.assertIn("Closed", new.tracking_value_ids.mapped("new_value_char"))

    def test_d3_is_not_completed_empty(self):
        complaint = self._started()
        self._done_up_to(complaint, "d3")
        self.assertIn("Nothing suspect found", complaint.current_step_missing)
        with self.assertRaisesRegex(UserError, "D3: enter the suspect quantities isolated"):
            complaint.action_next_step()
        with self.assertRaisesRegex(UserError, "未发现可疑品"):
            complaint.with_context(lang="zh_CN").action_next_step()
        self.assertFalse(self._step(complaint, "d3").date_done)
        self.assertFalse(complaint.date_contained)
        complaint.containment_nothing_found = True
        self.assertFalse(complaint.current_step_missing)
        complaint.action_next_step()
        self.assertEqual(complaint.step_progress, "d4")

    def test_d3_with_a_quantity_found(self):
        complaint = self._started()
        self._done_up_to(complaint, "d3")
        complaint.qty_customer = 3
        complaint.action_report_containment()
        self.assertTrue(self._step(complaint, "d3").date_done)

    def test_d7_waits_for_the_corrective_actions(self):
        complaint = self._started()
        action = complaint._qms_capa_create(
            [
                {
                    "title": "Closed-loop pressure control",
                    "kind": "corrective",
                    "user_id": self.owner_user.id,
                    "date_deadline": fields.Date.today() + timedelta(days=30),
                }
            ]
        )
        self._done_up_to(complaint, "d7")
        complaint.write(
            {"lessons_learned": "<p>Watch the pressure</p>", "abnormality_logged": True}
        )
        self.assertIn(action.display_name, complaint.current_step_missing)
        with self.assertRaisesRegex(
            UserError, f"D7 waits for the corrective actions of D5: .*{re.escape(action.title)}"
        ):
            complaint.action_next_step()
        with self.assertRaisesRegex(UserError, "D7 须等待 D5 的纠正措施"):
            complaint.with_context(lang="zh_CN").action_next_step()
        action.result = "Pressure within ±2%"
        action.action_done()
        complaint.action_next_step()
        self.assertEqual(complaint.step_progress, "d8")

    def test_handled_is_refused_once_the_8d_reached_d8(self):
        complaint = self._started()
        self._done_up_to(complaint, "d8")
        with self.assertRaisesRegex(UserError, "is at D8 or closed"):
            complaint.action_mark_handled()
        self.assertFalse(complaint.date_handled)
        self.assertFalse(complaint.qms_callback_ids)
        # Before D8 the customer can still be marked handled.
        earlier = self._started()
        self.assertIs(earlier.action_mark_handled(), True)
        # Feedback without an 8D is marked handled once answered and closed.
        consultation = self._complaint(feedback_type="consultation", product_id=False)
        consultation.action_answer()
        self.assertIs(consultation.action_mark_handled(), True)

    def test_the_form_offers_the_named_buttons(self):
        arch = self.env["qms.complaint"].get_views([(False, "form")])["views"]["form"]["arch"]
        for label in ("Complete D1 Team", "Complete D3 Containment", "Complete D8 and close"):
            self.assertIn(f'string="{label}"', arch)
        self.assertNotIn('string="Complete step"', arch)
        self.assertIn("step_progress == 'd8'", arch, "no “Handled” button at D8")


@tagged("post_install", "-at_install")
class TestEightDTour(HttpCase):
    def test_backend_tour_completes_d1_through_its_button(self):
        admin = self.env.ref("base.user_admin")
        customer = self.env["res.partner"].create({"name": "Tour Display Co.", "is_company": True})
        complaint = self.env["qms.complaint"].create(
            {
                "title": "Flicker on the tour",
                "partner_id": customer.id,
                "user_id": admin.id,
                "team_leader_id": admin.id,
            }
        )
        complaint.action_confirm_defect()
        self.start_tour(
            f"/odoo/action-qms_complaint.qms_complaint_action/{complaint.id}",
            "qms_complaint_8d_tour",
            login="admin",
        )
        self.assertTrue(complaint.step_ids.filtered(lambda s: s.code == "d1").date_done)
        self.assertEqual(complaint.step_progress, "d2")
        self.assertIn("D1 Team completed.", complaint.message_ids[0].body)


@tagged("post_install", "-at_install")
class TestEightDSendTour(ReportCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()
        cls.complaint.action_confirm_defect()

    def test_backend_tour_sends_the_8d_through_the_composer(self):
        self.assertTrue(self.complaint.is_report_ready)
        self.start_tour(
            f"/odoo/action-qms_complaint.qms_complaint_action/{self.complaint.id}",
            "qms_complaint_8d_send_tour",
            login="admin",
        )
        self.assertTrue(self.complaint.date_report_sent, "sending met the report deadline")
        sent = self.complaint.message_ids.filtered(lambda m: "8D report" in (m.subject or ""))
        self.assertEqual(len(sent), 1)
        # the report as attached for preview (tests render reports as HTML, not PDF)
        report_name = f"8D-{self.complaint.name}-rev{self.complaint.revision}"
        self.assertTrue(sent.attachment_ids.filtered(lambda a: a.name.startswith(report_name)))
        self.assertIn(self.customer, sent.partner_ids, "sent to the customer")
