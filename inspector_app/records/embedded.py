"""Reading what a PDF carries besides its pages: the embedded (associated) files and the page count.

Public so that callers outside `records` (the case file) need no private helpers; records.verify reads the signed
revision's files through the same walk."""

from __future__ import annotations

import io
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader


def pdf_reader(data: bytes) -> PdfFileReader:
    return PdfFileReader(io.BytesIO(data), strict=False)


def embedded_files(root: Any, view: Any = None) -> dict[str, bytes]:
    """{file name: bytes} of the /EmbeddedFiles name tree of a document catalogue (flat /Names array).

    With `view` (a historical revision, `reader.get_historical_resolver(n)`) every reference is resolved through
    that revision: an IndirectObject's own get_object() resolves in the latest revision, where a forger may have
    rewritten the object after the signature."""
    def get(obj: Any) -> Any:
        if view is not None:
            return view.get_object(obj.reference) if hasattr(obj, "reference") else obj
        return obj.get_object() if hasattr(obj, "get_object") else obj

    out: dict[str, bytes] = {}
    try:
        names = get(get(get(root.raw_get("/Names")).raw_get("/EmbeddedFiles")).raw_get("/Names"))
    except (KeyError, AttributeError):
        return out
    for i in range(0, len(names) - 1, 2):
        spec = get(names.raw_get(i + 1))
        if "/EF" not in spec:
            continue
        ef = get(spec.raw_get("/EF"))
        name = str(spec.get("/UF", spec.get("/F", names.raw_get(i))))
        out[name] = get(ef.raw_get("/F")).data
    return out


def embedded_file(data: bytes, name: str) -> bytes | None:
    """One embedded file of the PDF `data` (latest revision), or None."""
    return embedded_files(pdf_reader(data).root).get(name)


def page_count(reader: Any) -> int | None:
    try:
        return int(reader.root["/Pages"]["/Count"])
    except (KeyError, TypeError, ValueError):
        return None
