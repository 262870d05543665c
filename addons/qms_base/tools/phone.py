"""Mainland China mobile numbers: 11 digits starting with 1 (seed 000, 客户资料登记表:
“检查填写资料是否有误, 如手机号是否为11位数”).

Pure functions, no Odoo import. The models warn with the result, they never
block: a number is a customer's to give, and a typing error is for a person
to correct.
"""

import re

MAINLAND = "CN"
MOBILE_LENGTH = 11
# Separators people type inside a number: spaces, dashes, dots, brackets.
SEPARATORS = re.compile(r"[\s\-.()（）]+")
COUNTRY_PREFIXES = ("+86", "0086")


def normalize(number):
    """The number without its separators (an international ``+`` kept)."""
    return SEPARATORS.sub("", number or "")


def mainland_mobile_problem(number, country_code=None):
    """Why ``number`` is not a valid mainland mobile number, or ``None``.

    ``country_code`` is the partner's country (ISO code) or, without one, the
    company's. Numbers of other countries, landlines (an area code starting
    with 0) and service numbers (400/800…) are never questioned.

    Returns ``None`` or one of ``"length"`` (starts with 1, not 11 digits) and
    ``"characters"`` (starts with 1 but holds something else than digits).
    """
    text = normalize(number)
    mainland = _mainland_national(text, country_code)
    # landlines (area code 0…), service numbers (400…) and other countries: not our concern
    if not mainland or not mainland.startswith("1"):
        return None
    if not mainland.isdigit():
        return "characters"
    return "length" if len(mainland) != MOBILE_LENGTH else None


def _mainland_national(text, country_code):
    """``text`` without its mainland prefix, or ``None`` for another country's number."""
    for prefix in COUNTRY_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix) :]
    foreign = text.startswith(("+", "00")) or (country_code and country_code.upper() != MAINLAND)
    return None if foreign else text


def digits(number):
    """The digits of ``number`` without a mainland country prefix: the key
    under which two ways of writing one number match."""
    text = normalize(number)
    for prefix in COUNTRY_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return "".join(char for char in text if char.isdigit())
