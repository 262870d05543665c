from .common import ComplaintCase


class TestGroupedKpis(ComplaintCase):
    """The pivot's groups and totals show the ratio of the sums: a complaint
    about 10 pieces does not weigh as much as one about 10,000."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Complaint = cls.env["qms.complaint"]
        cls.small, cls.large = (
            Complaint.create(vals)
            for vals in (
                {
                    "title": "Scratches",
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "qty_defective": 5,
                    "qty_delivered": 500,
                    "date_received": "2026-03-01 08:00:00",
                },
                {
                    "title": "Scratches again",
                    "partner_id": cls.customer.id,
                    "product_id": cls.product.id,
                    "qty_defective": 1,
                    "qty_delivered": 10000,
                    "date_received": "2026-03-02 08:00:00",
                },
            )
        )
        cls.question = Complaint.create(
            {
                "title": "Which grease?",
                "feedback_type": "consultation",
                "partner_id": cls.customer.id,
            }
        )
        cls.domain = [("commercial_partner_id", "=", cls.customer.id)]

    def test_grouped_ppm_is_total_defective_over_total_delivered(self):
        self.assertEqual(self.small.defect_ppm, 10000)
        self.assertEqual(self.large.defect_ppm, 100)
        expected = 6 / 10500 * 1e6  # 571, where the average of the two would be 5050
        [group] = self.env["qms.complaint"].read_group(
            [*self.domain, ("feedback_type", "=", "complaint")],
            ["defect_ppm:avg", "defect_ratio:avg", "qty_defective:sum"],
            ["commercial_partner_id"],
        )
        self.assertAlmostEqual(group["defect_ppm"], expected, places=6)
        self.assertAlmostEqual(group["defect_ratio"], expected / 1e4, places=8)
        self.assertEqual(group["qty_defective"], 6)
        # the pivot's total line: no group at all
        [(total,)] = self.env["qms.complaint"]._read_group(self.domain, [], ["defect_ppm:avg"])
        self.assertAlmostEqual(total, expected, places=6, msg="the consultation adds nothing")

    def test_grouped_repeat_rate_counts_complaints_only(self):
        self.assertFalse(self.small.is_repeat)
        self.assertTrue(self.large.is_repeat)
        groups = self.env["qms.complaint"]._read_group(
            self.domain, ["commercial_partner_id"], ["repeat_rate:avg", "__count"]
        )
        self.assertEqual(groups, [(self.customer, 50.0, 3)], "1 repeat of 2 complaints")

    def test_nothing_delivered_known_is_zero(self):
        self.small.qty_delivered = self.large.qty_delivered = 0
        [(ppm, ratio)] = self.env["qms.complaint"]._read_group(
            self.domain, [], ["defect_ppm:avg", "defect_ratio:avg"]
        )
        self.assertEqual((ppm, ratio), (0.0, 0.0))
