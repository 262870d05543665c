from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CRITERIA, OrderReviewCase


@tagged("post_install", "-at_install")
class TestOrderReview(OrderReviewCase):
    def test_order_above_threshold_waits_for_every_verdict(self):
        order = self._order()
        self.assertTrue(order.qms_review_required)
        self.assertEqual(order.qms_review_rule_ids, self.rule)
        with self.assertRaisesRegex(UserError, "cannot be confirmed before its review"):
            order.action_confirm()
        review = self._submit(order)
        self.assertEqual(review.state, "in_review")
        self.assertEqual(
            set(review.current_verdict_ids.mapped("department_code")),
            {"rd", "purchasing", "production", "finance"},
        )
        # each reviewer has the activity and an open verdict deadline
        for verdict in review.current_verdict_ids:
            self.assertEqual(verdict.activity_ids.user_id, self.reviewers[verdict.department_code])
            self.assertEqual(verdict.qms_deadline_ids.state, "open")
        for code in ("rd", "purchasing", "production"):
            self._meet(review, code)
            with self.assertRaisesRegex(UserError, "cannot be confirmed before its review"):
                order.action_confirm()
        self._meet(review, "finance")
        self.assertEqual(review.state, "approved")
        # the review lead time is the review deadline's row
        row = review.qms_deadline_ids
        self.assertEqual(row.state, "done")
        self.assertTrue(row.on_time)
        self.assertTrue(order.action_confirm())
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.qms_review_at_confirm, "approved")

    def test_order_below_threshold_confirms_as_before(self):
        order = self._order(qty=10)
        self.assertFalse(order.qms_review_required)
        self.assertTrue(order.action_confirm())
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.qms_review_at_confirm, "not_required")
        self.assertFalse(order.qms_review_ids)

    def test_refused_verdict_blocks_and_records_the_objection(self):
        order = self._order()
        review = self._submit(order)
        production = self._verdict(review, "production").with_user(self.reviewers["production"])
        with self.assertRaisesRegex(UserError, "write what cannot be met"):
            production.action_cannot_meet()
        production.note = "Die-casting cell loaded at 95 %: 20 days late."
        production.action_cannot_meet()
        for code in ("rd", "purchasing", "finance"):
            self._meet(review, code)
        self.assertEqual(review.state, "objection")
        with self.assertRaisesRegex(UserError, "cannot be confirmed before its review"):
            order.action_confirm()
        objection = review.objection_ids
        self.assertEqual(objection.department_id, self.departments["production"])
        self.assertEqual(objection.question, "Die-casting cell loaded at 95 %: 20 days late.")
        self.assertEqual(objection.qms_deadline_ids.owner_id, self.salesperson)
        # sales record the customer's answer: production reviews again
        objection = objection.with_user(self.salesperson)
        with self.assertRaisesRegex(UserError, "Record the customer's answer"):
            objection.action_answer()
        objection.write({"answer": "Customer accepts 20 days later.", "outcome": "amended"})
        objection.action_answer()
        self.assertEqual(objection.state, "answered")
        self.assertEqual(objection.qms_deadline_ids.state, "done")
        self.assertEqual(review.state, "in_review")
        history = review.verdict_ids.filtered(lambda v: v.department_code == "production")
        self.assertEqual(sorted(history.mapped("state")), ["pending", "superseded"])
        self._meet(review, "production")
        self.assertEqual(review.state, "approved")
        self.assertTrue(order.action_confirm())

    def test_customer_maintains_requirement_keeps_the_order_blocked(self):
        order = self._order()
        review = self._submit(order)
        verdict = self._verdict(review, "rd").with_user(self.reviewers["rd"])
        verdict.note = "Tolerance 0.005 mm is beyond our machines."
        verdict.action_cannot_meet()
        objection = review.objection_ids.with_user(self.salesperson)
        objection.write({"answer": "The customer keeps 0.005 mm.", "outcome": "maintained"})
        objection.action_answer()
        self._approve_all(review)
        self.assertEqual(review.state, "objection")
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_verdict_needs_its_criteria_and_its_reviewer(self):
        order = self._order()
        review = self._submit(order)
        finance = self._verdict(review, "finance")
        with self.assertRaisesRegex(UserError, "Only the reviewers of Finance"):
            finance.with_user(self.reviewers["rd"]).action_meet()
        with self.assertRaisesRegex(UserError, "Expected margin"):
            finance.with_user(self.reviewers["finance"]).action_meet()
        production = self._verdict(review, "production").with_user(self.reviewers["production"])
        production.date_feasible = order.commitment_date.date().replace(year=2099)
        with self.assertRaisesRegex(UserError, "answer “cannot meet”"):
            production.action_meet()
        finance.with_user(self.reviewers["finance"]).write(CRITERIA["finance"])
        finance.with_user(self.reviewers["finance"]).action_meet()
        with self.assertRaisesRegex(UserError, "already answered"):
            finance.with_user(self.reviewers["finance"]).action_meet()

    def test_verbal_order_is_confirmed_back_before_review(self):
        order = self._order(qms_order_channel="phone")
        with self.assertRaisesRegex(UserError, "confirm it back to the customer"):
            self._submit(order)
        with self.assertRaisesRegex(UserError, "say how the order was confirmed back"):
            order.action_qms_confirm_back()
        order.write(
            {
                "qms_confirmation_method": "phone_recorded",
                "qms_confirmation_note": "Mr. Li confirmed 200 pcs by phone, call 10:32.",
            }
        )
        self.assertTrue(order.action_qms_confirm_back())
        self.assertTrue(order.qms_date_confirmed_back)
        review = self._submit(order)
        self.assertEqual(review.state, "in_review")

    def test_other_rules(self):
        rules = self.env["qms.order.review.rule"]
        new_customer, special = rules.create(
            [
                {
                    "name": "New customer",
                    "trigger": "new_customer",
                    "department_ids": [(6, 0, self.departments["finance"].ids)],
                },
                {
                    "name": "Special",
                    "trigger": "special",
                    "department_ids": [(6, 0, self.departments["quality"].ids)],
                },
            ]
        )
        first = self._order(qty=1)
        self.assertEqual(first.qms_review_rule_ids, new_customer)
        review = self._submit(first)
        self._approve_all(review)
        first.action_confirm()
        second = self._order(qty=1, qms_special_requirements="Packed 20 per carton")
        self.assertEqual(second.qms_review_rule_ids, special)

    def test_release_to_production_needs_the_signed_contract(self):
        self.rule.contract_required = True
        order = self._order()
        review = self._submit(order)
        self._approve_all(review)
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "signed and stamped"):
            order.action_qms_release_to_production()
        attachment = self.env["ir.attachment"].create(
            {"name": "contract-signed.pdf", "raw": b"%PDF-1.4 signed"}
        )
        review.write(
            {
                "contract_attachment_ids": [(6, 0, attachment.ids)],
                "contract_customer_signed": True,
            }
        )
        with self.assertRaisesRegex(UserError, "signed and stamped"):
            order.action_qms_release_to_production()
        review.contract_company_signed = True
        self.assertTrue(order.action_qms_release_to_production())
        self.assertTrue(order.qms_date_released)
        self.assertIn(
            self.reviewers["production"], order.activity_ids.user_id, "production plans it"
        )

    def test_lost_quotation_keeps_its_reason(self):
        order = self._order(qty=1)
        with self.assertRaisesRegex(UserError, "give the reason"):
            order.action_qms_mark_lost()
        order.write(
            {
                "qms_lost_reason_id": self.env.ref("qms_order_review.lost_reason_price").id,
                "qms_lost_analysis": "Competitor 8 % cheaper.",
            }
        )
        self.assertTrue(order.action_qms_mark_lost())
        self.assertEqual(order.state, "cancel")

    def test_portal_user_cannot_read_internal_fields(self):
        portal = new_test_user(self.env, login="qms_portal_buyer", groups="base.group_portal")
        portal.partner_id.parent_id = self.customer
        order = self._order(qty=1)
        order.message_subscribe(partner_ids=portal.partner_id.ids)
        as_portal = order.with_user(portal)
        as_portal.read(["name", "amount_total"])
        for field in (
            "qms_special_requirements",
            "qms_review_id",
            "qms_lost_analysis",
            "qms_deadline_ids",
        ):
            with self.subTest(field), self.assertRaises(AccessError):
                as_portal.read([field])
        verdict = self._verdict(self._submit(self._order()), "finance")
        with self.assertRaises(AccessError):
            verdict.with_user(self.reviewers["rd"]).read(["margin_percent"])

    def test_kpis(self):
        order = self._order()
        review = self._submit(order)
        self._approve_all(review)
        order.action_confirm()
        order.order_line.product_uom_qty = 250
        kpi = self.env["qms.order.kpi"].create({})
        values = kpi._kpis()
        self.assertGreaterEqual(values["review_count"], 1)
        self.assertEqual(values["unreviewed_count"], 0)
        self.assertIn((self.customer.display_name, 1), values["by_customer"])
        self.assertIn(self.customer.name, kpi.change_by_customer)

    def test_review_times_are_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.qms_order_review_days, 3)
        settings.qms_order_verdict_days = 1
        settings.set_values()
        kind = self.env.ref("qms_order_review.deadline_kind_verdict")
        self.assertEqual(kind.with_company(self.env.company).duration, 1)
