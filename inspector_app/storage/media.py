"""Evidence files identified by their content (never by their extension), verified, described and thumbnailed.

Pillow only, no Qt. Everything here is safe to call from worker threads: no global Pillow setting is changed
(ImageFile.LOAD_TRUNCATED_IMAGES must stay at its default False for the truncation check to work; warnings filters
are process-wide and not thread-safe, so the pixel limit is checked explicitly instead of via DecompressionBombWarning).
"""

from __future__ import annotations

import datetime as dt
import io
import mmap
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError
from PIL.JpegImagePlugin import JpegImageFile

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.evidence import EvidenceKind
from inspector_app.storage.exif import CHINA_TZ, PhotoFacts, read_facts

MAX_PIXELS = 120_000_000  # above the 108 MP of current phone sensors, far below what exhausts a laptop
MAX_FRAMES = 500
#: A parameter of several refusals; the UI translates string parameters too (ui/errors.py).
SUPPORTED = QT_TRANSLATE_NOOP("Errors", "Supported formats: JPEG, PNG, TIFF and WebP images, PDF documents, "
                              "MP4, MOV, MP3, WAV and M4A audio and video.")

Source = Path | bytes | BinaryIO  # a path, the file's bytes, or a seekable binary file (a vault reader)


class MediaRefused(ValidationError):
    """The file cannot become evidence; the code says why (the template in words an inspector understands)."""


@dataclass(frozen=True, slots=True)
class MediaInfo:
    kind: EvidenceKind
    mime: str
    format: str  # JPEG, PNG, TIFF, WEBP, PDF, MP4, MOV, 3GP, M4A, MP3, WAV, AMR, AVI
    width: int | None = None  # stored pixels, before EXIF orientation is applied
    height: int | None = None
    facts: PhotoFacts = PhotoFacts()
    pages: int | None = None
    frames: int = 1
    duration_ms: int | None = None  # audio/video (storage/av_facts.py)

    @property
    def captured_at(self) -> dt.datetime | None:
        return self.facts.captured_at

    def meta(self) -> dict[str, Any]:
        """JSON for EvidenceRow.meta and the journal: text and integers only (hashed payloads refuse floats)."""
        f = self.facts
        out: dict[str, Any] = {"format": self.format}
        if self.width is not None and self.height is not None:
            out.update(width=self.width, height=self.height, orientation=f.orientation)
        if self.frames > 1:
            out["frames"] = self.frames
        if self.pages is not None:
            out["pages"] = self.pages
        if self.duration_ms is not None:
            out["duration_ms"] = self.duration_ms
        if f.camera_make or f.camera_model:
            out["camera"] = {"make": f.camera_make, "model": f.camera_model}
        if f.gps is not None:
            out["gps"] = f.gps.as_json()
        if f.captured_local:
            out["captured_local"] = f.captured_local
            out["captured_offset"] = f.captured_offset
            out["captured_offset_assumed"] = f.offset_assumed
        return out


_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
                b"avif", b"avis"}
_AV = EvidenceKind.AUDIO_VIDEO


def _mp3_frame(h: bytes) -> bool:
    if len(h) < 4 or h[0] != 0xFF or (h[1] & 0xE0) != 0xE0:
        return False
    version, layer = (h[1] >> 3) & 3, (h[1] >> 1) & 3
    return version != 1 and layer != 0 and (h[2] >> 4) != 0xF and ((h[2] >> 2) & 3) != 3


