from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user

from .common import FakeModelsMixin


class TestInspectionMixin(FakeModelsMixin, TransactionCase):
    """A QMS document inspected with OCA's quality control: a sample checked
    against a test with a yes/no question and a measured thickness."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._load_fake_models("QmsFakeSample")
        cls.env["ir.model.access"].create(
            {
                "name": "test sample user",
                "model_id": cls.env["ir.model"]._get_id("qms.fake.sample"),
                "group_id": cls.env.ref("qms_base.group_qms_user").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
            }
        )
        cls.inspector = new_test_user(
            cls.env, login="qms_inspector", name="Inspector", groups="qms_base.group_qms_user"
        )
        cls.mm = cls.env.ref("uom.product_uom_millimeter")
        cls.test = cls.env["qc.test"].create(
            {
                "name": "Sample release check",
                "test_lines": [
                    (
                        0,
                        0,
                        {
                            "name": "Housing free of scratches",
                            "type": "qualitative",
                            "sequence": 1,
                            "ql_values": [
                                (0, 0, {"name": "Yes", "ok": True}),
                                (0, 0, {"name": "No", "ok": False}),
                            ],
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "Glass thickness",
                            "type": "quantitative",
                            "sequence": 2,
                            "min_value": 1.9,
                            "max_value": 2.1,
                            "uom_id": cls.mm.id,
                        },
                    ),
                ],
            }
        )

    def _sample(self, name="S-1"):
        return self.env["qms.fake.sample"].with_user(self.inspector).create({"name": name})

    def _answer(self, inspection, looks_fine, thickness):
        scratches, measure = inspection.inspection_lines.sorted(
            lambda line: line.test_line.sequence
        )
        scratches.qualitative_value = scratches.possible_ql_values.filtered(
            lambda value: value.ok == looks_fine
        )
        measure.quantitative_value = thickness

    def test_inspection_of_a_document_with_the_test_questions(self):
        sample = self._sample()
        self.assertEqual(sample.qms_inspection_result, "none")
        self.assertEqual(sample.qms_inspection_count, 0)

        inspection = sample._qms_inspection_create(self.test, qty=5)

        self.assertEqual(inspection.object_id, sample)
        self.assertEqual(inspection.state, "ready", "ready to answer")
        self.assertEqual(inspection.qty, 5)
        self.assertEqual(inspection.user, self.inspector)
        self.assertEqual(
            inspection.inspection_lines.mapped("name"),
            ["Housing free of scratches", "Glass thickness"],
        )
        measure = inspection.inspection_lines.filtered(
            lambda line: line.question_type == "quantitative"
        )
        self.assertEqual(measure.uom_id, self.mm)
        self.assertEqual(sample.qms_inspection_ids, inspection)
        self.assertEqual(sample.qms_inspection_count, 1)
        self.assertEqual(sample.qms_inspection_result, "pending")
        self.assertIn(
            ("qms.fake.sample", "QMS test sample"),
            self.env["qc.inspection"].object_selection_values(),
        )

    def test_passed_inspection_tells_the_document(self):
        sample = self._sample()
        inspection = sample._qms_inspection_create(self.test)
        self._answer(inspection, looks_fine=True, thickness=2.02)

        self.assertIs(inspection.action_confirm(), True)

        self.assertEqual(inspection.state, "success")
        self.assertEqual(sample.heard, f"{inspection.name}:success;")
        self.assertEqual(sample.qms_inspection_result, "passed")

    def test_failed_inspection_waits_for_approval_then_tells_the_document(self):
        sample = self._sample()
        inspection = sample._qms_inspection_create(self.test)
        self._answer(inspection, looks_fine=True, thickness=2.3)

        inspection.action_confirm()
        self.assertEqual(inspection.state, "waiting", "out of tolerance: the supervisor decides")
        self.assertEqual(sample.heard, "", "not finished yet")
        self.assertEqual(sample.qms_inspection_result, "pending")

        self.assertIs(inspection.action_approve(), True)
        self.assertEqual(inspection.state, "failed")
        self.assertEqual(sample.heard, f"{inspection.name}:failed;")
        self.assertEqual(sample.qms_inspection_result, "failed")

    def test_result_over_several_inspections(self):
        sample = self._sample()
        first = sample._qms_inspection_create(self.test)
        second = sample._qms_inspection_create(self.test)
        self._answer(first, looks_fine=True, thickness=2.0)
        first.action_confirm()
        self.assertEqual(sample.qms_inspection_result, "pending", "one still open")
        second.action_cancel()
        self.assertEqual(sample.qms_inspection_result, "passed", "cancelled ones do not count")
        self.assertEqual(sample.qms_inspection_count, 2)

    def test_unanswered_question_blocks_confirmation(self):
        inspection = self._sample()._qms_inspection_create(self.test)
        with self.assertRaises(UserError):
            inspection.action_confirm()

    def test_view_inspections_action(self):
        sample = self._sample()
        inspections = sample._qms_inspection_create(self.test) | sample._qms_inspection_create(
            self.test
        )
        self._sample("S-2")._qms_inspection_create(self.test)
        action = sample.action_qms_view_inspections()
        self.assertEqual(action["res_model"], "qc.inspection")
        self.assertEqual(
            self.env["qc.inspection"].search(action["domain"]), inspections, "only this sample's"
        )
        self.assertEqual(action["context"]["default_object_id"], f"qms.fake.sample,{sample.id}")
