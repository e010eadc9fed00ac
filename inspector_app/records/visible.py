"""Key-facts check — the fallback for document kinds that records/rerender.py cannot re-render (the full check
re-renders and compares page by page, pagecompare.py). Visible content bound to the signed data: the pages of the
signed revision must print the facts of the embedded record data (record.json), so genuine data cannot be carried
by repainted pages.

Method (deterministic, independent of the ReportLab version that rendered the file):
1. Extract the text of every page of the *signed revision* (objects resolved through that revision, never the
   latest one): the content streams are tokenised, text-showing operators (Tj, TJ, ', ") decoded through each
   font's /ToUnicode CMap, and all whitespace removed. A font without /ToUnicode yields no text, so such pages fail
   closed.
2. Derive from record.json the facts every layout of that kind prints (`facts()`): document number, agency, the
   party's name and 统一社会信用代码, every planned signer's name and 执法证号, each finding's amounts as the
   renderer formats them, each evidence item's SHA-256, and the content hash where the kind prints it.
3. Every fact must occur in the extracted text; each missing fact is named in the failure.

What this does not prove: that nothing *else* is printed, or the layout and images (photos are bound by the
SHA-256 of the original evidence file, which the pages print and the case file carries, not by pixels).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.records.plan import plan_from_record

_WS = re.compile(r"\s+")
_TOKEN = re.compile(rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|[^\s/\[\]()<>]+", re.S)
_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}


def _literal(tok: bytes) -> bytes:
    body, out, i = tok[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = body[i + 1:i + 2]
        if nxt in _ESC:
            out += _ESC[nxt]
            i += 2
        elif nxt.isdigit():
            m = re.match(rb"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:  # line continuation or unknown escape: drop the backslash
            i += 1
    return bytes(out)


def _string(tok: bytes) -> bytes | None:
    if tok.startswith(b"("):
        return _literal(tok)
    if tok.startswith(b"<"):
        hexs = re.sub(rb"\s", b"", tok[1:-1])
        return bytes.fromhex((hexs + b"0" * (len(hexs) % 2)).decode("ascii"))
    return None


def _cmap(data: bytes) -> tuple[dict[bytes, str], int]:
    """bfchar/bfrange of a ToUnicode CMap -> (code bytes -> text, code length)."""
    out: dict[bytes, str] = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[bytes.fromhex(src)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start, width = int(dst, 16), len(lo) // 2
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code.to_bytes(width, "big")] = chr(start + k)
    return out, max((len(k) for k in out), default=1)


def _fonts(view: Any, resources: Any, resolve: Any) -> dict[str, tuple[dict[bytes, str], int]]:
    fonts: dict[str, tuple[dict[bytes, str], int]] = {}
    try:
        font_dict = resolve(resources.raw_get("/Font"))
    except (KeyError, AttributeError):
        return fonts
    for name in font_dict:
        font = resolve(font_dict.raw_get(name))
        if "/ToUnicode" in font:
            fonts[str(name)] = _cmap(resolve(font.raw_get("/ToUnicode")).data)
    return fonts


def _decode(raw: bytes, cmap: tuple[dict[bytes, str], int] | None) -> str:
    if cmap is None:
        return ""
    table, width = cmap
    return "".join(table.get(raw[i:i + width], "") for i in range(0, len(raw), width))


def page_text(view: Any, page: Any) -> str:
    """The text a page shows, whitespace removed, every object resolved through `view`."""
    def resolve(obj: Any) -> Any:
        return view.get_object(obj.reference) if hasattr(obj, "reference") else obj

    resources = resolve(page.raw_get("/Resources")) if "/Resources" in page else None
    fonts = _fonts(view, resources, resolve) if resources is not None else {}
    contents = resolve(page.raw_get("/Contents")) if "/Contents" in page else None
    streams = contents if isinstance(contents, list) else [contents] if contents is not None else []
    data = b"\n".join(resolve(s).data for s in streams)
    out: list[str] = []
    font: tuple[dict[bytes, str], int] | None = None
    operands: list[bytes] = []
    for tok in _TOKEN.findall(data):
        if tok[:1] in b"(<[]/" or tok[:1].isdigit() or tok[:1] in b"-.+":
            operands.append(tok)
            continue
        if tok == b"Tf" and len(operands) >= 2:
            font = fonts.get(operands[-2].decode("latin-1"))
        elif tok in (b"Tj", b"'", b'"', b"TJ"):
            for o in operands:
                raw = _string(o)
                if raw is not None:
                    out.append(_decode(raw, font))
        operands = []
    return _WS.sub("", "".join(out))


def pages_text(view: Any, root: Any) -> str:
    """All pages of the revision `view` in order."""
    def resolve(obj: Any) -> Any:
        return view.get_object(obj.reference) if hasattr(obj, "reference") else obj

    out: list[str] = []

    def walk(node: Any, depth: int) -> None:
        node = resolve(node)
        if depth > 50:
            return
        if "/Kids" in node:
            for i in range(len(node["/Kids"])):
                walk(node["/Kids"].raw_get(i), depth + 1)
        else:
            out.append(page_text(view, node))

    walk(root.raw_get("/Pages"), 0)
    return "".join(out)


def _money(value: Any) -> str | None:
    try:
        return f"{Decimal(str(value)):,.2f}"
    except (InvalidOperation, ValueError):
        return None


def facts(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(what, text) the pages of a document of this kind print, from its record data."""
    kind = record.get("kind")
    party = record.get("party") or {}
    out = [("文书编号", record.get("number", "")), ("制作机关", record.get("agency", "")),
           ("被检查单位", party.get("name", ""))]
    if party.get("credit_code") and kind != "record_addendum":  # the addendum names the party only
        out.append(("统一社会信用代码", party["credit_code"]))
    for p in plan_from_record(record).signatures:
        out += [("签名人姓名", p.name), (f"{p.name} 的执法证号", p.certificate_no)]
    for f in record.get("findings") or ():
        for key, what in (("amount_involved", "涉及金额"), ("amount_to_recover", "应追回金额")):
            money = _money(f.get(key))
            if money is not None:
                out.append((f"问题 {f.get('number')} {what}", money))
    for e in record.get("evidence") or ():
        if e.get("sha256"):
            out.append((f"证据 {e.get('number')} 的 SHA-256", e["sha256"]))
    if kind == "inspection_record" or (kind == "record_addendum" and record.get("journal")):
        out.append(("全过程记录", "全过程记录"))
    return [(what, _WS.sub("", text)) for what, text in out if text]


def missing_facts(view: Any, root: Any, record: dict[str, Any]) -> list[str]:
    """What of the record data the signed pages do not show (empty when every fact is printed)."""
    text = pages_text(view, root)
    return [f"{what}“{value}”" for what, value in facts(record) if value not in text]
