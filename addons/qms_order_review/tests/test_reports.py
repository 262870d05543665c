from odoo.tests import tagged

from .common import OrderReviewCase

REVIEW_REPORT = "qms_order_review.action_report_qms_order_review"
CONTRACT_REPORT = "qms_order_review.action_report_qms_contract_review"


@tagged("post_install", "-at_install")
class TestReviewForms(OrderReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        order = cls._order(cls)
        cls.review = cls._submit(cls, order)
        verdict = cls.review.current_verdict_ids.filtered(lambda v: v.department_code == "rd")
        verdict.with_user(cls.reviewers["rd"]).write(
            {"risk_level": "low", "note": "Same process as BLM-42."}
        )
        verdict.with_user(cls.reviewers["rd"]).action_meet()

    def _render(self, report, lang):
        html, report_type = self.env(context=dict(self.env.context, lang=lang))[
            "ir.actions.report"
        ]._render_qweb_html(report, self.review.ids)
        self.assertEqual(report_type, "html")
        return html.decode()

    def test_review_form_in_english(self):
        html = self._render(REVIEW_REPORT, "en_US")
        self.assertIn("Customer Order Review Form", html)
        self.assertIn("Department verdicts", html)
        self.assertIn("Can meet", html)
        self.assertIn("Same process as BLM-42.", html)
        self.assertIn(self.review.name, html)

    def test_review_form_in_chinese(self):
        html = self._render(REVIEW_REPORT, "zh_CN")
        self.assertIn("顾客订单评审表", html)
        self.assertIn("部门评审意见", html)
        self.assertIn("能满足", html)
        self.assertNotIn("Customer Order Review Form", html)
        self.assertIn("Same process as BLM-42.", html)

    def test_contract_review_form_in_both_languages(self):
        self.assertIn("Contract Review Form", self._render(CONTRACT_REPORT, "en_US"))
        html = self._render(CONTRACT_REPORT, "zh_CN")
        self.assertIn("合同评审表", html)
        self.assertIn("双方签字盖章", html)

    def test_review_form_pdf(self):
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REVIEW_REPORT, self.review.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
