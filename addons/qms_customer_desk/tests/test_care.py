from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from .common import DeskCase


class TestCustomerCare(DeskCase):
    """000 三 / 003 第五步: greetings before each public holiday of the company's
    calendar, once per holiday, never to a customer who opted out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"qms_desk_user_id": cls.owner_user.id, "email": "care@factory.cn"})
        Customer = cls.env["qms.desk.customer"]
        cls.wang = Customer.create(
            {"name": "Wang Fang", "email": "wang@example.cn", "mobile": "13905711234"}
        )
        cls.li = Customer.create(
            {"name": "Li Qiang", "email": "li@example.cn", "care_opt_out": True}
        )
        cls.zhao = Customer.create({"name": "Zhao Lei", "email": "zhao@example.cn"})
        cls.env["mail.blacklist"].create({"email": "zhao@example.cn"})
        cls.labour_day = cls.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", cls.calendar.id), ("name", "=", "劳动节")]
        )

    def _mails_to(self, email):
        return self.env["mail.mail"].search([("email_to", "ilike", email)])

    def test_holiday_greetings_go_out_once_and_never_to_an_opted_out_customer(self):
        Campaign = self.env["qms.desk.care.campaign"]
        with freeze_time("2026-04-27 01:00:00"):  # Monday; 劳动节 starts Friday 1 May
            Campaign._cron_care(today=date(2026, 4, 27))
            greeting = Campaign.search(
                [("holiday_id", "=", self.labour_day.id), ("company_id", "=", self.env.company.id)]
            )
            self.assertEqual(len(greeting), 1)
            self.assertEqual(greeting.state, "planned")
            self.assertEqual(greeting.date_holiday, date(2026, 5, 1))
            # two working days before the holiday
            self.assertEqual(greeting.date_planned, date(2026, 4, 29))
            self.assertIn("劳动节", greeting.subject)
            self.assertFalse(self._mails_to("wang@example.cn"), "not before its day")
        with freeze_time("2026-04-29 01:00:00"):
            Campaign._cron_care(today=date(2026, 4, 29))
            self.assertEqual(greeting.state, "sent")
            self.assertEqual(len(self._mails_to("wang@example.cn")), 1)
            self.assertIn("Dear Wang Fang", self._mails_to("wang@example.cn").body_html)
            self.assertIn("/qms_desk/care/opt_out/", self._mails_to("wang@example.cn").body_html)
            self.assertFalse(self._mails_to("li@example.cn"), "opted out: nothing")
            self.assertFalse(self._mails_to("zhao@example.cn"), "blacklisted: nothing")
            lines = greeting.message_line_ids
            self.assertNotIn(self.li, lines.customer_id)
            self.assertEqual(lines.filtered(lambda m: m.customer_id == self.zhao).state, "skipped")
        with freeze_time("2026-04-30 01:00:00"):
            # the scheduler runs again: no second greeting for the same holiday
            Campaign._cron_care(today=date(2026, 4, 30))
            self.assertEqual(Campaign.search_count([("holiday_id", "=", self.labour_day.id)]), 1)
            self.assertEqual(len(self._mails_to("wang@example.cn")), 1)
            with self.assertRaisesRegex(UserError, "not possible now"):
                greeting.action_send()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            Campaign.create(
                {
                    "name": "Again",
                    "kind": "holiday",
                    "holiday_id": self.labour_day.id,
                    "subject": "Again",
                    "body": "<p>Again</p>",
                }
            )

    def test_opt_out_link_and_offers(self):
        campaign = self.env["qms.desk.care.campaign"].create(
            {
                "name": "Offer",
                "kind": "offer",
                "subject": "10% off",
                "body": "<p>10% off side tables.</p>",
            }
        )
        with self.assertRaisesRegex(UserError, "not possible now"):
            campaign.action_send()
        self.assertIs(campaign.action_plan(), True)
        # Wang unsubscribes through the link of an earlier message
        self.assertFalse(self.wang._care_opt_out_by_token("forged"))
        self.assertTrue(self.wang._care_opt_out_by_token(self.wang._care_opt_out_token()))
        self.assertTrue(self.wang.care_opt_out)
        self.assertIs(campaign.action_send(), True)
        self.assertFalse(self._mails_to("wang@example.cn"))
        with self.assertRaisesRegex(UserError, "kept as it went out"):
            campaign.subject = "Changed"

    @freeze_time("2026-04-01 01:00:00")
    def test_quarterly_care_tips_are_planned_once_a_quarter(self):
        Campaign = self.env["qms.desk.care.campaign"]
        Campaign._cron_care(today=date(2026, 4, 1))
        tips = Campaign.search([("kind", "=", "tips"), ("company_id", "=", self.env.company.id)])
        self.assertEqual(len(tips), 1)
        self.assertEqual(tips.state, "draft", "written by the customer service, then planned")
        self.assertEqual(tips.activity_ids.user_id, self.owner_user)
        Campaign._cron_care(today=date(2026, 5, 15))
        self.assertEqual(
            Campaign.search_count(
                [("kind", "=", "tips"), ("company_id", "=", self.env.company.id)]
            ),
            1,
        )
        Campaign._cron_care(today=date(2026, 7, 1))
        self.assertEqual(
            Campaign.search_count(
                [("kind", "=", "tips"), ("company_id", "=", self.env.company.id)]
            ),
            2,
        )

    def test_sms_only_when_the_module_is_there_and_turned_on(self):
        campaign = self.env["qms.desk.care.campaign"].create(
            {"name": "Offer", "kind": "offer", "subject": "Offer", "body": "<p>Offer</p>"}
        )
        self.env.company.qms_desk_care_sms = True
        self.assertEqual(campaign._sms_enabled(), "sms.sms" in self.env)
        self.env.company.qms_desk_care_sms = False
        self.assertFalse(campaign._sms_enabled())
