"""Every addon ships a complete Simplified Chinese translation.

Odoo-free: each addon's ``i18n/<addon>.pot`` (exported from the code with
``odoo-bin --i18n-export``) and ``i18n/zh_CN.po`` are read with babel, and the
addon's Python sources are parsed with ``ast``. A string added to the code and
not exported, or exported and not translated, fails here.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ADDONS = Path(__file__).parent.parent / "addons"
ADDON_NAMES = sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))

# Python %-placeholders: %(name)s, %(rate).1f, %s, %d; "%%" is a literal percent.
PERCENT = re.compile(r"%(?:\([A-Za-z_][A-Za-z0-9_]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifgGeExXr%]")
# Inline templates of mail subjects: {{ object.name }}; QWeb expressions in bodies.
JINJA = re.compile(r"\{\{.*?\}\}")
QWEB_EXPR = re.compile(r"""\bt-(?:out|esc|att-\w+|attf-\w+)=(["'])(.*?)\1""")
# The names Odoo's extractor marks for translation (babel keywords _ and _lt).
TRANSLATE_FUNCS = {"_", "_lt"}


def _read(path):
    with path.open("rb") as handle:
        return read_po(handle, locale="zh_CN")


def _msgid(message):
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _msgstr(message):
    return message.string[0] if isinstance(message.string, tuple) else message.string


def _placeholders(text):
    found = sorted(m for m in PERCENT.findall(text) if m != "%%")
    return (
        found,
        sorted(m.replace(" ", "") for m in JINJA.findall(text)),
        sorted(expr for _quote, expr in QWEB_EXPR.findall(text)),
    )


def _code_strings(addon):
    """Literal first arguments of _()/_lt()/self.env._() in the addon's Python files."""
    strings = {}
    for path in sorted((ADDONS / addon).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in TRANSLATE_FUNCS:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                rel = path.relative_to(ADDONS)
                strings.setdefault(first.value, f"{rel}:{node.lineno}")
    return strings


def _catalogs(addon):
    i18n = ADDONS / addon / "i18n"
    pot_path, po_path = i18n / f"{addon}.pot", i18n / "zh_CN.po"
    assert pot_path.is_file(), f"{addon}: no {pot_path.name}; export it with odoo-bin"
    assert po_path.is_file(), f"{addon}: no zh_CN.po"
    return _read(pot_path), _read(po_path)


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_every_template_string_is_translated(addon):
    pot, po = _catalogs(addon)
    missing = []
    for message in pot:
        msgid = _msgid(message)
        if not msgid:
            continue
        translated = po.get(msgid)
        if translated is None or not _msgstr(translated).strip():
            missing.append(msgid)
    assert not missing, f"{addon}: {len(missing)} string(s) without zh_CN translation:\n" + (
        "\n".join(f"  {m!r}" for m in missing)
    )


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_translations_keep_placeholders(addon):
    _pot, po = _catalogs(addon)
    wrong = []
    for message in po:
        msgid, msgstr = _msgid(message), _msgstr(message)
        if msgid and msgstr and _placeholders(msgid) != _placeholders(msgstr):
            wrong.append(f"  {msgid!r}\n  -> {msgstr!r}")
    assert not wrong, f"{addon}: placeholders differ between msgid and msgstr:\n" + "\n".join(wrong)


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_no_obsolete_translation(addon):
    pot, po = _catalogs(addon)
    template_ids = {_msgid(m) for m in pot if _msgid(m)}
    obsolete = sorted(_msgid(m) for m in po if _msgid(m) and _msgid(m) not in template_ids)
    assert not obsolete, f"{addon}: zh_CN.po has strings the template lost:\n" + "\n".join(
        f"  {m!r}" for m in obsolete
    )
    header = (ADDONS / addon / "i18n" / "zh_CN.po").read_text(encoding="utf-8")
    assert '"Language: zh_CN\\n"' in header, f"{addon}: zh_CN.po lost its Language header"
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in header


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_template_covers_code_strings(addon):
    pot, _po = _catalogs(addon)
    exported = {_msgid(m) for m in pot if "odoo-python" in m.auto_comments}
    all_ids = {_msgid(m) for m in pot}
    missing = {text: where for text, where in _code_strings(addon).items() if text not in all_ids}
    assert not missing, f"{addon}: {addon}.pot misses code strings; re-export it:\n" + "\n".join(
        f"  {where}: {text!r}" for text, where in sorted(missing.items(), key=lambda i: i[1])
    )
    # Odoo 18 marks those as code (odoo-python) terms.
    not_code = [t for t in _code_strings(addon) if t not in exported]
    assert not not_code, f"{addon}: code strings not exported as code terms: {not_code}"


def test_traditional_chinese_is_generated_from_the_current_simplified():
    """Every addon's zh_TW.po is what scripts/zh_tw.py makes of its zh_CN.po today."""
    result = subprocess.run(
        [sys.executable, str(ADDONS.parent / "scripts" / "zh_tw.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
