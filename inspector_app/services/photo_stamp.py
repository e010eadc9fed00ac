"""Visible stamps on photo derivatives (issue 15 item 6).

A photo taken in the app is evidence as it was captured: its original bytes are stored unchanged (blob store,
content-addressed by SHA-256) and never edited. What a printed document shows may be a *derivative*: a smaller,
upright JPEG, optionally with a stamp band at the bottom giving the time (the agency's zone, Asia/Shanghai), the
place, the officer and the document or record number — what a court or the party expects to read on a site photo.
The derivative names the original by its SHA-256 wherever it is printed, so the evidence stays checkable.

Pillow only, no Qt; safe on worker threads.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw, ImageFont, ImageOps

from inspector_app import fonts
from inspector_app.domain.agency_time import local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

PRINT_PX = 640           # long side of the print derivative (52 mm wide on the page ≈ 300 dpi)
JPEG_QUALITY = 82


@dataclass(frozen=True, slots=True)
class Stamp:
    taken_at: dt.datetime    # aware; printed in the agency's zone
    place: str
    officer: str
    number: str              # the document / record number the photo belongs to

    def lines(self) -> tuple[str, ...]:
        t = local(self.taken_at)
        return (f"{t:%Y-%m-%d %H:%M:%S}（北京时间）", f"地点：{self.place}", f"执法人员：{self.officer}",
                f"编号：{self.number}")


def camera_stamp(ctx: Any, inspection_id: str, officer: str) -> dict[str, Any]:
    """The evidence meta asking for a stamped print copy of a photo taken now in the app: when (now), where (the
    inspected unit and its address), who (the officer at the camera) and the record's number (or, before the
    record is numbered, the inspection's own reference)."""
    from inspector_app.storage.orm import InspectionRow, InstitutionRow

    with ctx.read() as s:
        insp = s.get(InspectionRow, inspection_id)
        inst = s.get(InstitutionRow, insp.institution_id) if insp is not None else None
        place = (inst.name + (f"（{inst.address}）" if inst.address else "")) if inst is not None else ""
        number = (insp.record_number if insp is not None and insp.record_number else f"检查任务 {inspection_id[:8]}")
    return {"stamp": {"taken_at": ctx.clock().isoformat(), "place": place, "officer": officer, "number": number}}


def stamp_of(meta: dict[str, Any] | None) -> Stamp | None:
    raw = (meta or {}).get("stamp")
    if not isinstance(raw, dict):
        return None
    return Stamp(dt.datetime.fromisoformat(raw["taken_at"]), raw.get("place", ""), raw.get("officer", ""),
                 raw.get("number", ""))


def print_copy(evidence: Any, evidence_id: str, max_px: int) -> Any:
    """The print copy of an evidence photo for a record's evidence pages: stamped when its meta asks for it, else
    the plain upright copy. The original stays byte-identical either way."""
    stamp = stamp_of(evidence.get(evidence_id).meta)
    if stamp is None:
        return evidence.display_path(evidence_id, max_px)
    return evidence.derived_path(evidence_id, f"stamped-{max_px}", lambda raw: derivative(raw, stamp, max_px))


@functools.lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont:
    fontset = fonts.cached_fonts(fonts.default_cache_dir()) or fonts.ensure_fonts(fonts.default_cache_dir())
    return ImageFont.truetype(str(fontset.regular), size)


def _open(original: bytes) -> Image.Image:
    try:
        img = Image.open(io.BytesIO(original))
        img.load()
    except (OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError("photo.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The photo cannot be read as an image.")) from None
    return ImageOps.exif_transpose(img).convert("RGB")


def derivative(original: bytes, stamp: Stamp | None = None, max_px: int = PRINT_PX) -> bytes:
    """An upright JPEG of at most `max_px`, with the stamp band when `stamp` is given. `original` is only read."""
    img = _open(original)
    img.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
    if stamp is not None:
        _draw_stamp(img, stamp)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def _draw_stamp(img: Image.Image, stamp: Stamp) -> None:
    size = max(11, img.width // 32)
    font, pad = _font(size), max(4, size // 3)
    lines = stamp.lines()
    band = len(lines) * (size + pad // 2) + pad * 2
    overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rectangle((0, img.height - band, img.width, img.height), fill=(0, 0, 0, 150))
    y = img.height - band + pad
    for line in lines:
        draw.text((pad * 2, y), line, font=font, fill=(255, 255, 255, 255))
        y += size + pad // 2
    img.paste(Image.alpha_composite(img.convert("RGBA"), overlay).convert("RGB"))
