"""Reading what a PDF carries besides its pages: the embedded (associated) files and the page count.

Public so that callers outside `records` (the case file) need no private helpers. (records.verify keeps its own
copy of the embedded-file walk for now; both read the /Names /EmbeddedFiles tree the same way.)"""

from __future__ import annotations

import io
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader


def pdf_reader(data: bytes) -> PdfFileReader:
    return PdfFileReader(io.BytesIO(data), strict=False)


def embedded_files(root: Any) -> dict[str, bytes]:
    """{file name: bytes} of the /EmbeddedFiles name tree of a document catalogue (flat /Names array)."""
    out: dict[str, bytes] = {}
    try:
        names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return out
    for i in range(0, len(names) - 1, 2):
        spec = names[i + 1].get_object()
        ef = spec.get("/EF")
        if ef is None:
            continue
        name = str(spec.get("/UF", spec.get("/F", names[i])))
        out[name] = ef.get_object()["/F"].get_object().data
    return out


def embedded_file(data: bytes, name: str) -> bytes | None:
    """One embedded file of the PDF `data` (latest revision), or None."""
    return embedded_files(pdf_reader(data).root).get(name)


def page_count(reader: Any) -> int | None:
    try:
        return int(reader.root["/Pages"]["/Count"])
    except (KeyError, TypeError, ValueError):
        return None
