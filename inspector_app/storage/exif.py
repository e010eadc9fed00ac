"""What a photo says about itself: EXIF orientation, capture time, GPS position and camera (Pillow, no Qt).

Values are returned exactly (Decimal, text) because they end up in hashed journal payloads, which refuse floats.
EXIF capture times are wall-clock times without a zone unless OffsetTimeOriginal is present; the caller chooses the
zone to assume otherwise (China Standard Time for this app) and the result says whether it was assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PIL import ExifTags, Image

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")

_ORIENTATION, _MAKE, _MODEL = 0x0112, 0x010F, 0x0110
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 0x9003, 0x9004
_OFFSET_ORIGINAL, _OFFSET_DIGITIZED = 0x9011, 0x9012
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON, _GPS_ALT_REF, _GPS_ALT = 1, 2, 3, 4, 5, 6

_TIME_RE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET_RE = re.compile(r"^([+-])(\d{2}):(\d{2})$")
_DEG = Decimal("0.0000001")  # about 1 cm


@dataclass(frozen=True, slots=True)
class GPSPosition:
    """WGS-84 as written by the camera (maps in China use GCJ-02: converting is the viewer's business)."""

    lat: Decimal
    lon: Decimal
    alt: Decimal | None = None

    def as_json(self) -> dict[str, str]:
        out = {"lat": format(self.lat, "f"), "lon": format(self.lon, "f")}
        if self.alt is not None:
            out["alt"] = format(self.alt, "f")
        return out


@dataclass(frozen=True, slots=True)
class PhotoFacts:
    orientation: int = 1
    captured_at: dt.datetime | None = None  # aware, UTC
    captured_local: str | None = None  # the camera's own text, e.g. "2026:11:20 09:15:02"
    captured_offset: str | None = None  # "+08:00"
    offset_assumed: bool = False
    gps: GPSPosition | None = None
    camera_make: str = ""
    camera_model: str = ""


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return str(value).strip("\x00 \t\r\n") if value is not None else ""


def _number(value: Any) -> Decimal:
    num, den = getattr(value, "numerator", None), getattr(value, "denominator", None)
    if num is not None and den is not None:
        if den == 0:
            raise InvalidOperation("zero denominator")
        return Decimal(num) / Decimal(den)
    if isinstance(value, tuple) and len(value) == 2:  # (num, den) as stored by some writers
        return Decimal(value[0]) / Decimal(value[1])
    return Decimal(str(value))


def _degrees(value: Any) -> Decimal:
    parts = list(value) if isinstance(value, (tuple, list)) else [value]
    parts = [_number(p) for p in parts] + [Decimal(0)] * (3 - len(parts))
    deg, minutes, seconds = parts[:3]
    return deg + minutes / 60 + seconds / 3600


def read_gps(gps: Any) -> GPSPosition | None:
    if not gps or _GPS_LAT not in gps or _GPS_LON not in gps:
        return None
    try:
        lat, lon = _degrees(gps[_GPS_LAT]), _degrees(gps[_GPS_LON])
    except (InvalidOperation, ValueError, TypeError, ZeroDivisionError):
        return None
    if _text(gps.get(_GPS_LAT_REF)).upper().startswith("S"):
        lat = -lat
    if _text(gps.get(_GPS_LON_REF)).upper().startswith("W"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None  # out of range, or the 0/0 that cameras write without a fix
    alt = None
    if _GPS_ALT in gps:
        try:
            alt = _number(gps[_GPS_ALT]).quantize(Decimal("0.1"))
            ref = gps.get(_GPS_ALT_REF, 0)
            if (ref[0] if isinstance(ref, bytes) and ref else ref) == 1:
                alt = -alt
        except (InvalidOperation, ValueError, TypeError, ZeroDivisionError):
            alt = None
    return GPSPosition(lat.quantize(_DEG), lon.quantize(_DEG), alt)


def parse_capture_time(text: str, offset: str | None,
                       default_tz: dt.tzinfo) -> tuple[dt.datetime | None, str | None, bool]:
    """EXIF "YYYY:MM:DD HH:MM:SS" (+ "+HH:MM") → (aware UTC time, offset used, whether the zone was assumed)."""
    m = _TIME_RE.match(text)
    if not m:
        return None, None, False
    try:
        local = dt.datetime(*(int(g) for g in m.groups()))
    except ValueError:  # "0000:00:00 00:00:00" and friends
        return None, None, False
    om = _OFFSET_RE.match(offset or "")
    if om:
        sign = -1 if om.group(1) == "-" else 1
        tz = dt.timezone(sign * dt.timedelta(hours=int(om.group(2)), minutes=int(om.group(3))))
        return local.replace(tzinfo=tz).astimezone(dt.timezone.utc), offset, False
    aware = local.replace(tzinfo=default_tz)
    minutes = int((aware.utcoffset() or dt.timedelta()).total_seconds()) // 60
    assumed = f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return aware.astimezone(dt.timezone.utc), assumed, True


def read_facts(im: Image.Image, default_tz: dt.tzinfo = CHINA_TZ) -> PhotoFacts:
    """The EXIF facts of an opened image; a missing or broken EXIF block yields empty facts, never an error."""
    try:
        exif = im.getexif()
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:  # noqa: BLE001 - malformed EXIF must not make a good photo unusable
        return PhotoFacts()
    orientation = exif.get(_ORIENTATION, 1)
    orientation = orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1
    local = _text(sub.get(_DATETIME_ORIGINAL)) or _text(sub.get(_DATETIME_DIGITIZED))
    offset = _text(sub.get(_OFFSET_ORIGINAL)) or _text(sub.get(_OFFSET_DIGITIZED)) or None
    captured, used_offset, assumed = parse_capture_time(local, offset, default_tz) if local else (None, None, False)
    return PhotoFacts(orientation=orientation, captured_at=captured, captured_local=local if captured else None,
                      captured_offset=used_offset, offset_assumed=assumed, gps=read_gps(gps),
                      camera_make=_text(exif.get(_MAKE)), camera_model=_text(exif.get(_MODEL)))
