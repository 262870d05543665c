from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form

from odoo.addons.qms_base.tests.lifecycle_cases import CallbackCases, CapaLifecycleCases

from .common import ComplaintCase, cst


class TestWorkflowGuards(ComplaintCase):
    """The state, the number and the dates it records move through the buttons only."""

    def test_workflow_fields_are_refused_over_the_orm(self):
        complaint = self._complaint()
        for values in (
            {"state": "closed"},
            {"name": "CC1999-00001"},
            {"date_closed": "2026-03-02 08:00:00"},
            {"date_report_sent": "2026-03-02 08:00:00"},
        ):
            with (
                self.subTest(values),
                self.assertRaisesRegex(UserError, "only through its buttons"),
            ):
                complaint.write(values)
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._complaint(state="closed")
        # A context key given as a string (as an RPC call could) does not open the door.
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            complaint.with_context(_qms_complaint_workflow=True).write({"state": "closed"})
        self.assertEqual(complaint.state, "draft")
        self.assertEqual(complaint.responsibility, "pending")
        self.assertTrue(complaint.name.startswith("CC"))
        # Ordinary fields stay writable.
        complaint.write({"title": "Dead pixels, upper corner", "severity": "critical"})

    def test_actions_return_a_value(self):
        complaint = self._complaint()
        self.assertIs(complaint.action_confirm_defect(), True)
        self.assertEqual(complaint.responsibility, "ours", "computed from the confirmation")
        self.assertIs(complaint.action_notify_team(), True)
        self.assertIs(complaint.action_mark_handled(), True)
        self.assertIs(complaint.action_cancel("Logged twice"), True)

    def test_cancel(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        complaint.action_mark_handled()
        self.assertEqual(complaint.callback_state, "planned")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            complaint.action_cancel(" ")
        wizard = Form(
            self.env["qms.complaint.cancel.wizard"].with_context(default_complaint_id=complaint.id)
        )
        wizard.reason = "The customer withdrew the claim: wrong part number on their side."
        wizard.save().action_confirm()
        self.assertEqual(complaint.state, "cancelled")
        self.assertEqual(complaint.cancel_reason, wizard.reason)
        self.assertIn("wrong part number", complaint.message_ids[0].body)
        self.assertEqual(set(complaint.qms_deadline_ids.mapped("state")), {"cancelled", "done"})
        self.assertFalse(complaint._qms_open_deadlines())
        callback = complaint.qms_callback_ids
        self.assertEqual(callback.state, "cancelled", "a planned callback is cancelled, not done")
        self.assertEqual(callback.qms_deadline_ids.state, "cancelled")
        self.assertNotEqual(complaint.callback_state, "planned")
        with self.assertRaisesRegex(UserError, "not possible now"):
            complaint.action_cancel("again")
        closed = self._complaint(feedback_type="suggestion", product_id=False)
        closed.action_answer()
        with self.assertRaisesRegex(UserError, "not possible now"):
            closed.action_cancel("too late")


class TestReportSending(ComplaintCase):
    def _ready(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        return complaint

    def _fill_d4_d5(self, complaint):
        complaint.write(
            {"root_cause_occurrence": "Pressure drift", "root_cause_escape": "AOI threshold"}
        )
        complaint._qms_capa_create(
            [
                {
                    "title": "Closed-loop pressure control",
                    "kind": "corrective",
                    "user_id": self.owner_user.id,
                    "date_deadline": fields.Date.today() + timedelta(days=30),
                }
            ]
        )

    def test_report_is_offered_once_d4_and_d5_are_filled(self):
        complaint = self._ready()
        self.assertFalse(complaint.is_report_ready)
        with self.assertRaisesRegex(UserError, "D4: give both root causes"):
            complaint.action_send_report()
        complaint.write(
            {"root_cause_occurrence": "Pressure drift", "root_cause_escape": "AOI threshold"}
        )
        with self.assertRaisesRegex(UserError, "D5: plan at least one"):
            complaint.action_send_report()
        self._fill_d4_d5(complaint)
        self.assertTrue(complaint.is_report_ready)

    def test_composer_attaches_the_pdf_and_sending_closes_the_deadline(self):
        self.customer.lang = "en_US"
        complaint = self._ready()
        self._fill_d4_d5(complaint)
        action = complaint.action_send_report()
        self.assertEqual(action["res_model"], "mail.compose.message")
        template = self.env.ref("qms_complaint.mail_template_qms_complaint_8d")
        self.assertEqual(action["context"]["default_template_id"], template.id)
        self.assertEqual(
            template.report_template_ids,
            self.env.ref("qms_complaint.action_report_qms_complaint_8d"),
        )
        self.assertEqual(template._render_lang(complaint.ids)[complaint.id], "en_US")
        composer = (
            self.env["mail.compose.message"]
            .with_context(**action["context"], force_report_rendering=True)
            .create({})
        )
        self.assertEqual(composer.attachment_ids.mapped("name"), [f"8D-{complaint.name}-rev0.pdf"])
        self.assertIn(self.customer, composer.partner_ids)
        self.assertFalse(complaint.date_report_sent, "opening the composer sends nothing")
        composer.action_send_mail()
        self.assertTrue(complaint.date_report_sent)
        report = complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "report_8d")
        self.assertEqual(report.state, "done")
        sent = complaint.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(len(sent), 1)
        self.assertIn(self.customer, sent.partner_ids)
        self.assertEqual(complaint.report_attachment_id, sent.attachment_ids)
        self.assertEqual(complaint.report_attachment_id.res_model, "qms.complaint")
        self.assertEqual(complaint.report_attachment_id.res_id, complaint.id)
        self.assertEqual(complaint.report_attachment_id.mimetype, "application/pdf")
        self.assertTrue(complaint.report_attachment_id.raw.startswith(b"%PDF"))
        # A later note on the complaint is just a note.
        sent_on = complaint.date_report_sent
        complaint.message_post(body="Customer acknowledged", message_type="comment")
        self.assertEqual(complaint.date_report_sent, sent_on)

    def test_the_composer_flag_alone_sends_no_report(self):
        """The composer's flag crosses the browser, so any caller can send it: only a
        comment to someone with the PDF attached counts as the 8D sent."""
        complaint = self._ready()
        self._fill_d4_d5(complaint)
        flagged = complaint.with_context(mark_8d_report_sent=True)
        flagged.message_post(body="Report follows", message_type="comment")
        flagged.message_post(
            body="Report follows", message_type="comment", partner_ids=self.customer.ids
        )
        flagged.message_post(
            body="Report attached",
            message_type="notification",
            attachments=[("8D.pdf", b"%PDF-1.4")],
        )
        self.assertFalse(complaint.date_report_sent)
        report = complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "report_8d")
        self.assertNotEqual(report.state, "done")

    def test_the_contacts_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        contact = self.env["res.partner"].create(
            {"name": "Li Wei", "parent_id": self.customer.id, "lang": "zh_CN"}
        )
        complaint = self._complaint(contact_id=contact.id)
        template = self.env.ref("qms_complaint.mail_template_qms_complaint_8d")
        self.assertEqual(template._render_lang(complaint.ids)[complaint.id], "zh_CN")


