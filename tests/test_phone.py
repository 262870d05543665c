"""Standalone tests for ``addons/qms_base/tools/phone.py`` (SPEC §0: mainland
mobile numbers are 11 digits starting with 1 — warn, don't block).

Loaded by file path, like the working-time tests: no Odoo needed.
"""

import importlib.util
from pathlib import Path

import pytest

MODULE_PATH = Path(__file__).parent.parent / "addons/qms_base/tools/phone.py"


def _load_module():
    spec = importlib.util.spec_from_file_location("qms_phone", MODULE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


phone = _load_module()


@pytest.mark.parametrize(
    ("number", "country", "problem"),
    [
        ("13900001111", "CN", None),
        ("139 0000 1111", "CN", None),
        ("139-0000-1111", None, None),
        ("+86 139 0000 1111", "DE", None),  # the prefix says mainland
        ("0086 13900001111", None, None),
        ("1390000111", "CN", "length"),  # ten digits
        ("139000011112", "CN", "length"),  # twelve
        ("+86 1390000111", None, "length"),
        ("139000O1111", "CN", "characters"),  # a letter O
        ("0755-2222 3333", "CN", None),  # landline with area code
        ("400-820-8820", "CN", None),  # service number
        ("1512345678", "DE", None),  # another country's number
        ("+49 151 2345678", None, None),
        ("+1 870-931-0505", "CN", None),
        ("", "CN", None),
        (None, "CN", None),
    ],
)
def test_mainland_mobile_problem(number, country, problem):
    assert phone.mainland_mobile_problem(number, country) == problem


def test_digits_match_however_the_number_is_written():
    assert phone.digits("+86 139-0000-1111") == phone.digits("13900001111") == "13900001111"
    assert phone.digits("(0755) 2222 3333") == "075522223333"
    assert phone.digits(None) == ""
