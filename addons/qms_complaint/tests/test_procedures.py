from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user

from .common import ComplaintCase, cst


class TestProcedureCase(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.oqc = new_test_user(
            cls.env, login="qms_oqc", name="OQC Inspector", groups="qms_base.group_qms_user"
        )
        cls.process_qa = new_test_user(
            cls.env, login="qms_pqa", name="Process QA", groups="qms_base.group_qms_user"
        )
        cls.general_manager = new_test_user(
            cls.env, login="qms_gm", name="General Manager", groups="qms_base.group_qms_user"
        )
        cls.env.company.write(
            {
                "qms_complaint_oqc_user_id": cls.oqc.id,
                "qms_complaint_process_qa_user_id": cls.process_qa.id,
                "qms_complaint_gm_user_id": cls.general_manager.id,
                "qms_complaint_supervisor_id": cls.manager_user.id,
            }
        )

    def _row(self, complaint, code):
        return complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == code)


class TestCustomerDate(TestProcedureCase):
    def test_a_later_customer_date_becomes_the_due_date(self):
        # Received Monday 2 March 2026 at 10:00: 3 working days = Thursday 5 March 10:00.
        with freeze_time("2026-03-02 02:00:00"):
            complaint = self._complaint(customer_due_date="2026-03-13")
        self.assertEqual(self._row(complaint, "report_8d").due, cst(2026, 3, 13, 23, 59, 59))
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-03-06 03:00:00"):  # after our 3 days, before the customer's date
            Deadline._process_due()
        self.assertEqual(self._row(complaint, "report_8d").alert_level, "none")