class TestStepDues(ComplaintCase):
    def test_step_due_follows_the_deadline(self):
        # Received Friday 3 April 2026 at 10:00 Beijing, before Qingming (4-6 April).
        with freeze_time("2026-04-03 02:00:00"):
            complaint = self._complaint()
            complaint.action_confirm_defect()
        steps = {step.code: step for step in complaint.step_ids}
        deadlines = {d.kind_id.code: d for d in complaint.qms_deadline_ids}
        self.assertEqual(steps["d0"].due, deadlines["notify"].due)
        self.assertEqual(steps["d3"].due, deadlines["containment"].due)
        self.assertEqual(steps["d5"].due, cst(2026, 4, 9, 10, 0))
        self.assertFalse(steps["d2"].due, "a step without a clock has no due time")
        complaint.customer_due_date = "2026-04-07"
        self.assertEqual(deadlines["report_8d"].due, cst(2026, 4, 7, 23, 59, 59))
        self.assertEqual(steps["d5"].due, cst(2026, 4, 7, 23, 59, 59))


class TestRecurrenceRootCause(ComplaintCase):
    def test_recurrence_asks_for_a_new_root_cause(self):
        complaint = self._complaint(
            auditor_id=self.manager_user.id, project_owner_id=self.manager_user.id
        )
        complaint.action_confirm_defect()
        complaint.action_notify_team()
        complaint.write(
            {
                "team_leader_id": self.manager_user.id,
                "d2_what": "Dead pixels",
                "root_cause_occurrence": "Pressure drift",
                "root_cause_escape": "AOI threshold",
                "why_1": "Pressure too low",
                "containment_nothing_found": True,
            }
        )
        complaint.action_report_containment()
        complaint.step_ids.filtered(lambda s: s.code != "d8").write(
            {"date_done": "2026-03-02 08:00:00"}
        )
        complaint.action_confirm_effect_auditor()
        complaint.action_confirm_effect_owner()
        complaint.action_close()
        complaint.action_reopen_recurrence()

        self.assertFalse(complaint.root_cause_occurrence)
        self.assertFalse(complaint.root_cause_escape)
        self.assertFalse(complaint.why_1)
        self.assertFalse(complaint.containment_nothing_found, "D3 is stated again")
        self.assertEqual(complaint.d2_what, "Dead pixels", "the problem description stays")
        self.assertFalse(complaint.step_ids.filtered(lambda s: s.code == "d4").date_done)
        self.assertFalse(complaint.date_notified)
        self.assertFalse(complaint.date_contained)
        self.assertFalse(complaint.date_closed)
        open_kinds = complaint._qms_open_deadlines().kind_id.mapped("code")
        self.assertIn("notify", open_kinds)
        self.assertIn("containment", open_kinds)
        old = complaint.revision_ids
        self.assertIn("Pressure drift", old.summary)
        self.assertTrue(old.date_contained and old.date_closed)
        self.assertEqual(old.report_attachment_id.name, f"8D-{complaint.name}-rev0.pdf")
        self.assertTrue(old.report_attachment_id.raw)
        # The new revision's D4 needs its own root causes again.
        complaint.step_ids.filtered(lambda s: s.code in ("d2", "d3")).write(
            {"date_done": "2026-03-09 08:00:00"}
        )
        self.assertEqual(complaint.current_step, "D4")
        with self.assertRaisesRegex(UserError, "D4: give both root causes"):
            complaint.action_next_step()


class TestComplaintLifecycles(CapaLifecycleCases, CallbackCases, ComplaintCase):
    """The shared qms.capa and qms.callback lifecycles, run on a complaint."""

    callback_kind_code = "complaint"
    callback_start = cst(2026, 3, 2, 10, 0)  # Monday

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.capa_owner = cls.owner_user
        cls.capa_verifier = cls.manager_user
        with freeze_time("2026-03-02 02:00:00"):
            cls.source = cls.env["qms.complaint"].create(
                {
                    "title": "Dead pixels",
                    "partner_id": cls.customer.id,
                    "user_id": cls.owner_user.id,
                }
            )

    def _capa_source(self):
        return self.source

    def _callback_source(self):
        return self.source
