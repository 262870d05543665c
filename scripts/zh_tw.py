"""Traditional Chinese (zh_TW) translations, generated from the zh_CN ones.

    python scripts/zh_tw.py            # every addon under addons/
    python scripts/zh_tw.py --check    # exit 1 when a zh_TW.po is missing or stale

Each addon's ``i18n/zh_TW.po`` is its ``zh_CN.po`` with every translation
converted by OpenCC's "s2twp" configuration (Simplified to Traditional with
Taiwan phrases: 软件 → 軟體, 默认 → 預設), then corrected where the quality
trade in Taiwan and Hong Kong writes otherwise (TERM_FIXES). Only translations
change: ids, comments and placeholders stay as they are. Edit zh_CN.po and
regenerate; never edit zh_TW.po by hand (the test suite checks it is current).
"""

import argparse
import sys
from pathlib import Path

import opencc
import polib

ADDONS = Path(__file__).resolve().parent.parent / "addons"

# What s2twp writes → what a Taiwanese quality department writes.
TERM_FIXES = {
    "質量": "品質",  # 质量: quality (質量 is mass in Taiwan)
    "賬": "帳",  # 账户, 台账: 帳戶, 台帳
    "程式": "程序",  # 控制程序: a procedure, not a computer program
    "郵箱": "電子郵件信箱",
    "短信": "簡訊",
    "二維碼": "QR 碼",
    "菜單": "選單",
    "數據": "資料",
}


def converter():
    return opencc.OpenCC("s2twp")


def to_taiwan(text, cc, msgid=""):
    converted = cc.convert(text)
    for wrong, right in TERM_FIXES.items():
        converted = converted.replace(wrong, right)
    # s2twp reads every 项目 as a project (專案); ours are mostly items (項目:
    # survey items, test items). A project only where the English says so.
    if "project" not in msgid.lower():
        converted = converted.replace("專案", "項目")
    return converted


def taiwan_catalog(zh_cn_path, cc):
    catalog = polib.pofile(str(zh_cn_path), wrapwidth=0)
    catalog.metadata["Language"] = "zh_TW"
    catalog.metadata["Language-Team"] = "Chinese (Traditional)"
    for entry in catalog:
        if entry.msgstr:
            entry.msgstr = to_taiwan(entry.msgstr, cc, entry.msgid)
        for index, text in list(entry.msgstr_plural.items()):
            entry.msgstr_plural[index] = to_taiwan(text, cc, entry.msgid)
    return catalog


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("addons", nargs="*", help="addon names (default: all)")
    args = parser.parse_args()
    cc = converter()
    names = args.addons or sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))
    stale = []
    for name in names:
        source = ADDONS / name / "i18n" / "zh_CN.po"
        target = source.with_name("zh_TW.po")
        if not source.exists():
            stale.append(f"{name}: no zh_CN.po to convert")
            continue
        text = str(taiwan_catalog(source, cc))
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(f"{name}: zh_TW.po is missing or older than zh_CN.po")
        else:
            target.write_text(text, encoding="utf-8")
            print(f"{name}: {target.relative_to(ADDONS.parent)}")
    for line in stale:
        print(line, file=sys.stderr)
    if stale:
        print("Run `python scripts/zh_tw.py` to regenerate.", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
