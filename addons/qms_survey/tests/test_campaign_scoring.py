from odoo import Command

from .common import CHOICES, SurveyCase


class TestCampaignScoring(SurveyCase):
    def _scores(self, invitation):
        return {s.module_id: s.score for s in invitation.score_ids}

    def test_weighted_total_grade_and_band(self):
        campaign = self._campaign()
        invitation_a, invitation_b = self._send(campaign)
        self._answer(
            invitation_a,
            {
                self.q_price: "Very satisfied",
                self.q_delivery: "Average",
                self.q_response: "Poor",
                self.q_quality: "Satisfied",
                self.q_safety: "Very satisfied",
            },
        )
        self.assertEqual(
            self._scores(invitation_a), {self.overall: 80.0, self.service: 40.0, self.quality: 90.0}
        )
        self.assertAlmostEqual(invitation_a.score_total, 0.4 * 80 + 0.3 * 40 + 0.3 * 90)
        self.assertEqual((invitation_a.grade, invitation_a.band), ("B", "satisfied"))
        self._answer(invitation_b, self._all("Satisfied"))
        self.assertAlmostEqual(invitation_b.score_total, 80.0)
        self.assertEqual((invitation_b.grade, invitation_b.band), ("A", "very_satisfied"))
        self.assertAlmostEqual(campaign.score_avg, (71.0 + 80.0) / 2)
        self.assertEqual(campaign.grade_a_rate, 50.0)

    def test_unanswered_questions_and_modules(self):
        """A skipped question counts neither for nor against its module; a module
        with nothing answered gives its weight to the others."""
        invitation = self._send(self._campaign(self.contact_a))
        self._answer(
            invitation,
            {
                self.q_price: "Very satisfied",
                self.q_delivery: None,
                self.q_response: None,
                self.q_quality: "Satisfied",
                self.q_safety: "Very satisfied",
            },
        )
        self.assertEqual(self._scores(invitation), {self.overall: 100.0, self.quality: 90.0})
        self.assertAlmostEqual(invitation.score_total, (40 * 100 + 30 * 90) / 70)

    def test_conditional_question_not_shown_is_not_counted(self):
        """Odoo's own score puts every question's points in the maximum; a
        conditional question the customer never saw must not lower the module."""
        follow_up = self._question(
            "Was the late delivery explained to you?",
            self.overall,
            sequence=3,
            triggering_answer_ids=[
                Command.set(
                    (
                        self._choice(self.q_delivery, "Poor") | self._choice(self.q_delivery, "Bad")
                    ).ids
                )
            ],
        )
        invitation_a, invitation_b = self._send(self._campaign())
        # A is happy with delivery: the follow-up is never shown.
        self._answer(invitation_a, {**self._all("Satisfied"), self.q_price: "Very satisfied"})
        self.assertEqual(self._scores(invitation_a)[self.overall], 90.0)
        naive = (10 + 8 + 0) * 100 / (3 * 10)
        self.assertNotEqual(self._scores(invitation_a)[self.overall], naive)
        # B is not: the follow-up is shown and answered, it counts.
        self._answer(
            invitation_b,
            {**self._all("Satisfied"), self.q_delivery: "Poor", follow_up: "Average"},
        )
        self.assertAlmostEqual(self._scores(invitation_b)[self.overall], (8 + 4 + 6) * 100 / 30)

    def test_scoring_reads_answers_in_a_constant_number_of_queries(self):
        contacts = self.env["res.partner"].create(
            [
                {
                    "name": f"Buyer {i}",
                    "parent_id": self.customer_a.id,
                    "email": f"b{i}@example.com",
                }
                for i in range(6)
            ]
        )
        counts = []
        for group in (contacts[:2], contacts):
            campaign = self._campaign(group)
            for invitation in self._send(campaign):
                self._answer(invitation, self._all("Very satisfied"))
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = campaign._score_answers()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(result["invitations"]), len(group))
            self.assertEqual(result["modules"][self.service.id], 100.0)
        self.assertEqual(counts[0], counts[1], "scoring 6 questionnaires costs as much as 2")

    def test_late_answer_is_scored_but_not_returned(self):
        invitation = self._send(self._campaign(self.contact_a))
        self._answer(
            invitation, self._all("Very satisfied"), at=invitation.return_due.replace(year=2027)
        )
        self.assertEqual(invitation.state, "late")
        self.assertTrue(invitation.scored)
        self.assertEqual(invitation.campaign_id.return_rate, 0.0)

    def test_module_score_view_agrees_with_the_scoring_tool(self):
        """The trend charts read the stored module score rows: same numbers as Python."""
        contacts = self.env["res.partner"].create(
            [
                {
                    "name": f"Buyer {i}",
                    "parent_id": self.customer_b.id,
                    "email": f"v{i}@example.com",
                }
                for i in range(8)
            ]
        )
        campaign = self._campaign(contacts)
        labels = [label for label, _points in CHOICES] + [None]
        for index, invitation in enumerate(self._send(campaign)):
            questions = (
                self.q_price,
                self.q_delivery,
                self.q_response,
                self.q_quality,
                self.q_safety,
            )
            answers = {q: labels[(index + n * 2) % len(labels)] for n, q in enumerate(questions)}
            self._answer(invitation, answers)
        results = campaign._score_answers()["invitations"]
        rows = self.env["qms.survey.score"].search([("campaign_id", "=", campaign.id)])
        from_view = {(r.invitation_id.id, r.module_id.id): r.score for r in rows}
        from_tool = {
            (invitation_id, module_id): score
            for invitation_id, result in results.items()
            for module_id, score in result["modules"].items()
            if score is not None
        }
        self.assertEqual(from_view.keys(), from_tool.keys())
        for key, score in from_tool.items():
            self.assertAlmostEqual(from_view[key], score)
        self.assertTrue(
            any(score is None for r in results.values() for score in r["modules"].values())
        )
