import importlib.util
from pathlib import Path

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form

from .common import DeskCase


class TestHotlineCall(DeskCase):
    """000 客服系统建立细则: a call shows who calls and their open problems at
    once, and becomes a consultation, a complaint or a suggestion in one click."""

    def test_call_from_a_number_with_an_open_complaint_shows_it(self):
        complaint = self._complaint()
        # written differently from the partner's “+86 139 0000 1111”
        call = self._call("13900001111")
        self.assertEqual(call.partner_id, self.customer)
        self.assertTrue(call.has_open_problem)
        self.assertEqual(call.open_problem_count, 1)
        self.assertEqual(call.open_complaint_ids, complaint)
        self.assertIn(complaint.name, call.open_problems)
        self.assertIn("Dead pixels", call.open_problems)
        # once closed, nothing open is shown any more
        complaint.action_cancel(reason="Logged twice")
        call.invalidate_recordset()
        self.assertFalse(call.has_open_problem)
        self.assertFalse(call.open_problems)

    def test_unknown_number_has_no_customer_and_no_problem(self):
        call = self._call("0755-2222 3333")
        self.assertFalse(call.partner_id)
        self.assertFalse(call.has_open_problem)
        self.assertEqual(call.caller_area, "Shenzhen")
        self.assertTrue(call.name.startswith("HL"))

    def test_open_problems_is_a_list_other_addons_extend(self):
        complaint = self._complaint()
        call = self._call("13900001111")
        problems = call._open_problems()
        self.assertEqual(problems, [complaint])

    @freeze_time("2026-04-07 02:00:00")
    def test_call_turned_into_a_complaint_creates_a_real_complaint(self):
        call = self._call(
            "13900001111",
            summary="Screens flicker after one hour\nLot 2611, five units",
            product_id=self.product.id,
        )
        self.assertIs(call.action_to_complaint(), True)
        complaint = call.complaint_id
        self.assertEqual(call.state, "done")
        self.assertEqual(call.outcome, "complaint")
        self.assertEqual(complaint.feedback_type, "complaint")
        self.assertEqual(complaint.channel, "phone")
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.product_id, self.product)
        self.assertEqual(complaint.title, "Screens flicker after one hour")
        self.assertTrue(complaint.name.startswith("CC"))
        # the complaint's own intake ran: its 8D deadline is open
        self.assertIn("report_8d", complaint.qms_deadline_ids.kind_id.mapped("code"))
        # one click only: a second conversion is refused
        with self.assertRaisesRegex(UserError, "already dealt with"):
            call.action_to_suggestion()

    def test_consultation_and_suggestion(self):
        consult = self._call("13900001111", summary="Which cleaner for the screen?")
        suggest = self._call("13900001111", summary="Ship in smaller cartons")
        consult.action_to_consultation()
        suggest.action_to_suggestion()
        self.assertEqual(consult.complaint_id.feedback_type, "consultation")
        self.assertEqual(suggest.complaint_id.feedback_type, "suggestion")
        # the consultation does not start an 8D
        self.assertFalse(consult.complaint_id.qms_deadline_ids)

    def test_conversion_needs_a_customer_and_what_was_said(self):
        nobody = self._call("0755-2222 3333", summary="A question")
        with self.assertRaisesRegex(UserError, "choose the customer"):
            nobody.action_to_complaint()
        silent = self._call("13900001111")
        with self.assertRaisesRegex(UserError, "write down what the caller said"):
            silent.action_to_complaint()
        self.assertFalse(nobody.complaint_id or silent.complaint_id)

    def test_state_changes_only_through_buttons(self):
        call = self._call("13900001111")
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            call.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._call("13900001111", outcome="complaint")
        self.assertIs(call.action_done(), True)
        self.assertEqual(call.outcome, "none")
        with self.assertRaisesRegex(UserError, "kept, never deleted"):
            call.unlink()

    def test_knowledge_found_from_the_call(self):
        article = self.env["qms.desk.knowledge"].create(
            {
                "title": "Screen flicker",
                "keywords": "flicker, 闪屏",
                "answer": "<p>Update the firmware to 2.1.</p>",
            }
        )
        article.action_publish()
        call = self._call("13900001111", summary="客户说屏幕闪屏")
        self.assertEqual(call.knowledge_ids, article)
        action = call.action_search_knowledge()
        self.assertEqual(action["res_model"], "qms.desk.knowledge")
        self.assertEqual(action["domain"], [("id", "in", article.ids)])
        unrelated = self._call("13900001111", summary="Where is my invoice?")
        self.assertFalse(unrelated.knowledge_ids)

    def test_the_form_fills_in_as_the_number_is_typed(self):
        complaint = self._complaint()
        self.env["qms.desk.customer"].create(
            {
                "name": "Purchasing, Suzhou Motors",
                "mobile": "13955556666",
                "partner_id": self.other_customer.id,
            }
        )
        with Form(self.env["qms.desk.call"].with_user(self.agent)) as form:
            form.caller_number = "139 0000 1111"
            self.assertEqual(form.partner_id, self.customer)
            self.assertTrue(form.has_open_problem)
            self.assertIn(complaint.name, form.open_problems)
            self.assertFalse(form.phone_warning)
            # a number known only from a customer record finds its partner
            form.caller_number = "13955556666"
            self.assertEqual(form.partner_id, self.other_customer)
            self.assertFalse(form.has_open_problem)
            form.caller_number = "1395555666"
            self.assertIn("11 digits", form.phone_warning)
            form.caller_number = "0755 2222 3333"
            self.assertEqual(form.caller_area, "Shenzhen")
            form.partner_id = self.customer
            form.summary = "Flicker again"
        call = form.record
        self.assertEqual(call.partner_id, self.customer)
        call.action_to_complaint()
        self.assertEqual(call.complaint_id.partner_id, self.customer)


class TestDeskBench(DeskCase):
    """The bench of scripts/bench desk, with a tiny N: every caller is found."""

    def test_bench_smoke(self):
        path = Path(__file__).parents[3] / "scripts" / "bench_desk.py"
        spec = importlib.util.spec_from_file_location("qms_bench_desk", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        result = module.run_desk_bench(self.env, 30, lookups=10)
        self.assertEqual(result["lookups"], 10)
        self.assertEqual(result["found"], 10, "any spelling of the number finds the partner")
