"""Fill translations in resources/i18n/inspector_zh_CN.ts from the command line (for a few new strings).

    python packaging/set_translation.py "applicable=适用" "Sign=签名"
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "inspector_zh_CN.ts"


def main(pairs: list[str]) -> int:
    wanted = dict(p.split("=", 1) for p in pairs)
    tree = ET.parse(TS)
    done = set()
    for message in tree.iter("message"):
        source = message.findtext("source")
        if source in wanted:
            tr = message.find("translation")
            assert tr is not None
            tr.attrib.pop("type", None)
            numerus = tr.findall("numerusform")
            if numerus:
                numerus[0].text = wanted[source]
            else:
                tr.text = wanted[source]
            done.add(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    missing = set(wanted) - done
    for m in sorted(missing):
        print(f"not found: {m}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
