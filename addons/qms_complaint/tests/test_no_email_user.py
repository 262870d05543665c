from odoo.tests import Form, new_test_user

from .common import ComplaintCase


class TestUserWithoutEmail(ComplaintCase):
    """Not every engineer has an e-mail address: saving a complaint or moving it
    through the 8D never asks for one. What the system writes itself is written
    by OdooBot."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = new_test_user(
            cls.env,
            login="qms_no_mail",
            name="Engineer Without Mail",
            email=False,
            groups="qms_base.group_qms_user",
        )
        cls.engineer.partner_id.email = False
        # the head of sales is told of severe complaints by an activity
        cls.env.company.qms_complaint_severe_user_id = cls.sales_head

    def test_severe_complaint_saved_and_moved_without_email(self):
        env = self.env(user=self.engineer, context=dict(self.env.context, tracking_disable=False))
        self.assertFalse(self.engineer.email)
        with Form(env["qms.complaint"]) as form:
            form.title = "Cracked housing"
            form.partner_id = self.customer
            form.product_id = self.plain_product
            form.return_requested = True
            form.qty_defective = 3
            form.qty_delivered = 300
        complaint = form.record
        self.assertTrue(complaint.is_severe)
        odoobot = self.env.ref("base.partner_root")
        severe_notes = complaint.message_ids.filtered(lambda m: "Severe complaint" in str(m.body))
        self.assertEqual(len(severe_notes), 1)
        self.assertEqual(severe_notes.author_id, odoobot)
        self.assertEqual(
            complaint.activity_ids.filtered(lambda a: a.user_id == self.sales_head).user_id,
            self.sales_head,
            "the head of sales has the severe complaint on the activity list",
        )
        complaint.action_confirm_defect()
        complaint.action_notify_team()
        complaint.action_inform_containment()
        complaint.team_leader_id = self.engineer
        complaint.action_next_step()  # D1 team
        self.assertEqual(complaint.state, "in_progress")
        self.assertTrue(complaint.date_notified)
        self.assertTrue(complaint.step_ids.filtered(lambda s: s.code == "d1").date_done)
        told = complaint.message_ids.filtered(lambda m: "Containment and the 8D" in str(m.body))
        self.assertEqual(len(told), 1, "the team is told")
        self.assertEqual(told.author_id, self.engineer.partner_id, "who told them is kept")
        self.assertTrue(told.email_from, "the mail goes out from the company's address")
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "isolate and count" in str(m.body)),
            "OQC and process QA are told to isolate",
        )
        complaint.action_cancel("Logged twice")
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "Logged twice" in str(m.body)),
        )
