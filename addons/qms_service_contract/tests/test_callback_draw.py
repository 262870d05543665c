from collections import Counter

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ContractCase

# A year the demo data draws nothing in (it draws the current quarter).
YEAR = 2031


@tagged("post_install", "-at_install")
class TestCallbackDraw(ContractCase):
    """客户满意度回访: per engineer, five customers a quarter, different from
    quarter to quarter, each twice a year where the pool allows; the draw is
    stored with its seed and reproducible."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["qms.service.contract"].search([("state", "=", "active")])._end()
        cls.second_engineer = new_test_user(
            cls.env,
            login="qms_sc_engineer2",
            name="Second Engineer",
            groups="qms_base.group_qms_user",
        )
        Partner = cls.env["res.partner"]
        cls.pool_one = Partner.create(
            [{"name": f"Hospital {i:02d}", "is_company": True} for i in range(10)]
        )
        cls.pool_two = Partner.create(
            [{"name": f"Clinic {i:02d}", "is_company": True} for i in range(3)]
        )
        for customer in cls.pool_one:
            cls._active_contract(customer=customer)
        for customer in cls.pool_two:
            cls._active_contract(customer=customer, engineer_id=cls.second_engineer.id)

    def _draw(self, quarter, seed):
        draw = self.env["qms.service.callback.draw"].create(
            {"year": YEAR, "quarter": str(quarter), "seed": seed, "user_id": self.owner_user.id}
        )
        draw.action_draw()
        return draw

    def _drawn(self, draw, engineer):
        return draw.line_ids.filtered(lambda line: line.engineer_id == engineer).partner_id

    def test_four_quarters(self):
        draws = [self._draw(quarter, 1000 + quarter) for quarter in (1, 2, 3, 4)]
        counts = Counter()
        for index, draw in enumerate(draws):
            first = self._drawn(draw, self.engineer)
            self.assertEqual(len(first), 5, "five customers per engineer")
            self.assertLessEqual(first, self.pool_one)
            self.assertEqual(self._drawn(draw, self.second_engineer), self.pool_two, "pool of 3")
            if index:
                self.assertFalse(first & self._drawn(draws[index - 1], self.engineer))
            counts.update(first.ids)
        self.assertEqual(set(counts.values()), {2}, "each customer twice a year")
        self.assertEqual(len(counts), 10)
        line = draws[2].line_ids.filtered(lambda line: line.engineer_id == self.engineer)[:1]
        self.assertEqual(line.year_count, 2, "the customer's second draw of the year")

    def test_callbacks_with_the_seed_questions(self):
        draw = self._draw(1, 7)
        callbacks = draw.line_ids.qms_callback_ids
        self.assertEqual(len(callbacks), 8)
        self.assertEqual(set(callbacks.mapped("kind_id.code")), {"satisfaction"})
        self.assertEqual(callbacks.user_id, self.owner_user)
        self.assertEqual(
            callbacks[0].qms_answer_ids.mapped("name"),
            [
                "Are you satisfied with our service during this period?",
                "What would you suggest for our service?",
                "Are you satisfied with the engineer's attitude?",
                "Which problems are still not solved?",
            ],
        )

    def test_reproducible_and_auditable(self):
        draw = self._draw(1, 4242)
        self.assertIs(draw.action_verify(), True)
        self.assertEqual(sorted(draw.pools[str(self.engineer.id)]), sorted(self.pool_one.ids))
        again = draw._redraw()
        self.assertEqual(again, draw._drawn())
        # a tampered draw (another customer in the stored result) is caught
        line = draw.line_ids.filtered(lambda line: line.engineer_id == self.engineer)[:1]
        outsider = (self.pool_one - self._drawn(draw, self.engineer))[:1]
        line.sudo().write({"partner_id": outsider.id})
        with self.assertRaisesRegex(UserError, "cannot be reproduced"):
            draw.action_verify()

    def test_a_quarter_is_drawn_once(self):
        self._draw(1, 1)
        with self.assertRaisesRegex(ValidationError, "drawn already"):
            self._draw(1, 2)

    def test_cancel_cancels_planned_calls(self):
        draw = self._draw(2, 3)
        self.assertIs(draw.action_cancel(), True)
        self.assertEqual(set(draw.line_ids.qms_callback_ids.mapped("state")), {"cancelled"})

    def test_bad_numbers(self):
        with self.assertRaises(ValidationError):
            self.env["qms.service.callback.draw"].create({"year": YEAR, "quarter": "1", "size": 0})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self.env["qms.service.callback.draw"].create(
                {"year": YEAR, "quarter": "1", "state": "drawn"}
            )

    def test_nobody_to_draw(self):
        self.env["qms.service.contract"].search([("state", "=", "active")])._end()
        draw = self.env["qms.service.callback.draw"].create({"year": YEAR, "quarter": "3"})
        with self.assertRaisesRegex(UserError, "nobody to draw"):
            draw.action_draw()

    def test_quality_user_draws_and_cancels(self):
        """The draw is made from the form by quality, not by the administrator:
        the drawn customers are written by the draw, read-only for its user."""
        draw = (
            self.env["qms.service.callback.draw"]
            .with_user(self.owner_user)
            .create({"year": YEAR, "quarter": "4", "seed": 11, "user_id": self.owner_user.id})
        )
        self.assertIs(draw.action_draw(), True)
        self.assertEqual(len(draw.line_ids), 8)
        self.assertEqual(set(draw.line_ids.qms_callback_ids.mapped("user_id")), {self.owner_user})
        self.assertIs(draw.action_cancel(), True)