def sniff(head: bytes) -> tuple[EvidenceKind, str, str]:
    """(kind, mime, format) from the first bytes of a file, or MediaRefused with the reason."""
    if not head:
        raise MediaRefused("evidence.empty_file", QT_TRANSLATE_NOOP(
            "Errors", "The file is empty (0 bytes) and cannot be evidence."))
    if head.startswith(b"\xff\xd8\xff"):
        return EvidenceKind.PHOTO, "image/jpeg", "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return EvidenceKind.PHOTO, "image/png", "PNG"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return EvidenceKind.PHOTO, "image/tiff", "TIFF"
    if head[:4] == b"RIFF":
        riff = {b"WEBP": (EvidenceKind.PHOTO, "image/webp", "WEBP"), b"WAVE": (_AV, "audio/wav", "WAV"),
                b"AVI ": (_AV, "video/x-msvideo", "AVI")}.get(head[8:12])
        if riff:
            return riff
    if b"%PDF-" in head[:1024]:
        return EvidenceKind.DOCUMENT, "application/pdf", "PDF"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            raise MediaRefused("evidence.heif_unsupported", QT_TRANSLATE_NOOP(
                "Errors", "HEIC/HEIF/AVIF photos are not supported yet. On the phone choose “Settings → Camera → "
                "Formats → Most Compatible” (JPEG), or convert the photos to JPEG before importing them."))
        if brand in (b"M4A ", b"M4B "):
            return _AV, "audio/mp4", "M4A"
        if brand == b"qt  ":
            return _AV, "video/quicktime", "MOV"
        if brand.startswith(b"3g"):
            return _AV, "video/3gpp", "3GP"
        return _AV, "video/mp4", "MP4"
    if head.startswith(b"ID3") or _mp3_frame(head):
        return _AV, "audio/mpeg", "MP3"
    if head.startswith(b"#!AMR"):
        return _AV, "audio/amr", "AMR"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise MediaRefused("evidence.office_document", QT_TRANSLATE_NOOP(
            "Errors", "Word, Excel and other office documents or archives cannot be imported as evidence directly; "
            "save them as PDF first. {supported}"), supported=SUPPORTED)
    if head[:6] in (b"GIF87a", b"GIF89a") or head[:2] == b"BM":
        raise MediaRefused("evidence.gif_bmp", QT_TRANSLATE_NOOP(
            "Errors", "GIF and BMP images are not supported; convert them to JPEG or PNG before importing. "
            "{supported}"), supported=SUPPORTED)
    raise MediaRefused("evidence.unknown_type", QT_TRANSLATE_NOOP(
        "Errors", "Unrecognised file type (judged by the file's content, not its extension). {supported}"),
        supported=SUPPORTED)


def _head(src: Source, n: int = 1024) -> bytes:
    if isinstance(src, bytes):
        return src[:n]
    with open(src, "rb") as f:
        return f.read(n)


def _open(src: Source) -> Image.Image:
    """Open (header only) with the pixel limit checked before any pixel is decoded."""
    im = Image.open(io.BytesIO(src) if isinstance(src, bytes) else src)
    if im.width * im.height > MAX_PIXELS:
        im.close()
        raise _bomb(im.size)
    return im


def _bomb(size: tuple[int, int] | None) -> MediaRefused:
    limit = MAX_PIXELS // 1_000_000
    if size is None:
        return MediaRefused("evidence.too_many_pixels", QT_TRANSLATE_NOOP(
            "Errors", "The image has too many pixels, more than the limit of {limit} megapixels; it may be a damaged "
            "or malicious file (a decompression bomb). Import refused."), limit=limit)
    return MediaRefused("evidence.too_many_pixels", QT_TRANSLATE_NOOP(
        "Errors", "The image has too many pixels ({width}×{height}), more than the limit of {limit} megapixels; it "
        "may be a damaged or malicious file (a decompression bomb). Import refused."),
        width=size[0], height=size[1], limit=limit)


@contextmanager
def _image_errors() -> Iterator[None]:
    """Whatever Pillow raises on a malformed file becomes a refusal with a message (it raises many types)."""
    try:
        yield
    except MediaRefused:
        raise
    except Image.DecompressionBombError:
        raise _bomb(None) from None
    except UnidentifiedImageError:
        raise MediaRefused("evidence.image_unrecognised", QT_TRANSLATE_NOOP(
            "Errors", "The image cannot be recognised; the file may be damaged.")) from None
    except OSError as e:
        if "truncated" in str(e):
            raise MediaRefused("evidence.image_truncated", QT_TRANSLATE_NOOP(
                "Errors", "The image file is incomplete (it may have been cut off while being copied or "
                "transferred); copy it again from the original device.")) from None
        raise _undecodable(str(e)) from None
    except Exception as e:  # noqa: BLE001
        raise _undecodable(f"{type(e).__name__}: {e}") from None


def _undecodable(detail: str) -> MediaRefused:
    return MediaRefused("evidence.image_undecodable", QT_TRANSLATE_NOOP(
        "Errors", "The image cannot be decoded; the file may be damaged ({detail})."), detail=detail)


def _decode(im: Image.Image, draft_px: int) -> None:
    """Decode every frame. For JPEG a reduced DCT scale is enough: libjpeg still reads the whole entropy-coded
    stream, so a truncated file fails just the same, at a fraction of the cost."""
    frames = min(getattr(im, "n_frames", 1), MAX_FRAMES)
    for i in range(1, frames):  # further pages/frames first: seeking after draft() is unreliable (MPO)
        im.seek(i)
        if im.width * im.height > MAX_PIXELS:
            raise _bomb(im.size)
        im.load()
    if frames > 1:
        im.seek(0)
    if isinstance(im, JpegImageFile):  # JPEG and MPO
        im.draft("RGB", (draft_px, draft_px))
    im.load()


