from .common import SurveyCase, cst


class TestCorrectiveActions(SurveyCase):
    def _told(self, action):
        """Who is put in charge: the activity's user, or with the complaints app
        (qms_survey_complaint, auto-installed) the internal complaint's engineer."""
        complaint = (
            action["survey_complaint_id"] if "survey_complaint_id" in action._fields else None
        )
        return complaint.user_id if complaint else action.activity_ids.user_id

    def _low_answer(self, invitation, response="Poor", **kwargs):
        return self._answer(
            invitation, {**self._all("Satisfied"), self.q_response: response}, **kwargs
        )

    def test_low_item_and_low_total_once_each(self):
        campaign = self._campaign(self.contact_a)
        invitation = self._send(campaign)
        self._low_answer(invitation, suggestion="Please answer our calls faster.")
        # Total = 0.4 × 80 + 0.3 × 40 + 0.3 × 80 = 68.
        self.assertAlmostEqual(invitation.score_total, 68.0)
        actions = campaign.qms_capa_ids
        self.assertEqual(
            sorted(actions.mapped("survey_kind")), ["low_item", "low_total", "suggestion"]
        )
        low_item = actions.filtered(lambda a: a.survey_kind == "low_item")
        self.assertEqual(low_item.survey_question_id, self.q_response)
        self.assertEqual(low_item.department_id, self.service_dept)
        self.assertEqual(self._told(low_item), self.service_head)
        low_total = actions.filtered(lambda a: a.survey_kind == "low_total")
        self.assertEqual(self._told(low_total), self.owner_user)
        suggestion = actions.filtered(lambda a: a.survey_kind == "suggestion")
        self.assertEqual(suggestion.survey_suggestion, "Please answer our calls faster.")
        self.assertEqual(invitation.suggestion, "Please answer our calls faster.")
        # Scoring again (e.g. on close) opens nothing new.
        campaign._score_answers()
        campaign.action_compute_scores()
        self.assertEqual(len(campaign.qms_capa_ids), 3)
        self.assertEqual(self.customer_a.qms_survey_capa_count, 3)
        self.assertIn(self.customer_a.id, self.customer_a._qms_quality_counts())

    def test_no_action_for_a_satisfied_customer(self):
        campaign = self._campaign(self.contact_a)
        self._answer(self._send(campaign), self._all("Satisfied"))
        self.assertFalse(campaign.qms_capa_ids)

    def test_effect_is_shown_against_the_next_campaign(self):
        first = self._campaign(self.contact_a)
        self._low_answer(self._send(first))
        low_item = first.qms_capa_ids.filtered(lambda a: a.survey_kind == "low_item")
        self.assertEqual(low_item.survey_next_effect, "pending")
        second = self._campaign(self.contact_a, title="2026 Q2", date_send=cst(2026, 4, 1, 9, 0))
        (invitation,) = self._send(second, at=cst(2026, 4, 1, 9, 0))
        self._answer(invitation, self._all("Satisfied"), at=cst(2026, 4, 2, 9, 0))
        low_item.invalidate_recordset()
        self.assertEqual(low_item.survey_next_campaign_id, second)
        self.assertEqual(low_item.survey_next_score, 80.0)
        self.assertEqual(low_item.survey_next_effect, "improved")
        low_total = first.qms_capa_ids.filtered(lambda a: a.survey_kind == "low_total")
        self.assertEqual(
            (low_total.survey_next_score, low_total.survey_next_effect), (80.0, "improved")
        )

    def test_the_next_campaign_verifies_the_effect(self):
        first = self._campaign(self.contact_a)
        self._low_answer(self._send(first))
        low_item = first.qms_capa_ids.filtered(lambda a: a.survey_kind == "low_item")
        self.assertEqual(low_item.kind, "corrective")
        self.assertEqual(low_item.survey_campaign_id, first)
        self.assertEqual(low_item.res_model, "qms.survey.campaign")
        low_item.result = "Second service hotline opened."
        low_item.action_done()
        second = self._campaign(self.contact_a, title="2026 Q2", date_send=cst(2026, 4, 1, 9, 0))
        (invitation,) = self._send(second, at=cst(2026, 4, 1, 9, 0))
        self._answer(invitation, self._all("Satisfied"), at=cst(2026, 4, 2, 9, 0))
        low_item.invalidate_recordset()
        low_item.with_user(self.manager_user).action_survey_verify_from_next_campaign()
        self.assertEqual((low_item.state, low_item.effect), ("verified", "effective"))
        self.assertIn("2026 Q2", low_item.verification_note)
