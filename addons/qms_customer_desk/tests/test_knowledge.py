from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import DeskCase, cst


class TestKnowledgeBase(DeskCase):
    """000 客服系统建立细则: the knowledge base is updated within 48 hours of the
    event that raised it (2 working days, a setting), escalated by the shared engine."""

    def test_forty_eight_hour_deadline_escalates(self):
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-04-07 02:00:00"):  # Tuesday 10:00 Beijing
            call = self._call("13900001111", summary="Screens flicker after one hour")
            action = call.action_raise_knowledge()
            article = self.env["qms.desk.knowledge"].browse(action["res_id"])
            article.user_id = self.owner_user
            self.assertEqual(article.res_model, "qms.desk.call")
            self.assertEqual(article.res_id, call.id)
            deadline = article.qms_deadline_ids
            self.assertEqual(deadline.kind_id.code, "update")
            self.assertEqual(deadline.start, call.date_call)
            self.assertEqual(deadline.due, cst(2026, 4, 9, 10, 0))  # 48 hours, Thursday 10:00
        with freeze_time("2026-04-09 01:59:00"):
            Deadline._process_due()
            self.assertEqual(deadline.alert_level, "none")
        with freeze_time("2026-04-09 03:00:00"):  # overdue: the owner hears of it
            Deadline._process_due()
            self.assertEqual(deadline.alert_level, "owner")
        with freeze_time("2026-04-10 03:00:00"):  # one working day later: escalated
            Deadline._process_due()
            self.assertEqual(deadline.alert_level, "escalated")
        escalated = article.activity_ids.filtered(lambda a: a.user_id == self.manager_user)
        self.assertEqual(len(escalated), 1, "to the owner's manager, once")
        with freeze_time("2026-04-13 03:00:00"):
            Deadline._process_due()
        self.assertEqual(
            len(article.activity_ids.filtered(lambda a: a.user_id == self.manager_user)), 1
        )

    @freeze_time("2026-04-07 02:00:00")
    def test_publish_closes_and_update_reopens(self):
        article = self.env["qms.desk.knowledge"].create(
            {"title": "Lens cracks in the cold", "user_id": self.owner_user.id}
        )
        with self.assertRaisesRegex(UserError, "write the answer"):
            article.action_publish()
        article.answer = "<p>Store above -10 °C.</p>"
        self.assertIs(article.action_publish(), True)
        self.assertEqual(article.state, "published")
        self.assertEqual(article.qms_deadline_ids.state, "done")
        self.assertTrue(article.qms_deadline_ids.on_time)
        with self.assertRaisesRegex(UserError, "change only through its buttons"):
            article.write({"state": "draft"})
        self.assertIs(article.action_request_update(), True)
        self.assertEqual(article.state, "draft")
        self.assertEqual(len(article.qms_deadline_ids.filtered(lambda d: d.state == "open")), 1)

    def test_the_setting_changes_the_duration(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.qms_desk_knowledge_days, 2)
        settings.qms_desk_knowledge_days = 1
        settings.set_values()
        kind = self.env.ref("qms_customer_desk.deadline_kind_knowledge")
        self.assertEqual(kind.with_company(self.env.company).duration, 1)
