import io

import openpyxl

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.qms_survey.tests.common import SurveyCase


class ServiceSurveyCase(SurveyCase):
    """A qualified engineer and the company's after-service survey."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = new_test_user(
            cls.env, login="qms_srv_survey_eng", name="Zhao Lei", groups="qms_base.group_qms_user"
        )
        cls.env["qms.service.qualification"].create({"user_id": cls.engineer.id})
        cls.env.company.qms_service_survey_id = cls.survey

    def _closed_request(self):
        request = self.env["qms.service.request"].create(
            {
                "title": "Press stops",
                "partner_id": self.customer_a.id,
                "contact_id": self.contact_a.id,
                "problem": "<p>Stops</p>",
                "user_id": self.engineer.id,
            }
        )
        request.action_accept()
        request.action_resolve()
        request.action_close()
        return request


@tagged("post_install", "-at_install")
class TestServiceSurvey(ServiceSurveyCase):
    def test_survey_after_completion(self):
        request = self._closed_request()
        campaign = request.survey_campaign_ids
        self.assertEqual(len(campaign), 1)
        self.assertEqual(campaign.campaign_type, "service")
        self.assertEqual(campaign.state, "sent")
        invitation = request.survey_invitation_id
        self.assertEqual(invitation.contact_id, self.contact_a)
        self.assertEqual(request.survey_state, "sent")
        self._answer(invitation, self._all("Very satisfied"))
        self.assertEqual(request.survey_state, "returned")
        self.assertEqual(request.survey_score, 100)

    def test_no_questionnaire_no_survey(self):
        self.env.company.qms_service_survey_id = False
        request = self._closed_request()
        self.assertEqual(request.state, "closed")
        self.assertFalse(request.survey_campaign_ids)

    def test_passing_the_training_exam_qualifies_the_engineer(self):
        novice = new_test_user(
            self.env, login="qms_srv_survey_novice", name="Sun Li", groups="qms_base.group_qms_user"
        )
        exam = self.env["survey.survey"].create(
            {
                "title": "Service training exam",
                "access_mode": "public",
                "scoring_type": "scoring_with_answers",
                "certification": True,
                "scoring_success_min": 80,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Reply to a customer call within?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {
                                        "value": "8 working hours",
                                        "is_correct": True,
                                        "answer_score": 10,
                                    }
                                ),
                                Command.create({"value": "A week", "answer_score": 0}),
                            ],
                        }
                    )
                ],
            }
        )
        self.env.company.qms_service_training_survey_id = exam
        request = self.env["qms.service.request"].create(
            {"title": "Alarm", "partner_id": self.customer_a.id, "problem": "<p>x</p>"}
        )
        with self.assertRaises(ValidationError):
            request.user_id = novice
        question = exam.question_ids
        # a failed attempt qualifies nobody
        failed = exam._create_answer(user=novice)
        failed._save_lines(question, question.suggested_answer_ids[1].id)
        failed._mark_done()
        self.assertFalse(
            self.env["qms.service.qualification"].search([("user_id", "=", novice.id)])
        )
        passed = exam._create_answer(user=novice, check_attempts=False)
        passed._save_lines(question, question.suggested_answer_ids[0].id)
        passed._mark_done()
        qualification = self.env["qms.service.qualification"].search([("user_id", "=", novice.id)])
        self.assertEqual(qualification.method, "exam")
        self.assertEqual(qualification.score, 100)
        request.user_id = novice
        self.assertEqual(request.user_id, novice)


@tagged("post_install", "-at_install")
class TestServiceSurveyScore(ServiceSurveyCase):
    """The survey scores are a component of the engineers' year-end score."""

    def test_survey_scores_weigh_in_the_year_end_score(self):
        first, second = self._closed_request(), self._closed_request()
        requests = first | second
        year = first.date_received.year
        kpis, score = requests._quality_scores(year)[self.engineer]
        self.assertEqual(kpis["survey_count"], 0)
        self.assertIsNone(kpis["survey_rate"], "no survey returned: left out")
        self.assertEqual(score, 100)
        self._answer(first.survey_invitation_id, self._all("Very satisfied"))
        self._answer(second.survey_invitation_id, self._all("Average"))
        kpis, score = requests._quality_scores(year)[self.engineer]
        self.assertEqual(kpis["survey_count"], 2)
        self.assertAlmostEqual(kpis["survey_score"], (100 + 60) / 2)
        self.assertAlmostEqual(kpis["survey_rate"], 0.8)
        weights = self.env.company._qms_service_score_weights()
        self.assertEqual(weights["survey"], 20)
        self.assertLess(score, 100)
        self.env.company.qms_service_score_weight_survey = 0
        self.assertEqual(requests._quality_scores(year)[self.engineer][1], 100)
        content, _type = self.env["ir.actions.report"]._render(
            "qms_service.action_report_qms_service_kpi_xlsx", requests.ids
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content))["Year-end score"]
        cells = [cell.value for row in sheet.iter_rows() for cell in row]
        self.assertIn("Survey score", cells)
        self.assertIn(80, cells)
