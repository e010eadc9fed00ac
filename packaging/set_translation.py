"""Fill translations in resources/i18n/inspector_zh_CN.ts from the command line (for a few new strings).

    python packaging/set_translation.py "applicable=适用" "Sign=签名"
    python packaging/set_translation.py "SeizureDialog::Item=物品"     # one context only
    python packaging/set_translation.py --overwrite "Item=条目"        # also replace finished translations

By default only messages that are still unfinished are filled: the same English word may be translated differently
in another context ("Item" is 检查项 in the checklist and 物品 in a seizure list), and a bulk fill must not silently
change those. Run lupdate afterwards to keep the file in its own format.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "inspector_zh_CN.ts"


def _parse(pair: str) -> tuple[str | None, str, str]:
    source, text = pair.split("=", 1)
    context, sep, rest = source.partition("::")
    return (context, rest, text) if sep and context.isidentifier() else (None, source, text)


def main(args: list[str]) -> int:
    overwrite = "--overwrite" in args
    wanted = [_parse(p) for p in args if p != "--overwrite"]
    tree = ET.parse(TS)
    done = set()
    for ctx in tree.iter("context"):
        name = ctx.findtext("name")
        for message in ctx.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            assert tr is not None
            for context, src, text in wanted:
                if src != source or (context is not None and context != name):
                    continue
                done.add((context, src))
                if not overwrite and tr.get("type") != "unfinished" and (tr.text or tr.findall("numerusform")):
                    continue
                tr.attrib.pop("type", None)
                numerus = tr.findall("numerusform")
                if numerus:
                    numerus[0].text = text
                else:
                    tr.text = text
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    missing = {(c, s) for c, s, _ in wanted} - done
    for c, m in sorted(missing, key=str):
        print(f"not found: {c + '::' if c else ''}{m}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