class TestContainmentClocks(TestProcedureCase):
    def test_the_two_containment_clocks_escalate_on_their_own(self):
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-03-02 02:00:00"):  # Monday 10:00 Beijing
            complaint = self._complaint()
            complaint.action_confirm_defect()
        inform = self._row(complaint, "containment")
        self.assertEqual(inform.due, cst(2026, 3, 2, 10, 30))
        with freeze_time("2026-03-02 02:10:00"):  # informed at 10:10
            complaint.action_inform_containment()
        self.assertEqual(inform.state, "done")
        stock, wip = (
            self._row(complaint, "containment_stock"),
            self._row(complaint, "containment_wip"),
        )
        self.assertEqual((stock.owner_id, wip.owner_id), (self.oqc, self.process_qa))
        self.assertEqual(stock.start, cst(2026, 3, 2, 10, 10), "counted from being informed")
        self.assertEqual((stock.due, wip.due), (cst(2026, 3, 2, 10, 40),) * 2)
        with freeze_time("2026-03-02 02:20:00"):  # OQC reports the stock in time
            complaint.action_report_stock()
        self.assertEqual(stock.state, "done")
        with freeze_time("2026-03-02 02:45:00"):
            Deadline._process_due()
        with freeze_time("2026-03-02 03:15:00"):  # 30 working minutes after the WIP due
            Deadline._process_due()
        self.assertEqual(wip.alert_level, "escalated", "the WIP clock escalates alone")
        self.assertEqual(stock.alert_level, "none")
        self.assertEqual(inform.alert_level, "none")
        self.assertTrue(stock.on_time)
        with freeze_time("2026-03-02 03:20:00"):
            complaint.action_report_wip()
        self.assertEqual(wip.state, "done")
        self.assertFalse(wip.on_time)

    def test_not_informed_escalates_the_first_clock_only(self):
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-03-02 02:00:00"):
            complaint = self._complaint()
            complaint.action_confirm_defect()
        with freeze_time("2026-03-02 02:35:00"):
            Deadline._process_due()
        with freeze_time("2026-03-02 03:35:00"):
            Deadline._process_due()
        self.assertEqual(self._row(complaint, "containment").alert_level, "escalated")
        self.assertFalse(self._row(complaint, "containment_stock"))
        self.assertFalse(self._row(complaint, "containment_wip"))

    def test_the_d3_report_needs_both_reports(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        complaint.action_inform_containment()
        complaint.containment_nothing_found = True
        complaint.action_report_containment()
        self.assertTrue(complaint.date_stock_reported and complaint.date_wip_reported)
        self.assertEqual(complaint.step_ids.filtered(lambda s: s.code == "d3").state, "done")


class TestClosureDefault(TestProcedureCase):
    def test_closure_in_3_days_is_on_by_default(self):
        kind = self.env.ref("qms_complaint.deadline_kind_closure")
        self.assertTrue(kind.active)
        with freeze_time("2026-03-02 02:00:00"):
            complaint = self._complaint()
        closure = self._row(complaint, "closure")
        self.assertEqual(closure.due, cst(2026, 3, 5, 10, 0), "3 working days")

    def test_the_repeat_window_says_90_days_is_ours(self):
        help_text = self.env["res.company"]._fields["qms_complaint_repeat_days"].help
        self.assertIn("90 days is our default", help_text)
        self.assertEqual(self.env.company.qms_complaint_repeat_days, 90)


class TestApprovalAndVerification(TestProcedureCase):
    def _to_d5(self, complaint):
        complaint.action_confirm_defect()
        complaint.write(
            {
                "team_leader_id": self.manager_user.id,
                "d2_what": "Scratches",
                "root_cause_occurrence": "Worn gripper",
                "root_cause_escape": "No visual check",
                "qty_wip": 12,
            }
        )
        complaint.action_report_containment()
        complaint.step_ids.filtered(lambda s: s.code in ("d1", "d2", "d4")).write(
            {"date_done": fields.Datetime.now()}
        )

    def test_the_general_manager_approves_and_qc_verifies(self):
        complaint = self._complaint(qc_user_id=self.oqc.id)
        self._to_d5(complaint)
        complaint._qms_capa_create(
            [
                {
                    "title": "Replace the gripper pads",
                    "kind": "corrective",
                    "user_id": self.owner_user.id,
                    "date_deadline": fields.Date.today() + timedelta(days=10),
                }
            ]
        )
        self.assertEqual(complaint.current_step, "D5")
        with self.assertRaisesRegex(UserError, "general manager approves"):
            complaint.action_next_step()
        self.assertTrue(complaint.is_report_ready, "the 8D report may go out before approval")
        with self.assertRaisesRegex(UserError, "Only General Manager approves"):
            complaint.with_user(self.owner_user).action_approve_corrective_actions()
        complaint.with_user(self.general_manager).action_approve_corrective_actions()
        self.assertEqual(complaint.ca_approver_id, self.general_manager)
        complaint.action_next_step()
        self.assertEqual(complaint.current_step, "D6")
        Verification = self.env["qms.complaint.verification"]
        Verification.create(
            {
                "complaint_id": complaint.id,
                "stage": "batch",
                "checked": "Lot 2701",
                "result": "pass",
            }
        )
        with self.assertRaisesRegex(UserError, "an improved prototype"):
            complaint.action_next_step()
        Verification.create(
            {
                "complaint_id": complaint.id,
                "stage": "prototype",
                "checked": "5 pcs",
                "result": "pass",
            }
        )
        with self.assertRaisesRegex(UserError, "QC verifies"):
            complaint.action_next_step()
        complaint.qc_note = "New pads fitted on all three lines"
        with self.assertRaisesRegex(UserError, "Only OQC Inspector"):
            complaint.with_user(self.owner_user).action_qc_verify()
        complaint.with_user(self.oqc).action_qc_verify()
        complaint.action_next_step()
        self.assertEqual(complaint.current_step, "D7")

    def test_a_minor_problem_corrected_on_the_spot_skips_the_action(self):
        complaint = self._complaint(severity="major")
        with self.assertRaisesRegex(ValidationError, "Only a minor problem"):
            complaint.write({"skip_corrective": True, "skip_corrective_reason": "Relabelled"})
        complaint.severity = "minor"
        with self.assertRaisesRegex(ValidationError, "Record why"):
            complaint.write({"skip_corrective": True, "skip_corrective_reason": " "})
        complaint.write(
            {"skip_corrective": True, "skip_corrective_reason": "Wrong label, relabelled on site"}
        )
        self._to_d5(complaint)
        complaint.action_next_step()  # D5 without any corrective action
        self.env["qms.complaint.verification"].create(
            {"complaint_id": complaint.id, "checked": "Relabelled lot", "result": "pass"}
        )
        complaint.action_next_step()  # D6: the correction checked, no prototype or batch
        self.assertEqual(complaint.current_step, "D7")

    def test_the_handling_report_goes_to_the_customer(self):
        complaint = self._complaint()
        complaint.action_confirm_defect()
        action = complaint.action_send_handling_report()
        composer = (
            self.env[action["res_model"]]
            .with_context(**action["context"], force_report_rendering=True)
            .create({})
        )
        composer.action_send_mail()
        self.assertTrue(complaint.date_handling_report_sent)
        self.assertEqual(complaint.handling_attachment_id.name, f"CHR-{complaint.name}.pdf")
        sent = complaint.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertIn(self.customer, sent.partner_ids)
        self.assertFalse(complaint.date_report_sent, "the 8D report is another document")


class TestReviewMeeting(TestProcedureCase):
    def test_minutes_signed_approved_and_sent(self):
        department = self.env["hr.department"].create(
            {
                "name": "Assembly",
                "manager_id": self.env["hr.employee"]
                .create({"name": "Assembly Head", "user_id": self.process_qa.id})
                .id,
            }
        )
        complaint = self._complaint()
        complaint.action_confirm_defect()
        meeting = self.env["qms.complaint.meeting"].create(
            {
                "complaint_id": complaint.id,
                "department_ids": [(6, 0, department.ids)],
                "attendee_ids": [
                    (0, 0, {"user_id": self.owner_user.id}),
                    (0, 0, {"user_id": self.oqc.id}),
                ],
                "measure_ids": [(0, 0, {"name": "Sort the stock", "kind": "containment"})],
            }
        )
        self.assertEqual(meeting.approver_id, self.manager_user)
        with self.assertRaisesRegex(UserError, "Write the minutes"):
            meeting.action_submit()
        meeting.minutes = "<p>Gripper worn; sort stock, replace pads.</p>"
        with self.assertRaisesRegex(UserError, "owner and its time"):
            meeting.action_submit()
        meeting.measure_ids.write(
            {"user_id": self.oqc.id, "date_due": fields.Date.today() + timedelta(days=2)}
        )
        meeting.action_submit()
        first, second = meeting.attendee_ids
        with self.assertRaisesRegex(UserError, "Only Quality Engineer signs"):
            first.with_user(self.oqc).action_sign()
        first.with_user(self.owner_user).action_sign()
        with self.assertRaisesRegex(UserError, "Every attendee signs"):
            meeting.with_user(self.manager_user).action_approve()
        second.with_user(self.oqc).action_sign()
        with self.assertRaisesRegex(UserError, "Only Quality Head approves"):
            meeting.with_user(self.owner_user).action_approve()
        meeting.with_user(self.manager_user).action_approve()
        self.assertEqual(meeting.state, "sent")
        capa = meeting.measure_ids.capa_id
        self.assertEqual((capa.user_id, capa.kind), (self.oqc, "containment"))
        self.assertIn(capa, complaint.qms_capa_ids)
        self.assertEqual(capa.date_deadline, meeting.measure_ids.date_due)
        sent = meeting.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn(self.process_qa.partner_id, sent.partner_ids, "the department head")


class TestSiteVisit(TestProcedureCase):
    def test_appointment_review_then_visit(self):
        complaint = self._complaint()
        visit = self.env["qms.complaint.site.visit"].create(
            {"complaint_id": complaint.id, "date_appointment": "2026-03-04 01:00:00"}
        )
        with self.assertRaisesRegex(UserError, "Site visit for .* this action is not possible now"):
            visit.action_done()
        with self.assertRaisesRegex(UserError, "internal review"):
            visit.action_review()
        visit.review_notes = "<p>Bring the limit samples and the AOI data.</p>"
        visit.action_review()
        with self.assertRaisesRegex(UserError, "on-site check"):
            visit.action_done()
        visit.write(
            {
                "findings": "<p>12 housings scratched at the same spot.</p>",
                "samples_brought_back": "3 housings, labelled CC/S1-S3",
            }
        )
        visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(complaint.site_visit_ids, visit)


class TestWholeBatchReturn(TestProcedureCase):
    def test_qa_confirms_before_the_warehouse_receives(self):
        picking = self._deliver(self.plain_product, 50)
        complaint = self._complaint(
            product_id=self.plain_product.id,
            picking_id=picking.id,
            qty_defective=50,
            qty_delivered=50,
            return_whole_batch=True,
        )
        complaint.action_create_return()
        receipt = complaint.return_picking_id
        receipt.move_ids.quantity = 50
        with self.assertRaisesRegex(UserError, "QA confirms the returned batch"):
            receipt.button_validate()
        with self.assertRaisesRegex(UserError, "what QA found"):
            complaint.action_qa_confirm_return()
        complaint.return_qa_note = "Whole lot cracked at the boss"
        complaint.action_qa_confirm_return()
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")

    def test_rework_is_planned_to_the_customers_date(self):
        complaint = self._complaint(rework_date_required=date(2026, 3, 10))
        with freeze_time("2026-03-02 02:00:00"):
            complaint.action_plan_rework()
        self.assertEqual(complaint.rework_due, cst(2026, 3, 10, 23, 59, 59))
        complaint.rework_date_required = date(2026, 3, 12)
        self.assertEqual(complaint.rework_due, cst(2026, 3, 12, 23, 59, 59))
        complaint.action_rework_done()
        self.assertEqual(self._row(complaint, "rework").state, "done")


class TestStatistics(TestProcedureCase):
    def test_half_year_statistics_and_recurring_classes(self):
        with freeze_time("2026-02-10 02:00:00"):
            first = self._complaint(title="Scratches 1")
        with freeze_time("2026-03-10 02:00:00"):
            second = self._complaint(title="Scratches 2")
            self._complaint(title="Board", product_id=self.plain_product.id)
            self._complaint(title="A question", feedback_type="consultation", product_id=False)
        with freeze_time("2026-08-10 02:00:00"):
            self._complaint(title="Next half-year")
        second.recurrence_class = "workmanship"
        stats = self.env["qms.complaint.statistics"].create(
            {"date_from": date(2026, 1, 1), "date_to": date(2026, 6, 30)}
        )
        self.assertEqual(stats.complaint_count, 3)
        self.assertEqual(stats.recurring_count, 2)
        data = stats._statistics()
        self.assertEqual(dict(data["months"]), {"2026-02": 1, "2026-03": 2})
        self.assertEqual(dict(data["types"]), {"Complaint": 3, "Consultation": 1})
        recurring = dict(data["recurring"])
        self.assertEqual(recurring["Workmanship quality"], second)
        self.assertEqual(recurring["Not classified"], first)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "qms_complaint.action_report_qms_complaint_statistics", stats.ids
        )
        self.assertIn(b"Workmanship quality", html)
        content, kind = self.env["ir.actions.report"]._render(
            "qms_complaint.complaint_statistics_xlsx", stats.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
