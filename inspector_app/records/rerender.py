"""Re-render a signed record from the data it carries, so the verifier can compare the signed pages with what the
renderer makes of the signed data (records/pagecompare.py).

The snapshot is rebuilt from the embedded record.json (the canonical form of `model.*Snapshot`) by reading each
dataclass field back through its type hint. Images are not in record.json, only their SHA-256:
- the evidence photos' print JPEGs (`print_image_sha256`) are embedded byte for byte in the pages (DCTDecode
  passthrough), so they are taken from the signed revision's image XObjects by digest;
- the handwritten signature PNGs are decoded by ReportLab into raw pixels, so the signer embeds the originals
  (render.IMAGES_FILE) and they are taken from there, again by digest.
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
from inspector_app.records import model as M
from inspector_app.records import render as R

#: kind -> (snapshot class, renderer). Kinds not listed here fall back to the key-facts check (visible.py).
RENDERERS: dict[str, tuple[type, Callable[[Any, fonts.FontSet], R.RenderedPdf]]] = {
    M.RecordSnapshot.KIND: (M.RecordSnapshot, R.render_record),
    M.AddendumSnapshot.KIND: (M.AddendumSnapshot, R.render_addendum),
    M.RectificationNotice.KIND: (M.RectificationNotice, R.render_notice),
    M.ReinspectionRecord.KIND: (M.ReinspectionRecord, R.render_reinspection),
}


class CannotRerender(Exception):
    """The signed data cannot be turned back into pages: a missing image, or data that is not a snapshot."""


def _from(tp: Any, value: Any, images: dict[str, bytes], photos: dict[str, Path]) -> Any:
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
            raise CannotRerender(f"签名数据中的图像（SHA-256 {str(value)[:40]}…）没有随文件保存")
        return data
    if tp in (str, int, bool):
        if not isinstance(value, tp):
            raise CannotRerender(f"字段值类型不符：{value!r}")
        return value
    raise CannotRerender(f"无法重建的字段类型 {tp}")


def _build(cls: type, data: Any, images: dict[str, bytes], photos: dict[str, Path]) -> Any:
    if not isinstance(data, dict):
        raise CannotRerender(f"{cls.__name__} 的数据不是对象")
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        digest_key = f.metadata.get("digest")
        if digest_key:
            digest = data.get(digest_key)
            if digest is not None:
                if digest not in photos:
                    which = f"证据 {data['number']} " if isinstance(data.get("number"), str) else ""
                    raise CannotRerender(f"签名数据中{which}的照片（打印图像 SHA-256 {digest[:16]}…）没有出现在签名版本的"
                                         "页面中：照片被替换或删除")
                kwargs[f.name] = photos[digest]
            continue
        if not f.metadata.get("hash", True):
            continue
        if f.name in data:
            kwargs[f.name] = _from(hints[f.name], data[f.name], images, photos)
    return cls(**kwargs)


def signature_images(files: dict[str, bytes]) -> dict[str, bytes]:
    """{sha256: png} from the embedded images file (only entries whose bytes match their digest)."""
    raw = files.get(R.IMAGES_FILE)
    if raw is None:
        return {}
    try:
        doc = json.loads(raw.decode("utf-8"))
        pngs = [base64.b64decode(v) for v in doc["images"].values()]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CannotRerender(f"{R.IMAGES_FILE} 无法解析：{exc}") from exc
    return {hashlib.sha256(p).hexdigest(): p for p in pngs}


def rerender(record_json: bytes, files: dict[str, bytes], jpegs: dict[str, bytes],
             fontset: fonts.FontSet | None = None) -> bytes | None:
    """The PDF the renderer makes of `record_json` (None for a kind without a registered renderer).

    `files`: the embedded files of the signed revision; `jpegs`: {sha256: bytes} of the JPEG images its pages draw.
    Raises CannotRerender when the data cannot be rebuilt exactly."""
    try:
        doc = json.loads(record_json.decode("utf-8"))
    except ValueError as exc:
        raise CannotRerender(f"{R.RECORD_FILE} 无法解析") from exc
    entry = RENDERERS.get(doc.get("kind")) if isinstance(doc, dict) else None
    if entry is None:
        return None
    cls, renderer = entry
    body = {k: v for k, v in doc.items() if k not in ("kind", "format")}
    with tempfile.TemporaryDirectory(prefix="inspector-verify-") as tmp:
        photos: dict[str, Path] = {}
        for digest, data in jpegs.items():
            path = Path(tmp) / f"{digest}.jpg"
            path.write_bytes(data)
            photos[digest] = path
        try:
            snapshot = _build(cls, body, signature_images(files), photos)
        except (TypeError, ValueError, KeyError) as exc:
            raise CannotRerender(f"{R.RECORD_FILE} 不能还原为文书数据：{exc}") from exc
        if snapshot.canonical_json().encode("utf-8") != record_json:
            raise CannotRerender(f"{R.RECORD_FILE} 还原后与签名数据不一致")
        fontset = fontset or fonts.ensure_fonts(fonts.default_cache_dir())
        return renderer(snapshot, fontset).pdf
