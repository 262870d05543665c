from odoo.tests import BaseCase

from ..tools.sampling import code_letter, sample_size


class TestSampling(BaseCase):
    def test_iso2859_level_ii(self):
        self.assertEqual(code_letter(8), "A")
        self.assertEqual(code_letter(9), "B")
        self.assertEqual(code_letter(200), "G")
        self.assertEqual(sample_size(200), 32)
        self.assertEqual(sample_size(1000), 80)
        self.assertEqual(sample_size(600000), 1250)
        self.assertEqual(sample_size(1), 1, "never more than the lot")

    def test_levels_and_plans(self):
        self.assertEqual(sample_size(200, level="1"), 13)
        self.assertEqual(sample_size(200, level="3"), 50)
        self.assertEqual(sample_size(200, plan="full"), 200)
        self.assertEqual(sample_size(200, plan="fixed", fixed=5), 5)
        self.assertEqual(sample_size(0), 0)
        with self.assertRaises(ValueError):
            sample_size(10, plan="guess")
