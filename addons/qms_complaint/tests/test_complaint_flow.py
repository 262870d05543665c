from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import ComplaintCase, send_8d_report


class TestComplaintFlow(ComplaintCase):
    def _run_8d(self, complaint):
        complaint.action_confirm_defect()
        complaint.action_notify_team()
        complaint.team_leader_id = self.manager_user
        complaint.action_next_step()  # D1
        complaint.d2_what = "Dead pixels in the upper left corner"
        complaint.action_next_step()  # D2
        complaint.qty_wip = 40
        complaint.action_next_step()  # D3 report
        complaint.write(
            {
                "root_cause_occurrence": "Bonding pressure drifted on line 3",
                "root_cause_escape": "AOI threshold too wide",
            }
        )
        complaint.action_next_step()  # D4
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
        complaint.action_approve_corrective_actions()  # the general manager (003 5.4.7)
        complaint.action_next_step()  # D5
        send_8d_report(complaint)
        self.env["qms.complaint.verification"].create(
            [
                {
                    "complaint_id": complaint.id,
                    "stage": stage,
                    "checked": "Line 3 bonding, 200 pcs",
                    "result": "pass",
                }
                for stage in ("prototype", "batch")
            ]
        )
        complaint.write({"qc_user_id": self.manager_user.id, "qc_note": "Pressure loop in place"})
        complaint.with_user(self.manager_user).action_qc_verify()
        complaint.action_next_step()  # D6
        complaint.write(
            {"lessons_learned": "<p>Monitor pressure drift</p>", "abnormality_logged": True}
        )
        # D7 waits for the corrective action of D5; its preventive action stays open.
        complaint.qms_capa_ids.result = "Pressure within ±2% for 3 weeks"
        complaint.qms_capa_ids.action_done()
        complaint._qms_capa_create(
            [
                {
                    "title": "Pressure drift in the FMEA of every bonding line",
                    "kind": "preventive",
                    "user_id": self.owner_user.id,
                    "date_deadline": fields.Date.today() + timedelta(days=30),
                }
            ]
        )
        complaint.action_next_step()  # D7

    def test_intake_from_the_form(self):
        with Form(self.env["qms.complaint"]) as form:
            form.title = "Flicker"
            form.partner_id = self.customer
            form.category_id = self.env.ref("qms_complaint.category_quality")
            form.product_id = self.product
        complaint = form.record
        self.assertTrue(complaint.name.startswith("CC"))
        self.assertEqual(complaint.state, "draft")
        self.assertEqual(
            set(complaint.qms_deadline_ids.kind_id.mapped("code")),
            {"report_8d", "handling", "closure"},
        )

    def test_happy_path_to_closure(self):
        complaint = self._complaint(
            auditor_id=self.manager_user.id, project_owner_id=self.owner_user.id
        )
        self._run_8d(complaint)
        self.assertEqual(complaint.current_step, "D8")
        with self.assertRaisesRegex(UserError, "must both confirm"):
            complaint.action_close()
        complaint.action_confirm_effect_auditor()
        complaint.action_confirm_effect_owner()
        with self.assertRaisesRegex(UserError, "Finish or cancel these actions"):
            complaint.action_close()
        preventive = complaint.qms_capa_ids.filtered(lambda c: c.state == "open")
        preventive.result = "FMEA updated on lines 1-3"
        preventive.action_done()
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(all(complaint.step_ids.mapped("date_done")))
        self.assertFalse(complaint._qms_open_deadlines(), "closing closes every deadline")
        notify, containment, report = (
            complaint.qms_deadline_ids.filtered(lambda d, c=code: d.kind_id.code == c)
            for code in ("notify", "containment", "report_8d")
        )
        self.assertEqual((notify.state, containment.state, report.state), ("done",) * 3)
        sent = complaint.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertIn(self.customer, sent.partner_ids, "the customer receives the 8D report")
        self.assertEqual(sent.attachment_ids.name, f"8D-{complaint.name}-rev0.pdf")

    def test_steps_need_their_content(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        with self.assertRaisesRegex(UserError, "D1: name the team leader"):
            complaint.action_next_step()
        complaint.team_leader_id = self.manager_user
        complaint.action_next_step()
        with self.assertRaisesRegex(UserError, "D2"):
            complaint.action_next_step()

    def test_action_is_an_activity_for_its_owner(self):
        complaint = self._complaint()
        action = complaint._qms_capa_create(
            [
                {
                    "title": "Sort stock",
                    "kind": "containment",
                    "user_id": self.manager_user.id,
                    "date_deadline": fields.Date.today() + timedelta(days=30),
                }
            ]
        )
        self.assertEqual(action.res_model, "qms.complaint")
        self.assertEqual(complaint.qms_capa_ids, action)
        self.assertEqual(action.activity_ids.user_id, self.manager_user)
        action.user_id = self.owner_user
        self.assertEqual(action.activity_ids.user_id, self.owner_user)
        with self.assertRaisesRegex(UserError, "Describe the result"):
            action.action_done()
        action.result = "Sorted 1 200 pcs, 14 rejected"
        action.action_done()
        self.assertFalse(action.activity_ids, "done: off the owner's list")

    def test_not_our_responsibility_keeps_everything(self):
        complaint = self._complaint()
        with self.assertRaisesRegex(UserError, "Explain to the customer"):
            complaint.action_not_responsible("  ")
        wizard = Form(
            self.env["qms.complaint.responsibility.wizard"].with_context(
                default_complaint_id=complaint.id
            )
        )
        wizard.explanation = "Damage from your forklift, see the signed delivery note."
        wizard.save().action_confirm()
        self.assertEqual(complaint.state, "rejected")
        self.assertEqual(complaint.not_ours_explanation, wizard.explanation)
        self.assertIn(self.customer, complaint.message_ids[0].partner_ids)
        self.assertEqual(set(complaint.qms_deadline_ids.mapped("state")), {"cancelled"})
        with self.assertRaisesRegex(UserError, "archived, never deleted"):
            complaint.unlink()
        complaint.action_archive()
        self.assertFalse(complaint.active)

    def test_consultation_is_answered_and_closed(self):
        consultation = self._complaint(feedback_type="consultation", product_id=False)
        self.assertFalse(consultation.qms_deadline_ids, "no 8D clock for a question")
        with self.assertRaisesRegex(UserError, "Only complaints run an 8D"):
            consultation.action_confirm_defect()
        consultation.action_answer()
        self.assertEqual(consultation.state, "closed")

    def _assert_refused(self, message, **values):
        # Odoo's assertRaises rolls back to a savepoint, as a failed request does.
        with self.assertRaises(ValidationError) as caught:
            self._complaint(**values)
        self.assertIn(message, str(caught.exception))

    def test_bad_input(self):
        self._assert_refused("exceeds the delivered quantity", qty_defective=600)
        other_lot = self.env["stock.lot"].create(
            {"name": "PB-1", "product_id": self.plain_product.id}
        )
        self._assert_refused("belongs to Power board", lot_id=other_lot.id)
        self._assert_refused("cannot be before", customer_due_date="2020-01-01")
        self._assert_refused("needs a customer", partner_id=False)
        self.assertFalse(self.env["qms.complaint"].search([("partner_id", "=", self.customer.id)]))

    def test_category_routes_to_its_department(self):
        department = self.env["hr.department"].create({"name": "Quality Dept"})
        category = self.env.ref("qms_complaint.category_quality")
        category.write({"department_id": department.id, "user_id": self.manager_user.id})
        complaint = self._complaint(category_id=category.id, user_id=False)
        self.assertEqual(complaint.department_id, department)
        self.assertEqual(complaint.user_id, self.manager_user)

    def test_closure_target_is_a_company_choice(self):
        # 003 5.4.9 states closure within 3 days without condition: on by default.
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.qms_complaint_closure_enabled)
        self.assertEqual(settings.qms_complaint_closure_days, 3)
        self.assertIn("closure", self._complaint().qms_deadline_ids.kind_id.mapped("code"))
        settings.qms_complaint_closure_days = 10
        settings.execute()
        closure = self._complaint().qms_deadline_ids.filtered(lambda d: d.kind_id.code == "closure")
        self.assertEqual(closure.kind_id.duration, 10)
        settings = self.env["res.config.settings"].create({})
        settings.qms_complaint_closure_enabled = False
        settings.execute()
        self.assertNotIn("closure", self._complaint().qms_deadline_ids.kind_id.mapped("code"))

    def test_partner_quality_button_counts_open_complaints(self):
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        self._complaint()
        self._complaint(feedback_type="suggestion", product_id=False).action_answer()
        self.assertEqual(contact.qms_complaint_count, 1)
        self.assertEqual(contact.qms_open_count, 1)
        action = contact.action_view_qms_complaints()
        self.assertEqual(self.env["qms.complaint"].search_count(action["domain"]), 2)
