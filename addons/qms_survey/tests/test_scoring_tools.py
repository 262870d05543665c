from odoo.tests import BaseCase

from ..tools import scoring


class TestScoringTools(BaseCase):
    def test_bands_and_grades_at_the_boundaries(self):
        cases = [
            (80.01, "very_satisfied", "A"),
            (80.0, "very_satisfied", "A"),  # 001: 80分以上 — 80 and above
            (79.99, "satisfied", "B"),
            (70.0, "satisfied", "B"),
            (69.99, "average", "B"),
            (60.0, "average", "B"),
            (59.99, "dissatisfied", "B"),
            (0.0, "dissatisfied", "B"),
        ]
        for score, band, grade in cases:
            with self.subTest(score=score):
                self.assertEqual(scoring.band(score), band)
                self.assertEqual(scoring.grade(score), grade)
        self.assertIsNone(scoring.band(None))
        self.assertIsNone(scoring.grade(None))

    def test_thresholds_are_configurable(self):
        strict = scoring.Thresholds(grade_a=85, very_satisfied_from=90, satisfied_from=75)
        self.assertEqual(scoring.grade(84.9, strict), "B")
        self.assertEqual(scoring.band(90, strict), "very_satisfied")
        self.assertEqual(scoring.band(89.99, strict), "satisfied")
        self.assertEqual(scoring.band(74, strict), "average")

    def test_low_item_and_low_total(self):
        self.assertTrue(scoring.is_low_item(70.0))
        self.assertFalse(scoring.is_low_item(70.01))
        self.assertTrue(scoring.is_low_total(79.99))
        self.assertFalse(scoring.is_low_total(80.0))
        self.assertFalse(scoring.is_low_item(None))

    def test_weighted_total_spreads_the_weight_of_an_unscored_module(self):
        weights = {"overall": 40, "service": 30, "quality": 30}
        self.assertAlmostEqual(
            scoring.weighted_total({"overall": 80, "service": 40, "quality": 90}, weights), 71.0
        )
        self.assertAlmostEqual(
            scoring.weighted_total({"overall": 100, "service": None, "quality": 90}, weights),
            (40 * 100 + 30 * 90) / 70,
        )
        self.assertIsNone(scoring.weighted_total({"overall": None}, weights))

    def test_module_score_ignores_skipped_and_unknown_questions(self):
        rows = [(1, 10, True), (2, 0, False), (3, 6, True), (99, 10, True)]
        scores = scoring.module_scores(rows, {1: "m", 2: "m", 3: "n"}, {1: 10, 2: 10, 3: 10})
        self.assertEqual(scores, {"m": 100.0, "n": 60.0})

    def test_return_rate_and_weights(self):
        self.assertEqual(scoring.return_rate(99, 100), 99.0)
        self.assertIsNone(scoring.return_rate(0, 0))
        self.assertTrue(scoring.weights_valid([40, 30, 30]))
        self.assertFalse(scoring.weights_valid([40, 30, 20]))
        self.assertFalse(scoring.weights_valid([]))

    def test_batch_scoring_matches_the_single_questionnaire_functions(self):
        question_module = {1: "m", 2: "m", 3: "n"}
        question_max = {1: 10, 2: 10, 3: 20}
        weights = {"m": 60, "n": 40}
        rows = {
            "a": [(1, 10, True), (2, 6, True), (3, 5, True)],
            "b": [(1, 0, False), (2, 4, True), (3, 0, False)],
            "c": [(1, 0, False), (2, 0, False), (3, 0, False)],
        }
        flat = [(key, *row) for key, key_rows in rows.items() for row in key_rows]
        batch = scoring.score_questionnaires(flat, question_module, question_max, weights)
        for key, key_rows in rows.items():
            modules = scoring.module_scores(key_rows, question_module, question_max)
            self.assertEqual(batch[key]["modules"], modules)
            self.assertEqual(batch[key]["total"], scoring.weighted_total(modules, weights))
        self.assertEqual(batch["a"]["items"], {1: 100.0, 2: 60.0, 3: 25.0})
        self.assertEqual(batch["b"]["modules"], {"m": 40.0, "n": None})
        self.assertAlmostEqual(batch["b"]["total"], 40.0)
        self.assertIsNone(batch["c"]["total"])
