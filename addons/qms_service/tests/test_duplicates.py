import base64

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import ServiceCase


@tagged("post_install", "-at_install")
class TestServiceDuplicates(ServiceCase):
    """002 POIS: one record per problem. A request repeating an open one is
    shown as a possible duplicate, never refused, and closed as a duplicate
    of the request kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.first = cls.env["qms.service.request"].create(
            {
                "title": "Controller stops after an hour",
                "partner_id": cls.customer.id,
                "contact_id": cls.customer_contact.id,
                "product_id": cls.product.id,
                "lot_id": cls.serial.id,
                "problem": "<p>The line stops after an hour; error E42 on the display.</p>",
                "user_id": cls.engineer.id,
            }
        )
        cls.other_serial = cls.env["stock.lot"].create(
            {"name": "CTL-2026-0043", "product_id": cls.product.id}
        )

    def _repeat(self, **values):
        return self._request(
            title="Controller stops after one hour",
            problem="<p>The line stops after an hour, error E42 on the display again.</p>",
            **values,
        )

    def test_a_repeated_problem_is_shown_not_refused(self):
        repeat = self._repeat(channel="portal")
        self.assertEqual(repeat.state, "new", "a portal customer cannot know: it is created")
        self.assertEqual(repeat.duplicate_ids, self.first)
        self.assertEqual(repeat.duplicate_count, 1)
        self.assertIn(repeat, self.first.duplicate_ids)
        # the team is told on the new request
        self.assertIn(self.first.name, repeat.message_ids[:1].body)
        # without a serial number the product decides
        no_serial = self._repeat(lot_id=False)
        self.assertIn(self.first, no_serial.duplicate_ids)

    def test_a_mail_to_the_alias_is_compared_too(self):
        """A mail names no equipment: the customer's open requests are compared."""
        repeat = self.Request.message_new(
            {
                "subject": "Controller stops after an hour",
                "body": "<p>The line stops after an hour; error E42 on the display.</p>",
                "email_from": self.customer_contact.email,
                "author_id": self.customer_contact.id,
            }
        )
        self.assertEqual(repeat.channel, "email")
        self.assertFalse(repeat.product_id)
        self.assertEqual(repeat.duplicate_ids, self.first)
        self.assertIn(self.first.name, repeat.message_ids[:1].body)

    def test_other_problems_are_not_duplicates(self):
        other_problem = self._request(
            title="Paint peels off the housing",
            problem="<p>The cover of the cabinet shows rust spots near the door hinge.</p>",
        )
        other_machine = self._repeat(lot_id=self.other_serial.id)
        other_customer = self._repeat(
            partner_id=self.other_customer.id, contact_id=False, lot_id=False
        )
        for request in (other_problem, other_machine, other_customer):
            self.assertFalse(request.duplicate_ids, request.title)
        # a closed request is no longer a duplicate candidate
        self.first.action_accept()
        self.first.action_resolve()
        self.first.action_close()
        self.assertFalse(self._repeat().duplicate_ids)

    def test_possible_duplicate_filter(self):
        repeat = self._repeat()
        alone = self._request(
            title="Paint peels off the housing",
            problem="<p>The cover shows rust spots near the door hinge.</p>",
        )
        found = self.Request.search([("duplicate_ids", "!=", False)])
        self.assertIn(repeat, found)
        self.assertIn(self.first, found)
        self.assertNotIn(alone, found)
        self.assertIn(alone, self.Request.search([("duplicate_ids", "=", False)]))

    def test_the_threshold_is_a_setting(self):
        self.env.company.qms_service_duplicate_similarity = 100
        self.assertFalse(self._repeat().duplicate_ids)
        self.env.company.qms_service_duplicate_similarity = 50
        self.assertTrue(self._repeat().duplicate_ids)

    def test_one_search_per_batch(self):
        """Creating many requests compares them in one search, not one per request."""

        def queries(count):
            requests = self.Request.create(
                [
                    {
                        "title": f"Controller stops after an hour ({index})",
                        "partner_id": self.customer.id,
                        "product_id": self.product.id,
                        "problem": "<p>The line stops after an hour; error E42.</p>",
                    }
                    for index in range(count)
                ]
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            requests.mapped("duplicate_count")
            return self.env.cr.sql_log_count - before, requests

        few, _requests = queries(2)
        many, requests = queries(12)
        self.assertLessEqual(many, few + 2)
        self.assertTrue(all(request.duplicate_count >= 13 for request in requests))

    def test_mark_as_duplicate_closes_it_with_a_link(self):
        self.first.action_accept()
        repeat = self._repeat(contact_id=self.customer_contact.id)
        files = self.env["ir.attachment"].create(
            {
                "name": "error-photo.png",
                "datas": base64.b64encode(b"photo"),
                "res_model": repeat._name,
                "res_id": repeat.id,
            }
        )
        repeat.attachment_ids = files
        newcomer = self.env["res.partner"].create(
            {"name": "Li Ming", "parent_id": self.customer.id, "email": "li@szdisplay.example.com"}
        )
        repeat.message_subscribe(partner_ids=newcomer.ids)
        self.assertNotIn(newcomer, self.first.message_partner_ids)
        wizard = Form(
            self.env["qms.service.duplicate.wizard"].with_context(default_request_id=repeat.id)
        )
        self.assertEqual(wizard.original_id, self.first, "the possible duplicate is proposed")
        wizard.save().action_confirm()
        self.assertEqual(repeat.state, "cancelled")
        self.assertEqual(repeat.duplicate_of_id, self.first)
        self.assertEqual(self.first.merged_duplicate_ids, repeat)
        self.assertFalse(repeat._qms_open_deadlines(), "nobody works on a duplicate")
        # the files and followers went to the request kept; both sides say so
        self.assertIn("error-photo.png", self.first.attachment_ids.mapped("name"))
        self.assertIn(newcomer, self.first.message_partner_ids)
        self.assertIn(self.first.name, repeat.message_ids[0].body)
        self.assertIn(repeat.name, self.first.message_ids[0].body)
        self.assertNotIn(repeat, self.first.duplicate_ids)
        self.assertIn(repeat, self.Request.search([("duplicate_of_id", "!=", False)]))

    def test_mark_as_duplicate_is_guarded(self):
        repeat = self._repeat()
        with self.assertRaises(UserError):
            repeat.action_mark_duplicate(repeat.id)
        with self.assertRaises(UserError):
            repeat.action_mark_duplicate(False)
        stranger = self._repeat(partner_id=self.other_customer.id, contact_id=False, lot_id=False)
        with self.assertRaises(UserError):
            repeat.action_mark_duplicate(stranger.id)
        self.first.action_accept()
        self.first.action_resolve()
        self.first.action_close()
        with self.assertRaises(UserError):
            repeat.action_mark_duplicate(self.first.id)
        resolved = self._repeat(user_id=self.engineer.id)
        resolved.action_accept()
        resolved.action_resolve()
        with self.assertRaises(UserError):
            resolved.action_mark_duplicate(repeat.id)
        self.assertTrue(repeat.action_mark_duplicate(self._repeat().id))
