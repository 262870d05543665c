from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form

from odoo.addons.qms_base.tests.lifecycle_cases import CallbackCases

from .common import SurveyCase, cst


class TestCallbackAndVisit(SurveyCase):
    def test_delivery_schedules_a_callback_7_to_15_working_days_later(self):
        picking = self._deliver(cst(2026, 3, 2, 9, 0))
        callback = self._callback(picking)
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.partner_id, self.customer_a)
        self.assertEqual(callback.date_planned, cst(2026, 3, 11, 9, 0))
        self.assertEqual(callback.kind_id.code, "delivery")
        self.assertEqual(callback.date_from, cst(2026, 3, 11, 9, 0))
        self.assertEqual(callback.date_to, cst(2026, 3, 23, 9, 0))
        self.assertTrue(callback.activity_ids)

    def test_not_reached_twice_then_failed(self):
        picking = self._deliver(cst(2026, 3, 2, 9, 0))
        callback = self._callback(picking)
        with freeze_time(cst(2026, 3, 11, 10, 0)):
            callback.action_not_reached()
        self.assertEqual((callback.state, callback.attempt), ("planned", 2))
        # The retry goes to the next working day, in the next time slot (afternoon).
        self.assertEqual(callback.date_planned, cst(2026, 3, 12, 14, 0))
        self.assertEqual(callback.slot, "afternoon")
        with freeze_time(cst(2026, 3, 12, 10, 0)):
            callback.action_not_reached()
        self.assertEqual(callback.state, "failed")
        self.assertEqual(callback.qms_deadline_ids.state, "done")

    def test_reached_records_the_answers(self):
        picking = self._deliver(cst(2026, 3, 2, 9, 0))
        callback = self._callback(picking)
        with self.assertRaisesRegex(UserError, "satisfaction"):
            callback.action_reached()
        callback.write({"survey_rating": "very_satisfied", "answer": "Parts arrived well packed."})
        with freeze_time(cst(2026, 3, 12, 10, 0)):
            callback.action_reached()
        self.assertEqual(callback.state, "done")
        self.assertTrue(callback.qms_deadline_ids.on_time)
        with self.assertRaises(UserError):
            callback.unlink()

    def test_callback_questionnaire(self):
        picking = self._deliver(cst(2026, 3, 2, 9, 0))
        callback = self._callback(picking)
        with self.assertRaisesRegex(UserError, "callback questionnaire"):
            callback.action_start_survey()
        self.env.company.qms_survey_callback_survey_id = self.survey
        action = callback.action_start_survey()
        self.assertEqual(callback.survey_user_input_id.partner_id, self.contact_a)
        self.assertIn(callback.survey_user_input_id.access_token, action["url"])
        callback.action_start_survey()
        self.assertEqual(len(self.survey.user_input_ids), 1, "one answer per callback")

    def test_visit_record(self):
        form = Form(self.env["qms.survey.visit"])
        form.partner_id = self.customer_a
        form.contact_id = self.contact_a
        form.date_planned = cst(2026, 3, 5, 2, 0)
        form.purpose = "Quarterly review"
        form.topics = "<p>Delivery performance, packaging</p>"
        visit = form.save()
        self.assertTrue(visit.name.startswith("CV"))
        with self.assertRaisesRegex(UserError, "conclusions"):
            visit.action_done()
        visit.conclusions = "<p>New packaging from April.</p>"
        visit.activity_schedule("mail.mail_activity_data_todo", summary="Send packaging drawing")
        visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(len(visit.activity_ids), 1)
        with self.assertRaises(UserError):
            visit.unlink()


class TestDeliveryCallbackLifecycle(CallbackCases, SurveyCase):
    """A delivery's satisfaction callback runs the shared callback lifecycle."""

    callback_kind_code = "delivery"
    callback_start = cst(2026, 3, 2, 9, 0)
    callback_wizard_values = {"survey_rating": "satisfied"}
    # Without the complaints bridge a delivery keeps the problem as text on the call.
    callback_raises_problem = False

    def setUp(self):
        super().setUp()
        self.delivery = self._deliver(self.callback_start)

    def _callback_source(self):
        return self.delivery
