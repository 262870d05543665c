from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CHOICES


@tagged("post_install", "-at_install")
class TestPortalTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Suzhou Castings", "is_company": True}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="portal_qms",
            password="portal_qms",
            name="Zhao Min",
            email="zhao.min@example.com",
            groups="base.group_portal",
        )
        cls.portal_user.partner_id.write({"parent_id": cls.customer.id, "lang": "en_US"})
        overall = cls.env.ref("qms_survey.module_overall")
        quality = cls.env.ref("qms_survey.module_quality")
        survey = cls.env["survey.survey"].create(
            {
                "title": "Satisfaction questionnaire",
                "access_mode": "token",
                "questions_layout": "one_page",
                "scoring_type": "scoring_without_answers",
                "is_attempts_limited": True,
                "attempts_limit": 1,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": title,
                            "question_type": "simple_choice",
                            "qms_module_id": module.id,
                            "sequence": sequence,
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": label, "answer_score": points, "sequence": i}
                                )
                                for i, (label, points) in enumerate(CHOICES)
                            ],
                        }
                    )
                    for sequence, (title, module) in enumerate(
                        [("Price level", overall), ("Product quality", quality)]
                    )
                ],
            }
        )
        cls.campaign = cls.env["qms.survey.campaign"].create(
            {
                "title": "Portal campaign",
                "survey_id": survey.id,
                "weight_ids": [
                    Command.create({"module_id": overall.id, "weight": 50}),
                    Command.create({"module_id": quality.id, "weight": 50}),
                ],
                "invitation_ids": [Command.create({"contact_id": cls.portal_user.partner_id.id})],
            }
        )
        cls.campaign.action_send()

    def test_portal_customer_fills_the_questionnaire(self):
        invitation = self.campaign.invitation_ids
        self.start_tour("/my/surveys", "qms_survey_portal_fill", login="portal_qms")
        self.assertEqual(invitation.state, "returned")
        # Price "Very satisfied" (100), quality "Satisfied" (80), 50/50.
        self.assertAlmostEqual(invitation.score_total, 90.0)
        self.assertEqual(invitation.band, "very_satisfied")
        self.authenticate("portal_qms", "portal_qms")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["qms_survey_count"]})
        self.assertEqual(counters["qms_survey_count"], 1)
        page = self.url_open("/my/surveys").text
        self.assertIn("Portal campaign", page)
        self.assertIn("View my answers", page)


@tagged("post_install", "-at_install")
class TestBackendTour(HttpCase):
    def test_quality_user_reads_a_campaign(self):
        self.env["res.lang"]._activate_lang("en_US")
        user = new_test_user(
            self.env,
            login="qms_backend",
            password="qms_backend",
            groups="qms_base.group_qms_manager",
            lang="en_US",
        )
        customer = self.env["res.partner"].create({"name": "Backend Customer", "is_company": True})
        contact = self.env["res.partner"].create(
            {"name": "Li Na", "parent_id": customer.id, "email": "li.na@example.com"}
        )
        service = self.env.ref("qms_survey.module_service")
        survey = self.env["survey.survey"].create(
            {
                "title": "Backend questionnaire",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Response time",
                            "question_type": "simple_choice",
                            "qms_module_id": service.id,
                            "suggested_answer_ids": [
                                Command.create({"value": label, "answer_score": points})
                                for label, points in CHOICES
                            ],
                        }
                    )
                ],
            }
        )
        campaign = self.env["qms.survey.campaign"].create(
            {
                "title": "Backend campaign",
                "user_id": user.id,
                "survey_id": survey.id,
                "weight_ids": [Command.create({"module_id": service.id, "weight": 100})],
                "invitation_ids": [Command.create({"contact_id": contact.id})],
            }
        )
        campaign.action_send()
        answer = campaign.invitation_ids.user_input_id
        question = survey.question_ids
        answer._save_lines(
            question, question.suggested_answer_ids.filtered(lambda a: a.answer_score == 4).id
        )
        answer._mark_done()
        self.assertEqual(
            sorted(campaign.qms_capa_ids.mapped("survey_kind")), ["low_item", "low_total"]
        )
        self.start_tour(
            "/odoo/action-qms_survey.qms_survey_campaign_action",
            "qms_survey_backend",
            login="qms_backend",
        )
