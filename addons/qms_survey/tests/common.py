from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.qms_base.tests.common import QmsCase, cst

# 10 / 8 / 6 / 4 / 2 points: a question scores 100, 80, 60, 40 or 20 %.
CHOICES = [("Very satisfied", 10), ("Satisfied", 8), ("Average", 6), ("Poor", 4), ("Bad", 2)]


class SurveyCase(QmsCase):
    """A three-module questionnaire (overall 40 %, service 30 %, quality 30 %),
    two customers with contacts, a service department, Beijing working time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages and reports are checked in English (databases may default to Chinese).
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.env.company.qms_survey_return_target = 99.0
        cls.env.ref("qms_survey.deadline_kind_return").duration = 5
        # Company-wide figures (per quarter, trends) are read in a company of their own,
        # untouched by demo data.
        cls.fresh_company = cls.env["res.company"].create(
            {"name": "QMS Survey Test Co", "qms_calendar_id": cls.calendar.id}
        )
        cls.fresh_company.partner_id.lang = "en_US"
        cls.env.company.partner_id.write({"lang": "en_US"})
        cls.overall = cls.env.ref("qms_survey.module_overall")
        cls.service = cls.env.ref("qms_survey.module_service")
        cls.quality = cls.env.ref("qms_survey.module_quality")
        cls.service_head = new_test_user(
            cls.env, login="service_head", name="Service Head", groups="qms_base.group_qms_user"
        )
        cls.service_dept = cls.env["hr.department"].create(
            {
                "name": "After-sales service",
                "manager_id": cls.env["hr.employee"]
                .create({"name": "Service Head", "user_id": cls.service_head.id})
                .id,
            }
        )
        cls.service.department_id = cls.service_dept
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Customer satisfaction questionnaire",
                "access_mode": "token",
                "questions_layout": "one_page",
                "scoring_type": "scoring_without_answers",
                "is_attempts_limited": True,
                "attempts_limit": 1,
            }
        )
        cls.q_price = cls._question("Price", cls.overall, sequence=1)
        cls.q_delivery = cls._question("Delivery on time", cls.overall, sequence=2)
        cls.q_response = cls._question("Response time", cls.service, sequence=3)
        cls.q_quality = cls._question("Product quality", cls.quality, sequence=4)
        cls.q_safety = cls._question("Quality safety", cls.quality, sequence=5)
        cls.q_suggestion = cls.env["survey.question"].create(
            {
                "survey_id": cls.survey.id,
                "title": "Your suggestions",
                "question_type": "text_box",
                "qms_is_suggestion": True,
                "sequence": 9,
            }
        )
        cls.customer_a, cls.customer_b = cls.env["res.partner"].create(
            [
                {"name": "Shanghai Motors", "is_company": True, "lang": "en_US"},
                {"name": "Ningbo Parts", "is_company": True, "lang": "en_US"},
            ]
        )
        cls.contact_a, cls.contact_b = cls.env["res.partner"].create(
            [
                {"name": "Li Na", "parent_id": cls.customer_a.id, "email": "li.na@example.com"},
                {
                    "name": "Wang Wei",
                    "parent_id": cls.customer_b.id,
                    "email": "wang.wei@example.com",
                },
            ]
        )

    @classmethod
    def _question(cls, title, module, sequence=10, **vals):
        return cls.env["survey.question"].create(
            {
                "survey_id": cls.survey.id,
                "title": title,
                "question_type": "simple_choice",
                "qms_module_id": module.id,
                "sequence": sequence,
                "suggested_answer_ids": [
                    Command.create({"value": label, "answer_score": points, "sequence": i})
                    for i, (label, points) in enumerate(CHOICES)
                ],
                **vals,
            }
        )

    def _campaign(self, contacts=None, weights=(40, 30, 30), **vals):
        contacts = self.contact_a | self.contact_b if contacts is None else contacts
        return self.env["qms.survey.campaign"].create(
            {
                "title": "2026 Q1",
                "survey_id": self.survey.id,
                "date_send": cst(2026, 3, 2, 9, 0),
                "user_id": self.owner_user.id,
                "weight_ids": [
                    Command.create({"module_id": module.id, "weight": weight})
                    for module, weight in zip(
                        (self.overall, self.service, self.quality), weights, strict=False
                    )
                ],
                "invitation_ids": [Command.create({"contact_id": c.id}) for c in contacts],
                **vals,
            }
        )

    def _send(self, campaign, at=None):
        with freeze_time(at or cst(2026, 3, 2, 9, 0)):
            campaign.action_send()
        return campaign.invitation_ids

    def _choice(self, question, label):
        return question.suggested_answer_ids.filtered(lambda a: a.value == label)

    def _answer(self, invitation, answers, at=None, suggestion=None):
        """Fill ``invitation``'s questionnaire: ``{question: label or None (skipped)}``."""
        answer = invitation.user_input_id
        for question, label in answers.items():
            answer._save_lines(question, self._choice(question, label).id if label else False)
        if suggestion:
            answer._save_lines(self.q_suggestion, suggestion)
        with freeze_time(at or cst(2026, 3, 3, 10, 0)):
            answer._mark_done()
        return invitation

    def _all(self, label):
        questions = (self.q_price, self.q_delivery, self.q_response, self.q_quality, self.q_safety)
        return dict.fromkeys(questions, label)

    def _deliver(self, at):
        product = self.env["product.product"].create({"name": "Brake disc", "type": "consu"})
        picking_type = self.env.ref("stock.picking_type_out")
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": self.contact_a.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 2,
                            "quantity": 2,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        with freeze_time(at):
            picking.action_confirm()
            picking.move_ids.quantity = 2
            picking.move_ids.picked = True
            picking._action_done()
        return picking

    def _callback(self, picking):
        return self.env["qms.callback"].search(
            [("res_model", "=", "stock.picking"), ("res_id", "=", picking.id)]
        )
