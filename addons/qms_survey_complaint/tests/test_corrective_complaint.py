from freezegun import freeze_time

from odoo.addons.qms_survey.tests.common import SurveyCase, cst


class TestCorrectiveComplaint(SurveyCase):
    """With both apps, a low score opens internal complaints, not bare activities."""

    def _low(self, campaign):
        invitation = self._send(campaign)
        self._answer(
            invitation,
            {**self._all("Satisfied"), self.q_response: "Poor"},
            suggestion="Please answer our calls faster.",
        )
        return invitation

    def test_each_action_is_an_internal_complaint_once(self):
        campaign = self._campaign(self.contact_a)
        self._low(campaign)
        actions = campaign.qms_capa_ids
        self.assertEqual(
            sorted(actions.mapped("survey_kind")), ["low_item", "low_total", "suggestion"]
        )
        complaints = actions.survey_complaint_id
        self.assertEqual(len(complaints), 3)
        self.assertEqual(set(complaints.mapped("feedback_type")), {"internal"})
        self.assertEqual(complaints.partner_id, self.customer_a)
        low_item = actions.filtered(lambda a: a.survey_kind == "low_item")
        self.assertEqual(low_item.survey_complaint_id.department_id, self.service_dept)
        self.assertEqual(low_item.survey_complaint_id.user_id, self.service_head)
        self.assertIn(
            "Please answer our calls faster.",
            actions.filtered(
                lambda a: a.survey_kind == "suggestion"
            ).survey_complaint_id.description,
        )
        self.assertFalse(actions.activity_ids, "the complaint replaces the bare activity")
        campaign._score_answers()
        self.assertEqual(
            len(campaign.qms_capa_ids.survey_complaint_id), 3, "scoring again adds none"
        )

    def test_closing_the_complaint_finishes_the_action(self):
        campaign = self._campaign(self.contact_a)
        self._low(campaign)
        low_item = campaign.qms_capa_ids.filtered(lambda a: a.survey_kind == "low_item")
        complaint = low_item.survey_complaint_id
        complaint.action_confirm_defect()
        self.assertEqual(complaint.state, "in_progress", "an internal complaint can run the 8D")
        complaint.action_not_responsible("Caused by the carrier, not by our service desk.")
        self.assertEqual(low_item.state, "cancelled")
        suggestion = campaign.qms_capa_ids.filtered(lambda a: a.survey_kind == "suggestion")
        suggestion.survey_complaint_id.action_answer()
        self.assertEqual(suggestion.state, "done")


class TestDeliveryCallbackProblem(SurveyCase):
    """With both apps, a problem raised on a delivery callback is a customer complaint."""

    def test_problem_raised_on_the_call_becomes_a_complaint(self):
        picking = self._deliver(cst(2026, 3, 2, 9, 0))
        callback = self._callback(picking)
        with freeze_time(cst(2026, 3, 11, 10, 0)):
            self.env["qms.callback.record.wizard"].create(
                {
                    "callback_id": callback.id,
                    "reached": True,
                    "survey_rating": "average",
                    "answer": "Delivery on time.",
                    "problem": "Two brake discs had rust spots.",
                }
            ).action_record()
        self.assertEqual((callback.state, callback.survey_rating), ("done", "average"))
        complaint = self.env["qms.complaint"].browse(callback.problem_res_id)
        self.assertEqual(callback.problem_res_model, "qms.complaint")
        self.assertEqual(complaint.picking_id, picking)
        self.assertEqual(complaint.partner_id, self.customer_a)
        self.assertEqual(complaint.feedback_type, "complaint")
