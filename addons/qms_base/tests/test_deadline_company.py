from .common import QmsCase, cst

START = cst(2026, 3, 2, 9, 0)  # Monday


class TestDeadlineKindPerCompany(QmsCase):
    """Each company sets its own numbers on a shared deadline kind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create(
            {"name": "Suzhou Plant", "qms_calendar_id": cls.calendar.id}
        )

    def _customer_of(self, company):
        return self.env["res.partner"].create(
            {
                "name": f"Customer of {company.name}",
                "user_id": self.owner_user.id,
                "company_id": company.id,
            }
        )

    def test_a_new_kind_starts_with_the_same_values_everywhere(self):
        kind = self._make_kind("shared", 4, "working_days", reminder_offsets="1")
        for company in (self.company_a, self.company_b):
            company_kind = kind.with_company(company)
            self.assertEqual(company_kind.duration, 4)
            self.assertEqual(company_kind.duration_unit, "working_days")
            self.assertEqual(company_kind.escalation_target, "manager")
            self.assertEqual(company_kind.reminder_offsets, "1")

    def test_a_company_created_later_starts_with_the_kinds_values(self):
        self.kind.with_company(self.company_a).write(
            {"duration": 6, "reminder_offsets": "2", "escalation_delay_unit": "working_hours"}
        )
        company_c = self.env["res.company"].create({"name": "Ningbo Plant"})
        kind_c = self.kind.with_company(company_c)
        self.assertEqual(kind_c.duration, 6)
        self.assertEqual(kind_c.reminder_offsets, "2")
        self.assertEqual(kind_c.escalation_delay_unit, "working_hours")
        self.assertEqual(kind_c.duration_unit, "working_days")

    def test_two_companies_two_due_dates(self):
        self.kind.with_company(self.company_b).write({"duration": 5, "reminder_offsets": "1"})
        self.assertEqual(self.kind.with_company(self.company_a).duration, 3, "A keeps its own")
        self.assertFalse(self.kind.with_company(self.company_a).reminder_offsets)
        in_a = self._open(self._customer_of(self.company_a), start=START)
        in_b = self._open(self._customer_of(self.company_b), start=START)
        self.assertEqual(in_a.company_id, self.company_a)
        self.assertEqual(in_b.company_id, self.company_b)
        self.assertEqual(in_a.due, cst(2026, 3, 5, 9, 0), "3 working days")
        self.assertEqual(in_b.due, cst(2026, 3, 9, 9, 0), "5 working days")
        self.assertFalse(in_a.reminder_times)
        self.assertEqual(in_b._reminder_datetimes(), [cst(2026, 3, 6, 9, 0)])
        # The same from a user working in the other company.
        in_b2 = self._open(
            self._customer_of(self.company_b).with_company(self.company_a), start=START
        )
        self.assertEqual(in_b2.due, in_b.due)
        # Rescheduling reads the row's company too.
        in_b._reschedule(cst(2026, 3, 10, 9, 0))
        self.assertEqual(in_b._reminder_datetimes(), [cst(2026, 3, 9, 9, 0)])

    def test_escalation_targets_per_company(self):
        director = self.env["res.users"].create({"name": "Director B", "login": "director_b"})
        self.kind.with_company(self.company_b).write(
            {"escalation_target": "user", "escalation_user_id": director.id}
        )
        self.assertEqual(self.kind.escalation_target, "manager")
        in_a = self._open(self._customer_of(self.company_a), start=START)
        in_b = self._open(self._customer_of(self.company_b), start=START)
        self.env["qms.deadline"]._process_due(now=cst(2026, 3, 6, 10, 0))
        self.assertIn(self.manager_user, in_a.activity_ids.user_id)
        self.assertIn(director, in_b.activity_ids.user_id)
        self.assertNotIn(self.manager_user, in_b.activity_ids.user_id)

    def test_the_kind_list_shows_the_current_companys_values(self):
        self.kind.with_company(self.company_b).duration = 5
        read_a = self.kind.with_company(self.company_a).read(["duration", "current_company_id"])
        read_b = self.kind.with_company(self.company_b).read(["duration", "current_company_id"])
        self.assertEqual(read_a[0]["duration"], 3)
        self.assertEqual(read_b[0]["duration"], 5)
        self.assertEqual(read_b[0]["current_company_id"][0], self.company_b.id)
