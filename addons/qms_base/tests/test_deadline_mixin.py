from .common import FakeModelsMixin, QmsCase, cst

START = cst(2026, 3, 2, 9, 0)


class TestDeadlineMixin(FakeModelsMixin, QmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_fake_models("QmsFakeDocument")
        cls.env["qms.deadline.kind"].create(
            {
                "name": "Containment due",
                "code": "containment",
                "model_id": cls.env["ir.model"]._get_id("qms.fake.document"),
                "duration": 30,
                "duration_unit": "working_minutes",
                "escalation_delay": 30,
                "escalation_delay_unit": "working_minutes",
            }
        )

        cls.env["ir.sequence"].create(
            {
                "name": "Test documents",
                "code": "qms.fake.document",
                "prefix": "CC%(range_year)s-",
                "padding": 5,
                "use_date_range": True,
            }
        )

    def test_open_close_and_overdue_flag(self):
        document = self.env["qms.fake.document"].create({"user_id": self.owner_user.id})
        document._qms_deadline_open("containment", start=START)
        self.assertEqual(document.qms_next_due, cst(2026, 3, 2, 9, 30))
        self.assertTrue(document.qms_overdue, "2 March 2026 is long past")
        self.assertIn(document, self.env["qms.fake.document"].search([("qms_overdue", "=", True)]))
        document._qms_deadline_close("containment", done=cst(2026, 3, 2, 9, 20))
        self.assertFalse(document.qms_overdue)
        self.assertTrue(document.qms_deadline_ids.on_time)
        self.assertNotIn(
            document, self.env["qms.fake.document"].search([("qms_overdue", "=", True)])
        )

    def test_cron_calls_the_record_hook_at_each_level(self):
        document = self.env["qms.fake.document"].create({"user_id": self.owner_user.id})
        document._qms_deadline_open("containment", start=START)
        self.env["qms.deadline"]._process_due(now=cst(2026, 3, 2, 9, 45))
        self.env["qms.deadline"]._process_due(now=cst(2026, 3, 2, 10, 5))
        self.assertEqual(document.reached, "owner;escalated;")
        self.assertEqual(document.activity_ids.user_id, self.owner_user | self.manager_user)

    def test_a_failing_hook_does_not_stop_the_batch(self):
        document = self.env["qms.fake.document"].create(
            {"user_id": self.owner_user.id, "broken": True}
        )
        document._qms_deadline_open("containment", start=START)
        customer = self._customers(1)
        self._open(customer, start=START)
        with self.assertLogs("odoo.addons.qms_base.models.qms_deadline", "ERROR") as logs:
            self.assertEqual(self.env["qms.deadline"]._process_due(now=cst(2026, 3, 6, 10, 0)), 2)
        self.assertIn("_qms_deadline_reached failed", logs.output[0])
        self.assertEqual(document.qms_deadline_ids.alert_level, "escalated", "the row moved on")
        self.assertTrue(document.activity_ids, "its notices were sent")
        self.assertEqual(customer.activity_ids.user_id, self.owner_user | self.manager_user)

    def test_cancel(self):
        document = self.env["qms.fake.document"].create({"user_id": self.owner_user.id})
        document._qms_deadline_open("containment", start=START)
        document._qms_deadline_cancel()
        self.assertEqual(document.qms_deadline_ids.state, "cancelled")
        self.assertFalse(document.qms_deadline_ids.on_time)

    def test_deleting_the_document_cancels_its_open_deadlines(self):
        document = self.env["qms.fake.document"].create({"user_id": self.owner_user.id})
        deadline = document._qms_deadline_open("containment", start=START)
        document.unlink()
        self.assertEqual(deadline.state, "cancelled")
        self.assertFalse(deadline.next_check, "the cron will not look at it again")

    def test_record_numbers_follow_the_year(self):
        Document = self.env["qms.fake.document"]
        first = Document.create({"date": "2026-05-01"})
        second = Document.create({"date": "2026-06-01"})
        next_year = Document.create({"date": "2027-01-04"})
        self.assertEqual(first.name, "CC2026-00001")
        self.assertEqual(second.name, "CC2026-00002")
        self.assertEqual(next_year.name, "CC2027-00001")

    def test_partner_quality_button(self):
        partner = self._customers(1)
        self.assertEqual(partner.qms_open_count, 0)
        action = partner.action_open_qms_quality()
        self.assertEqual(action["res_id"], partner.id)
        self.assertEqual(
            action["views"][0][0], self.env.ref("qms_base.res_partner_view_form_quality").id
        )
