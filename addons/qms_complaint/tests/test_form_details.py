from freezegun import freeze_time
from lxml import etree

from odoo.tests import Form

from .common import ComplaintCase, cst


class TestFormDetails(ComplaintCase):
    def test_a_new_complaint_is_new_until_numbered(self):
        form = Form(self.env["qms.complaint"])
        self.assertEqual(form.name, "/")
        self.assertEqual(self.env["qms.complaint"].new({}).display_name, "New")
        form.title = "Loose connector"
        form.partner_id = self.customer
        complaint = form.save()
        self.assertRegex(complaint.display_name, r"^CC\d{4}-\d{5}$")

    def _new_action(self, complaint):
        with Form(complaint) as form:
            form.team_leader_id = self.manager_user  # D1, the current step, needs its leader
            with form.qms_capa_ids.new() as line:
                line.title = "Torque check on station 3"
                values = (line.user_id, line.date_deadline)
        return values

    def test_a_new_action_line_gets_the_owner_and_the_d5_due_date(self):
        with freeze_time("2026-04-03 02:00:00"):  # Friday 10:00 Beijing, before Qingming
            complaint = self._complaint(user_id=self.manager_user.id)
            complaint.action_confirm_defect()
            d5 = complaint.step_ids.filtered(lambda s: s.code == "d5")
            self.assertEqual(d5.due, cst(2026, 4, 9, 10, 0), "3 working days")
            owner, deadline = self._new_action(complaint)
        self.assertEqual(owner, self.manager_user, "the complaint's engineer, not the user")
        self.assertEqual(str(deadline), "2026-04-09")

    def test_past_d5_due_date_gives_the_standard_time_of_an_action(self):
        with freeze_time("2026-04-03 02:00:00"):
            complaint = self._complaint()
            complaint.action_confirm_defect()
        with freeze_time("2026-04-20 02:00:00"):  # Monday, the 8D report is overdue
            owner, deadline = self._new_action(complaint)
        self.assertEqual(owner, self.owner_user)
        # 10 working days (the "Corrective action due" kind) from Monday 20 April,
        # over Labour Day (1-5 May)
        self.assertEqual(str(deadline), "2026-05-07")

    def test_people_read_times_without_seconds(self):
        """Every date and time of the complaint's form and list hides the seconds
        (also in its 8D steps, deadlines, revisions and callbacks); the list shows
        the whole number."""
        views = (
            self.env["qms.complaint"]
            .with_user(self.owner_user)
            .get_views([(False, "form"), (False, "list")])
        )
        for view_type in ("form", "list"):
            arch = etree.fromstring(views["views"][view_type]["arch"])
            shown = 0
            for node in arch.iter("field"):
                model = self._model_of(node)
                field = self.env[model]._fields.get(node.get("name"))
                if (
                    field
                    and field.type == "datetime"
                    and node.get("invisible") not in ("1", "True")
                ):
                    shown += 1
                    self.assertIn(
                        "'show_seconds': false",
                        node.get("options") or "",
                        f"{model}.{field.name} in the {view_type}",
                    )
            self.assertTrue(shown)
        [number] = etree.fromstring(views["views"]["list"]["arch"]).xpath(
            "/list/field[@name='name']"
        )
        self.assertEqual(number.get("width"), "110px")

    def _model_of(self, node):
        """The model a <field> of a view belongs to (its x2many's comodel when nested)."""
        path = []
        parent = node.getparent()
        while parent is not None:
            if parent.tag == "field":
                path.append(parent.get("name"))
            parent = parent.getparent()
        model = "qms.complaint"
        for name in reversed(path):
            model = self.env[model]._fields[name].comodel_name
        return model
