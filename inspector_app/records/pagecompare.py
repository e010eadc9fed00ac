"""Page-by-page comparison of a signed record with a fresh render of its signed data (issue 11 item 3).

Method: each page is reduced to a digest of everything it draws — its content stream(s) and, recursively, every
resource they can use (fonts with their embedded programs and ToUnicode maps, image and form XObjects, graphics
states), with every object resolved through the revision being checked. /Annots (signature widgets, added by the
signers) and /Parent are left out. Two renders of the same data by the same renderer give equal digests
(ReportLab names images by their digest and subsets fonts in order of use); any added, removed or moved text,
a repainted area, a swapped photo or a re-drawn glyph changes it. When the digests differ, the text (visible.py's
extraction, in drawing order) and the images of the page are compared to say what differs.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import re
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, coded
from inspector_app.records.visible import page_text

_SKIP = {"/Parent", "/Annots", "/StructParents", "/Length"}


def _resolve(view: Any, obj: Any) -> Any:
    return view.get_object(obj.reference) if hasattr(obj, "reference") else obj


def pages(view: Any, root: Any) -> list[Any]:
    out: list[Any] = []

    def walk(node: Any, depth: int) -> None:
        node = _resolve(view, node)
        if depth > 50:
            return
        if "/Kids" in node:
            kids = node["/Kids"] if not hasattr(node.raw_get("/Kids"), "reference") else _resolve(
                view, node.raw_get("/Kids"))
            for i in range(len(kids)):
                walk(kids.raw_get(i), depth + 1)
        else:
            out.append(node)

    walk(root.raw_get("/Pages"), 0)
    return out


def _digest_of(view: Any, obj: Any, depth: int, memo: dict[Any, bytes]) -> bytes:
    sub = hashlib.sha256()
    _canon(view, obj, sub, depth, memo)
    return sub.digest()


def _canon(view: Any, obj: Any, h: Any, depth: int, memo: dict[Any, bytes]) -> None:
    ref = getattr(obj, "reference", None)
    if ref is not None:
        key = (ref.idnum, ref.generation)
        if key not in memo:
            memo[key] = b"@cycle"  # a reference back up the tree while its digest is being computed
            memo[key] = _digest_of(view, _resolve(view, obj), depth + 1, memo)
        h.update(memo[key])
        return
    if depth > 40:
        h.update(b"@deep")
        return
    if isinstance(obj, generic.StreamObject):
        if obj.get("/Subtype") == "/Form":
            _drawing(view, obj, _stream_data(obj), h, depth, memo)
            return
        h.update(b"S")
        _canon_dict(view, obj, h, depth, memo)
        h.update(hashlib.sha256(obj.encoded_data).digest())
    elif isinstance(obj, generic.DictionaryObject):
        _canon_dict(view, obj, h, depth, memo)
    elif isinstance(obj, generic.ArrayObject):
        h.update(b"[")
        for i in range(len(obj)):
            _canon(view, obj.raw_get(i), h, depth + 1, memo)
            h.update(b",")
        h.update(b"]")
    else:
        h.update(type(obj).__name__.encode() + b":" + repr(obj).encode("utf-8", "replace") + b";")


def _canon_dict(view: Any, obj: Any, h: Any, depth: int, memo: dict[Any, bytes],
                skip: frozenset[str] = frozenset()) -> None:
    h.update(b"{")
    for key in sorted(str(k) for k in obj.keys()):
        if key in _SKIP or key in skip:
            continue
        h.update(key.encode("utf-8", "replace") + b"=")
        _canon(view, obj.raw_get(generic.NameObject(key)), h, depth + 1, memo)
    h.update(b"}")


def _stream_data(obj: Any) -> bytes:
    try:
        return obj.data
    except Exception:  # noqa: BLE001 - a filter pyHanko cannot decode: compare the encoded bytes
        return obj.encoded_data


_NAME = re.compile(rb"/([^\s/\[\]()<>{}%]+)")


def _drawing(view: Any, holder: Any, content: bytes, h: Any, depth: int, memo: dict[Any, bytes]) -> None:
    """A page or form XObject: its content with every XObject name replaced by the digest of the object it names.
    ReportLab names an image drawn from a file by a digest of the file's *path*, which is not content."""
    resources = _resolve(view, holder.raw_get("/Resources")) if "/Resources" in holder else None
    names: dict[bytes, bytes] = {}
    if isinstance(resources, generic.DictionaryObject) and "/XObject" in resources:
        xobjects = _resolve(view, resources.raw_get("/XObject"))
        for name in xobjects:
            digest = _digest_of(view, xobjects.raw_get(name), depth + 1, memo)
            names[str(name)[1:].encode("utf-8", "replace")] = b"X" + digest.hex().encode()
    h.update(b"D" + ",".join(sorted(v.decode() for v in names.values())).encode())
    if isinstance(resources, generic.DictionaryObject):
        _canon_dict(view, resources, h, depth + 1, memo, frozenset({"/XObject"}))
    _canon_dict(view, holder, h, depth, memo, frozenset({"/Resources", "/Contents"}))
    h.update(hashlib.sha256(_NAME.sub(lambda m: b"/" + names.get(m.group(1), m.group(1)), content)).digest())


