from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import PropertyCase, cst


class TestIncident(PropertyCase):
    """Loss, damage or unsuitability: reported to the customer within the
    configured time (1 working day by default), else escalated."""

    def _incident(self, **values):
        item = self._received()
        return self.env["qms.property.incident"].create(
            {
                "property_id": item.id,
                "incident_type": "damage",
                "description": "<p>Bags torn by a forklift</p>",
                "user_id": self.owner_user.id,
                **values,
            }
        )

    def _report_deadline(self, incident):
        return incident.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "report")

    def test_report_deadline_is_one_working_day_then_escalates(self):
        # Found Friday 3 April 2026, 10:00 Beijing, before the Qingming holiday (4-6 April)
        with freeze_time("2026-04-03 02:00:00"):
            incident = self._incident(date_found="2026-04-03 02:00:00")
        deadline = self._report_deadline(incident)
        self.assertEqual(incident.partner_id, self.customer)
        self.assertEqual(deadline.due, cst(2026, 4, 7, 10, 0))
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-04-07 03:00:00"):  # Tuesday 11:00: overdue
            Deadline._process_due()
        self.assertEqual(deadline.alert_level, "owner")
        with freeze_time("2026-04-08 03:00:00"):  # one working day later
            Deadline._process_due()
        self.assertEqual(deadline.alert_level, "escalated")
        self.assertIn(self.manager_user, incident.activity_ids.user_id)

    def test_report_to_the_customer_then_compensation_and_cause(self):
        incident = self._incident()
        self.assertIs(incident.action_report(), True)
        self.assertEqual(incident.state, "reported")
        self.assertEqual(self._report_deadline(incident).state, "done")
        mail = incident.message_ids.filtered(lambda m: "incident" in (m.subject or ""))
        self.assertIn(self.customer, mail.partner_ids)
        with self.assertRaisesRegex(UserError, "compensation"):
            incident.action_agree_compensation()
        incident.compensation = "We replace the 20 damaged frames at our cost."
        incident.action_agree_compensation()
        with self.assertRaisesRegex(UserError, "cause"):
            incident.action_close()
        incident.cause = "Forklift lane too narrow at the customer property rack"
        self.assertIs(incident.action_close(), True)

    def test_duration_is_a_setting_whose_help_says_the_seeds_give_none(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.qms_property_incident_report_days, 1)
        field = settings._fields["qms_property_incident_report_days"]
        self.assertIn("give no time limit", field.help)
        settings.qms_property_incident_report_days = 2
        settings.execute()
        with freeze_time("2026-04-03 02:00:00"):
            incident = self._incident(date_found="2026-04-03 02:00:00")
        self.assertEqual(self._report_deadline(incident).due, cst(2026, 4, 8, 10, 0))

    def test_problem_in_use_is_reported_by_production_to_sales(self):
        incident = self._incident(incident_type="in_use")
        self.assertIn(self.owner_user, incident.activity_ids.user_id)