def _oriented(im: Image.Image, max_px: int | None) -> Image.Image:
    """Upright (EXIF orientation applied), at most max_px on the long edge, RGB (transparency on white)."""
    out = ImageOps.exif_transpose(im) or im
    if max_px:
        out.thumbnail((max_px, max_px), Image.Resampling.LANCZOS, reducing_gap=3.0)
    if out.mode in ("RGBA", "LA", "PA") or (out.mode == "P" and "transparency" in out.info):
        rgba = out.convert("RGBA")
        out = Image.new("RGB", rgba.size, (255, 255, 255))
        out.paste(rgba, mask=rgba.getchannel("A"))
    elif out.mode != "RGB":
        out = out.convert("RGB")
    return out


def _pdf_facts(src: Source) -> int | None:
    """Page count when cheap (pages not hidden in compressed object streams); refuses a PDF without %%EOF."""
    def scan(data: Any) -> int | None:
        if data.rfind(b"%%EOF") < 0:
            raise MediaRefused("evidence.pdf_truncated", QT_TRANSLATE_NOOP(
                "Errors", "The PDF file is incomplete (its end-of-file marker is missing); it may have been cut off "
                "while being copied or downloaded."))
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) or None

    if isinstance(src, bytes):
        return scan(src)
    with open(src, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        return scan(m)


def analyse(src: Source, thumb_px: int | None = None,
            default_tz: dt.tzinfo = CHINA_TZ) -> tuple[MediaInfo, Image.Image | None]:
    """Identify and verify `src` (a path or the file's bytes); for images also return an upright thumbnail
    of at most thumb_px, produced from the same decode. Raises MediaRefused."""
    kind, mime, fmt = sniff(_head(src))
    if kind is EvidenceKind.DOCUMENT:
        return MediaInfo(kind, mime, fmt, pages=_pdf_facts(src)), None
    if kind is _AV:
        return _av_info(src, mime, fmt), None
    if kind is not EvidenceKind.PHOTO:
        return MediaInfo(kind, mime, fmt), None
    with _image_errors(), _open(src) as im:
        width, height = im.size
        facts = read_facts(im, default_tz)
        frames = getattr(im, "n_frames", 1)
        _decode(im, thumb_px or 64)
        thumb = _oriented(im, thumb_px) if thumb_px else None
    return MediaInfo(kind, mime, fmt, width, height, facts, frames=frames), thumb


def _av_info(src: Source, mime: str, fmt: str) -> MediaInfo:
    """Duration and capture time when MediaInfo can read them; a file it cannot read is still accepted here as
    before (the 音像记录 register, services/recordings.py, insists on a playable file)."""
    from inspector_app.storage import av_facts

    try:
        facts = av_facts.read(src)
    except ValidationError:
        return MediaInfo(_AV, mime, fmt)
    return MediaInfo(_AV, mime, fmt, facts=PhotoFacts(captured_at=facts.captured_at),
                     duration_ms=facts.duration_ms)


def probe(src: Source, default_tz: dt.tzinfo = CHINA_TZ) -> MediaInfo:
    """Identify and verify a file (path or bytes) by its content. Raises MediaRefused (a coded error)."""
    return analyse(src, None, default_tz)[0]


def display_image(src: Source, max_px: int | None = None) -> Image.Image:
    """An upright RGB image for a viewer, decoded at reduced scale when max_px allows (JPEG draft)."""
    with _image_errors(), _open(src) as im:
        _decode(im, max_px or max(im.size))
        return _oriented(im, max_px)


def jpeg_bytes(img: Image.Image, quality: int = 82) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def save_jpeg_atomic(img: Image.Image, dst: Path, quality: int = 82) -> Path:
    """Write a JPEG via temp file + rename, so a reader never sees a half-written file (derived data: no fsync)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".jpg", dir=dst.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            img.save(out, "JPEG", quality=quality, optimize=True)
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dst


def thumbnail_path(cache_dir: Path, sha256: str, max_px: int = 320) -> Path:
    return cache_dir / sha256[:2] / f"{sha256}-{max_px}.jpg"


def make_thumbnail(src: Source, dst: Path, max_px: int = 320) -> Path:
    """An upright JPEG thumbnail of at most max_px on the long edge, written atomically to dst."""
    return save_jpeg_atomic(display_image(src, max_px), dst)