def page_digest(view: Any, page: Any) -> str:
    contents = _resolve(view, page.raw_get("/Contents")) if "/Contents" in page else None
    streams = list(contents) if isinstance(contents, generic.ArrayObject) else [contents] if contents else []
    data = b"\n".join(_stream_data(_resolve(view, s)) for s in streams)
    h = hashlib.sha256()
    _drawing(view, page, data, h, 0, {})
    return h.hexdigest()


def page_images(view: Any, page: Any) -> list[str]:
    """SHA-256 of every image XObject a page can draw (through form XObjects too), sorted."""
    found: dict[str, None] = {}

    def walk(resources: Any, depth: int) -> None:
        resources = _resolve(view, resources)
        if depth > 10 or not isinstance(resources, generic.DictionaryObject) or "/XObject" not in resources:
            return
        xobjects = _resolve(view, resources.raw_get("/XObject"))
        for name in xobjects:
            x = _resolve(view, xobjects.raw_get(name))
            if x.get("/Subtype") == "/Image":
                found[hashlib.sha256(x.encoded_data).hexdigest()] = None
            elif x.get("/Subtype") == "/Form" and "/Resources" in x:
                walk(x.raw_get("/Resources"), depth + 1)

    if "/Resources" in page:
        walk(page.raw_get("/Resources"), 0)
    return sorted(found)


def jpegs(view: Any, root: Any) -> dict[str, bytes]:
    """{sha256: bytes} of the JPEG (DCTDecode) images the pages of revision `view` draw, byte for byte."""
    out: dict[str, bytes] = {}

    def walk(resources: Any, depth: int) -> None:
        resources = _resolve(view, resources)
        if depth > 10 or not isinstance(resources, generic.DictionaryObject) or "/XObject" not in resources:
            return
        xobjects = _resolve(view, resources.raw_get("/XObject"))
        for name in xobjects:
            x = _resolve(view, xobjects.raw_get(name))
            if x.get("/Subtype") == "/Image" and x.get("/Filter") in ("/DCTDecode", ["/DCTDecode"]):
                data = x.encoded_data
                out[hashlib.sha256(data).hexdigest()] = data
            elif x.get("/Subtype") == "/Form" and "/Resources" in x:
                walk(x.raw_get("/Resources"), depth + 1)

    for page in pages(view, root):
        if "/Resources" in page:
            walk(page.raw_get("/Resources"), 0)
    return out


def _text_difference(signed: str, fresh: str, context: int = 10) -> CodedProblem:
    """Each differing stretch as “what the page shows” instead of “what the signed data renders to”, with a little
    of the text before it, differences closer than `context` characters merged."""
    regions: list[list[int]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, fresh, signed, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if regions and a1 - regions[-1][1] < context:
            regions[-1][1], regions[-1][3] = a2, b2
        else:
            regions.append([a1, a2, b1, b2])

    def cut(text: str) -> str:
        return text if len(text) <= 60 else text[:60] + "…"

    parts = []
    for a1, a2, b1, b2 in regions[:3]:
        lead = fresh[max(0, a1 - context):a1]
        tail = context // 2
        parts.append(coded("verify.text_shown", QT_TRANSLATE_NOOP(
            "Errors", "shows “…{shown}…” where it should read “…{expected}…”"),
            shown=cut(lead + signed[b1:b2 + tail]), expected=cut(lead + fresh[a1:a2 + tail])))
    if len(regions) > 3:
        return coded("verify.text_differs_many", QT_TRANSLATE_NOOP(
            "Errors", "The text differs in {count} places, among them: {problems}"), problems=parts, count=len(regions))
    return coded("verify.text_differs", QT_TRANSLATE_NOOP("Errors", "The text differs"), problems=parts)


def compare(view: Any, root: Any, fresh_pdf: bytes) -> list[CodedProblem]:
    """What differs between the pages of revision `view` and the fresh render, one entry per page ([] = equal)."""
    fresh = PdfFileReader(io.BytesIO(fresh_pdf), strict=False)
    mine, theirs = pages(view, root), pages(fresh, fresh.root)
    problems: list[CodedProblem] = []
    if len(mine) != len(theirs):
        problems.append(coded("verify.page_count_differs", QT_TRANSLATE_NOOP(
            "Errors", "The file has {pages} pages; rendered from the signed data it has {expected}."),
            pages=len(mine), expected=len(theirs)))
    for n, (page, good) in enumerate(zip(mine, theirs), 1):
        if page_digest(view, page) == page_digest(fresh, good):
            continue
        what: list[CodedProblem] = []
        text, want = page_text(view, page), page_text(fresh, good)
        if text != want:
            what.append(_text_difference(text, want))
        imgs, want_imgs = page_images(view, page), page_images(fresh, good)
        if imgs != want_imgs:
            extra, missing = len(set(imgs) - set(want_imgs)), len(set(want_imgs) - set(imgs))
            what.append(coded("verify.images_differ", QT_TRANSLATE_NOOP(
                "Errors", "The images differ ({extra} not in the signed data, {missing} of the signed data not "
                          "shown)."), extra=extra, missing=missing))
        if not what:
            what.append(coded("verify.drawing_differs", QT_TRANSLATE_NOOP(
                "Errors", "What is drawn (lines, glyphs or layout) differs.")))
        problems.append(coded("verify.page_differs", QT_TRANSLATE_NOOP("Errors", "Page {page}"), problems=what,
                              page=n))
    return problems
