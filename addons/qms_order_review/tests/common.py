from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.qms_base.tests.common import QmsCase

DEPARTMENTS = ("rd", "purchasing", "production", "finance", "quality", "legal")
# The criteria a department fills before answering "can meet".
CRITERIA = {
    "rd": {"risk_level": "low"},
    "purchasing": {"material_lead_days": 10, "material_price_ok": True},
    "production": {"date_feasible": fields.Date.today() + timedelta(days=10)},
    "finance": {"margin_percent": 15.0, "price_ok": True},
    "quality": {"test_methods": "Salt spray 96 h", "acceptance_criteria": "No red rust"},
    "legal": {"compliance_note": "RoHS, REACH"},
}


class OrderReviewCase(QmsCase):
    """A salesperson, one reviewer per department, an amount rule (10 000)
    reviewed by R&D, purchasing, production and finance, a customer and a product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["qms.order.review.rule"].search([]).active = False
        cls.salesperson = new_test_user(
            env,
            login="qms_sales",
            name="Sales Rep",
            groups="sales_team.group_sale_salesman,stock.group_stock_user,qms_base.group_qms_user",
        )
        cls.reviewers = {}
        cls.departments = {}
        for code in DEPARTMENTS:
            cls.departments[code] = env.ref(f"qms_order_review.department_{code}")
            groups = "qms_base.group_qms_user"
            if code == "finance":
                groups += ",account.group_account_invoice"
            cls.reviewers[code] = new_test_user(
                env, login=f"qms_rev_{code}", name=f"Reviewer {code}", groups=groups
            )
            cls.departments[code].write(
                {"user_id": cls.reviewers[code].id, "reviewer_ids": [fields.Command.clear()]}
            )
        cls.rule = env["qms.order.review.rule"].create(
            {
                "name": "Orders above 10000",
                "trigger": "amount",
                "amount_threshold": 10000,
                "department_ids": [
                    fields.Command.set(
                        [
                            cls.departments[c].id
                            for c in ("rd", "purchasing", "production", "finance")
                        ]
                    )
                ],
            }
        )
        cls.customer = env["res.partner"].create(
            {"name": "Wuxi Motion Co.", "is_company": True, "lang": "en_US"}
        )
        cls.product = env["product.product"].create(
            {"name": "Motor housing", "is_storable": True, "list_price": 100.0}
        )
        cls.stock = (
            env["stock.warehouse"]
            .search([("company_id", "=", env.company.id)], limit=1)
            .lot_stock_id
        )

    def _order(self, qty=200, price=100.0, **values):
        """A quotation of the salesperson: 200 × 100 = 20 000 is above the rule."""
        return (
            self.env["sale.order"]
            .with_user(self.salesperson)
            .create(
                {
                    "partner_id": self.customer.id,
                    "commitment_date": fields.Datetime.now() + timedelta(days=30),
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": qty,
                                "price_unit": price,
                            }
                        )
                    ],
                    **values,
                }
            )
        )

    def _submit(self, order):
        order.action_qms_request_review()
        review = order.qms_review_id
        review.action_submit()
        return review

    def _verdict(self, review, code):
        return review.current_verdict_ids.filtered(lambda v: v.department_code == code)

    def _meet(self, review, code):
        verdict = self._verdict(review, code).with_user(self.reviewers[code])
        verdict.write(CRITERIA[code])
        verdict.action_meet()
        return verdict

    def _approve_all(self, review):
        for verdict in review.current_verdict_ids.filtered(lambda v: v.state == "pending"):
            self._meet(review, verdict.department_code)
