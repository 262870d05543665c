from odoo.tests import TransactionCase


class TestRecordNumbers(TransactionCase):
    """Record numbers drawn in batches: the same numbers, in order, as drawing
    them one by one, for a constant number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Numbered Customer"})

    def _sequence(self, implementation):
        return self.env["ir.sequence"].create(
            {
                "name": f"Test {implementation}",
                "code": f"qms.test.{implementation}",
                "prefix": "T%(range_year)s-",
                "padding": 4,
                "use_date_range": True,
                "implementation": implementation,
                "number_increment": 2,
            }
        )

    def _queries(self, sequence, count):
        before = self.env.cr.sql_log_count
        numbers = sequence._qms_next_numbers(count, sequence_date="2026-05-04")
        return numbers, self.env.cr.sql_log_count - before

    def test_a_batch_continues_the_sequence_like_single_draws(self):
        for implementation in ("standard", "no_gap"):
            with self.subTest(implementation=implementation):
                sequence = self._sequence(implementation)
                first = sequence.next_by_id(sequence_date="2026-05-04")
                batch, _queries = self._queries(sequence, 3)
                after = sequence.next_by_id(sequence_date="2026-05-04")
                self.assertEqual(first, "T2026-0001")
                self.assertEqual(batch, ["T2026-0003", "T2026-0005", "T2026-0007"])
                self.assertEqual(after, "T2026-0009")
                self.assertEqual(sequence._qms_next_numbers(0), [])
                # a new year opens its own range, numbered from 1
                self.assertEqual(
                    sequence._qms_next_numbers(1, sequence_date="2027-01-10"), ["T2027-0001"]
                )

    def test_a_thousand_numbers_cost_no_more_queries_than_two(self):
        for implementation in ("standard", "no_gap"):
            with self.subTest(implementation=implementation):
                sequence = self._sequence(implementation)
                self._queries(sequence, 1)  # the year's range exists from here on
                _numbers, two = self._queries(sequence, 2)
                numbers, thousand = self._queries(sequence, 1000)
                self.assertEqual(thousand, two)
                self.assertEqual(len(set(numbers)), 1000)

    def test_records_created_together_get_consecutive_numbers(self):
        values = {
            "title": "Check the gauge",
            "partner_id": self.customer.id,
            "res_model": "res.partner",
            "res_id": self.customer.id,
            "user_id": self.env.ref("base.user_admin").id,
        }
        single = self.env["qms.capa"].create(dict(values))
        batch = self.env["qms.capa"].create([dict(values) for _i in range(5)])
        prefix, last = single.name.rsplit("-", 1)
        self.assertEqual(
            batch.mapped("name"),
            [f"{prefix}-{int(last) + i:0{len(last)}d}" for i in range(1, 6)],
        )
