"""Re-render a signed record from the data it carries, so the verifier can compare the signed pages with what the
renderer makes of the signed data (records/pagecompare.py).

The snapshot is rebuilt from the embedded record.json (the canonical form of `model.*Snapshot`) by reading each
dataclass field back through its type hint. Images are not in record.json; the signed images file
(render.IMAGES_FILE, embedded with record.json at the first signature) binds them:
- each evidence photo's print JPEG by its SHA-256 under the evidence number: the JPEG is embedded byte for byte in
  the pages (DCTDecode passthrough), so it is taken from the signed revision's image XObjects by that digest;
- the handwritten signature PNGs, whose SHA-256 record.json carries: ReportLab decodes a PNG into raw pixels, so
  the signer embeds the originals in the images file and they are taken from there, again by digest.
An image whose digest is found nowhere is a failure: the pages cannot show the signed data.

The rebuilt snapshot must reproduce record.json exactly (same canonical JSON) before it is rendered; rendering
needs the same renderer version and fonts that made the record (ReportLab's page content is deterministic: only
/ID and the dates of /Info differ between two renders of the same data, and those are not compared).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
import tempfile
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector_app import fonts
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from inspector_app.records import model as M
from inspector_app.records import render as R
from inspector_app.records import model_docs as MD
from inspector_app.records import model_seizure as MS
from inspector_app.records import render_docs as RD
from inspector_app.records import render_seizure as RS

#: kind -> (snapshot class, renderer). Kinds not listed here fall back to the key-facts check (visible.py).
RENDERERS: dict[str, tuple[type, Callable[[Any, fonts.FontSet], R.RenderedPdf]]] = {
    M.RecordSnapshot.KIND: (M.RecordSnapshot, R.render_record),
    M.AddendumSnapshot.KIND: (M.AddendumSnapshot, R.render_addendum),
    M.RectificationNotice.KIND: (M.RectificationNotice, R.render_notice),
    M.ReinspectionRecord.KIND: (M.ReinspectionRecord, R.render_reinspection),
    MD.InquiryRecord.KIND: (MD.InquiryRecord, RD.render_inquiry),
    MD.ServiceReceipt.KIND: (MD.ServiceReceipt, RD.render_service),
    MS.SealDecision.KIND: (MS.SealDecision, RS.render_seal),
    MS.PreservationNotice.KIND: (MS.PreservationNotice, RS.render_preservation),
    MS.SealExtension.KIND: (MS.SealExtension, RS.render_extension),
}


class CannotRerender(DomainError):
    """The signed data cannot be turned back into pages: a missing image, or data that is not a snapshot. Coded,
    as it becomes part of the verification report (records/verify.py), worded where the report is printed."""


def _from(tp: Any, value: Any, images: dict[str, bytes], photos: dict[str, tuple[str, Path | None]]) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if value is None else _from(args[0], value, images, photos)
    if origin is tuple:
        return tuple(_from(typing.get_args(tp)[0], v, images, photos) for v in value)
    if origin is dict or tp is Any:
        return value
    if dataclasses.is_dataclass(tp):
        return _build(tp, value, images, photos)
    if tp is Decimal:
        return Decimal(value)
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    if tp is bytes:
        data = images.get(value.get("sha256", "")) if isinstance(value, dict) else None
        if data is None:
            raise CannotRerender("rerender.image_missing", QT_TRANSLATE_NOOP(
                "Errors", "An image of the signed data (SHA-256 {digest}…) was not saved with the file."),
                digest=str(value)[:40])
        return data
    if tp in (str, int, bool):
        if not isinstance(value, tp):
            raise CannotRerender("rerender.value_type", QT_TRANSLATE_NOOP(
                "Errors", "A field value has the wrong type: {value}"), value=repr(value))
        return value
    raise CannotRerender("rerender.field_type", QT_TRANSLATE_NOOP(
        "Errors", "A field type that cannot be rebuilt: {type}"), type=str(tp))


def _build(cls: type, data: Any, images: dict[str, bytes], photos: dict[str, tuple[str, Path | None]]) -> Any:
    if not isinstance(data, dict):
        raise CannotRerender("rerender.not_an_object", QT_TRANSLATE_NOOP(
            "Errors", "The data of {name} is not an object."), name=cls.__name__)
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if cls is M.EvidenceRow and f.name == "print_image":
            number = data.get("number")
            if number in photos:
                digest, path = photos[number]
                if path is None:
                    raise CannotRerender("rerender.photo_not_on_page", QT_TRANSLATE_NOOP(
                        "Errors", "The photo of evidence {number} in the signed data (print image SHA-256 {digest}…) "
                                  "is not on the pages of the signed revision: the photo was replaced or removed."),
                        number=number, digest=digest[:16])
                kwargs[f.name] = path
            continue
        if not f.metadata.get("hash", True):
            continue
        if f.name in data:
            kwargs[f.name] = _from(hints[f.name], data[f.name], images, photos)
    return cls(**kwargs)


def _images_file(files: dict[str, bytes]) -> tuple[dict[str, bytes], dict[str, str]]:
    """({sha256: png}, {evidence number: print JPEG sha256}) from the embedded images file; PNGs are keyed by
    their own digest, so an entry whose bytes do not match its key is never used."""
    raw = files.get(R.IMAGES_FILE)
    if raw is None:
        return {}, {}
    try:
        doc = json.loads(raw.decode("utf-8"))
        pngs = [base64.b64decode(v) for v in doc.get("images", {}).values()]
        prints = {str(k): str(v) for k, v in doc.get("print_images", {}).items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CannotRerender("rerender.images_unreadable", QT_TRANSLATE_NOOP(
            "Errors", "{file} cannot be parsed: {error}"), file=R.IMAGES_FILE, error=str(exc)) from exc
    return {hashlib.sha256(p).hexdigest(): p for p in pngs}, prints


def rerender(record_json: bytes, files: dict[str, bytes], jpegs: dict[str, bytes],
             fontset: fonts.FontSet | None = None) -> bytes | None:
    """The PDF the renderer makes of `record_json` (None for a kind without a registered renderer).

    `files`: the embedded files of the signed revision; `jpegs`: {sha256: bytes} of the JPEG images its pages draw.
    Raises CannotRerender when the data cannot be rebuilt exactly."""
    try:
        doc = json.loads(record_json.decode("utf-8"))
    except ValueError as exc:
        raise CannotRerender("rerender.record_unreadable", QT_TRANSLATE_NOOP(
            "Errors", "{file} cannot be parsed."), file=R.RECORD_FILE) from exc
    entry = RENDERERS.get(doc.get("kind")) if isinstance(doc, dict) else None
    if entry is None:
        return None
    cls, renderer = entry
    body = {k: v for k, v in doc.items() if k not in ("kind", "format")}
    pngs, prints = _images_file(files)
    with tempfile.TemporaryDirectory(prefix="inspector-verify-") as tmp:
        # evidence number -> (print JPEG digest, the page's JPEG as a file, or None when no page draws it)
        photos: dict[str, tuple[str, Path | None]] = {}
        for number, digest in prints.items():
            path = None
            if digest in jpegs:
                path = Path(tmp) / f"{digest}.jpg"
                path.write_bytes(jpegs[digest])
            photos[number] = (digest, path)
        try:
            snapshot = _build(cls, body, pngs, photos)
        except (TypeError, ValueError, KeyError) as exc:
            raise CannotRerender("rerender.not_a_snapshot", QT_TRANSLATE_NOOP(
                "Errors", "{file} cannot be restored to the document's data: {error}"),
                file=R.RECORD_FILE, error=str(exc)) from exc
        if snapshot.canonical_json().encode("utf-8") != record_json:
            raise CannotRerender("rerender.differs", QT_TRANSLATE_NOOP(
                "Errors", "{file} restored differs from the signed data."), file=R.RECORD_FILE)
        fontset = fontset or fonts.ensure_fonts(fonts.default_cache_dir())
        return renderer(snapshot, fontset).pdf
