from freezegun import freeze_time

from .common import ComplaintCase, cst


class TestMultiCompanyDeadlines(ComplaintCase):
    """Two plants, two 8D targets: each complaint is due by its own company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_kind = cls.env.ref("qms_complaint.deadline_kind_report_8d")
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create(
            {"name": "Suzhou Plant", "qms_calendar_id": cls.calendar.id}
        )
        cls.env.user.company_ids |= cls.company_b
        cls.owner_user.company_ids |= cls.company_b

    def _report_deadline(self, complaint):
        return complaint.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "report_8d")

    def _complaint_in(self, company):
        # Users create complaints in the company they work in (the switcher).
        return (
            self.env["qms.complaint"]
            .with_company(company)
            .create(
                {
                    "title": "Dead pixels",
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "user_id": self.owner_user.id,
                    "qty_defective": 5,
                    "qty_delivered": 500,
                }
            )
        )

    def test_the_data_files_numbers_apply_to_every_company(self):
        self.assertEqual(self.report_kind.with_company(self.company_a).duration, 3)
        self.assertEqual(self.report_kind.with_company(self.company_b).duration, 3)
        self.assertEqual(
            self.report_kind.with_company(self.company_b).duration_unit, "working_days"
        )

    def test_two_companies_two_8d_due_dates(self):
        settings_b = self.env["res.config.settings"].with_company(self.company_b).create({})
        self.assertEqual(settings_b.qms_complaint_report_days, 3)
        settings_b.qms_complaint_report_days = 5
        settings_b.execute()
        self.assertEqual(self.report_kind.with_company(self.company_b).duration, 5)
        self.assertEqual(self.report_kind.with_company(self.company_a).duration, 3)
        settings_a = self.env["res.config.settings"].with_company(self.company_a).create({})
        self.assertEqual(settings_a.qms_complaint_report_days, 3, "A's settings show A's")

        # Received Friday 3 April 2026 at 10:00, before Qingming (4-6 April).
        with freeze_time("2026-04-03 02:00:00"):
            in_a = self._complaint_in(self.company_a)
            in_b = self._complaint_in(self.company_b)
        self.assertEqual(in_a.company_id, self.company_a)
        self.assertEqual(in_b.company_id, self.company_b)
        self.assertEqual(self._report_deadline(in_a).due, cst(2026, 4, 9, 10, 0), "3 days")
        self.assertEqual(self._report_deadline(in_b).due, cst(2026, 4, 13, 10, 0), "5 days")
