from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import PropertyCase


class TestPeriodicCount(PropertyCase):
    """A count per customer from its quants, once per period (monthly by default),
    confirmed by the customer or disputed line by line and investigated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.qms_property_count_auto_send = False

    def _counts(self, customer=None):
        return self.env["qms.property.count"].search(
            [("partner_id", "=", (customer or self.customer).id)]
        )

    def test_count_is_generated_once_per_period(self):
        self._received(qty=100)
        self._received(customer=self.other_customer, qty=30)
        Count = self.env["qms.property.count"]
        with freeze_time("2026-12-05 02:00:00"):
            first = Count._cron_generate()
            Count._cron_generate()
            Count._generate(partners=self.customer)
        counts = self._counts()
        self.assertTrue(first)
        self.assertEqual(len(counts), 1, "once per period, never twice")
        self.assertEqual(
            (counts.period_start, counts.period_end), (date(2026, 12, 1), date(2026, 12, 31))
        )
        (row,) = counts._book_rows()
        self.assertEqual((row["number"], row["product"], row["qty"]), (1, self.frame, 100))
        self.assertEqual(row["location"].qms_property_partner_id, self.customer)
        self.assertEqual(counts.line_count, 1)
        self.assertFalse(counts.line_ids, "no difference before the customer answers")
        self.assertEqual(len(self._counts(self.other_customer)), 1)
        with freeze_time("2027-01-04 02:00:00"):
            Count._cron_generate()
        self.assertEqual(len(self._counts()), 2, "the next month has its own count")

    def test_period_follows_the_setting(self):
        self.env.company.qms_property_count_months = 3
        start, end = self.env["qms.property.count"]._period_of(date(2026, 11, 20), self.env.company)
        self.assertEqual((start, end), (date(2026, 10, 1), date(2026, 12, 31)))

    def _sent_count(self):
        self._received(qty=100)
        count = self.env["qms.property.count"]._generate(partners=self.customer)
        self.assertIs(count.action_send(), True)
        return count

    def test_confirmation_path(self):
        count = self._sent_count()
        self.assertEqual(count.state, "sent")
        self.assertTrue(count.access_token)
        deadline = count.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "count_confirm")
        self.assertEqual(deadline.state, "open")
        mail = count.message_ids.filtered(lambda m: "please confirm the count" in (m.subject or ""))
        self.assertIn(self.customer, mail.partner_ids)
        self.assertIs(count.action_confirm(partner=self.customer, note="OK"), True)
        self.assertEqual(count.state, "confirmed")
        self.assertFalse(count.line_ids, "every line confirmed: no difference")
        self.assertIn("Confirmed", count.book_html)
        self.assertEqual(deadline.state, "done")
        with self.assertRaisesRegex(UserError, "not possible now"):
            count.action_confirm()

    def test_dispute_path_line_by_line_then_investigation(self):
        self._received(qty=100)
        other_product = self.env["product.product"].create(
            {"name": "Epoxy compound", "is_storable": True}
        )
        item = self.env["qms.property"].create(
            {
                "title": "Epoxy",
                "kind_id": self.kind_material.id,
                "partner_id": self.customer.id,
                "product_id": other_product.id,
                "qty_announced": 20,
            }
        )
        item._receive_as_listed()
        count = self.env["qms.property.count"]._generate(partners=self.customer)
        count.action_send()
        rows = count._book_rows()
        self.assertEqual(count.line_count, 2)
        (number,) = [row["number"] for row in rows if row["product"] == self.frame]
        with self.assertRaisesRegex(ValidationError, "as a number"):
            count.action_dispute({number: ("ninety", "")})
        with self.assertRaisesRegex(ValidationError, "as a number"):
            count.action_dispute({number: ("nan", "")})
        with self.assertRaisesRegex(UserError, "which lines"):
            count.action_dispute({})
        with self.assertRaisesRegex(UserError, "not lines of"):
            count.action_dispute({3: (1, "")})
        self.assertFalse(count.line_ids, "a refused answer records no difference")
        count.action_dispute({number: (95, "Our delivery notes say 95")}, partner=self.customer)
        self.assertEqual(count.state, "disputed")
        frames = count.line_ids
        self.assertEqual(
            (frames.sequence, frames.product_id, frames.qty_book, frames.qty_customer),
            (number, self.frame, 100, 95),
        )
        self.assertEqual(frames.qty_difference, -5)
        self.assertEqual(frames.customer_remark, "Our delivery notes say 95")
        self.assertEqual(count.disputed_count, 1, "the epoxy line is confirmed")
        with self.assertRaisesRegex(UserError, "through its buttons"):
            frames.write({"qty_customer": 100})
        frames.resolution = "Counted again with the customer's buyer: 95."
        kinds = count.qms_deadline_ids.filtered(lambda d: d.state == "open").kind_id.mapped("code")
        self.assertEqual(kinds, ["count_investigate"])
        with self.assertRaisesRegex(UserError, "investigation"):
            count.action_close_investigation()
        count.investigation = "5 frames were scrapped on 3 Dec without a scrap form; form issued."
        self.assertIs(count.action_close_investigation(), True)
        self.assertEqual(count.state, "closed")
        with self.assertRaisesRegex(UserError, "through its buttons"):
            count.write({"state": "sent"})
