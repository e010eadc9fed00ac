"""Duration and capture time of audio and video evidence, read with MediaInfo (pymediainfo, MIT; its wheels bundle
libmediainfo, BSD-2-Clause). No Qt: services and the import job call it off the UI thread.

The capture time is what the file itself says (MP4/MOV `©day`/mvhd creation time as MediaInfo's Encoded/Tagged/
Recorded date, always UTC in QuickTime containers); a file's modification time is *not* a capture time and is
never used. A recording made in the app gets its capture time from the app (services/recordings.py).
A file MediaInfo cannot read as audio or video, or with no duration, is refused: evidence that cannot be played
is not evidence an inspector should rely on.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

_DATE = re.compile(r"(?:UTC\s*)?(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?"
                   r"\s*(UTC|Z|[+-]\d{2}:?\d{2})?")


_UNPLAYABLE = QT_TRANSLATE_NOOP("Errors", "The audio or video file cannot be read: {reason}")


@dataclass(frozen=True, slots=True)
class AVFacts:
    duration_ms: int
    captured_at: dt.datetime | None      # aware UTC, or None when the file does not say
    has_video: bool
    has_audio: bool
    codec: str = ""


def _parse_date(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    m = _DATE.search(str(text))
    if not m:
        return None
    y, mo, d, h, mi, s, zone = m.groups()
    when = dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    if zone in (None, "UTC", "Z") or "UTC" in str(text):
        tz: dt.tzinfo = dt.timezone.utc
    else:
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    if when.year < 1990:  # QuickTime's zero epoch (1904) and unset clocks: not a capture time
        return None
    return when.replace(tzinfo=tz).astimezone(dt.timezone.utc)


def read(src: Path | bytes | BinaryIO) -> AVFacts:
    """Duration and capture time of an audio/video file. Raises ValidationError("media.unplayable")."""
    from pymediainfo import MediaInfo

    source: Any = io.BytesIO(src) if isinstance(src, bytes) else src
    try:
        info = MediaInfo.parse(source)
    except (OSError, RuntimeError, ValueError) as exc:
        raise ValidationError("media.unplayable", _UNPLAYABLE,
                              reason=str(exc)[:200]) from None
    general = info.general_tracks[0] if info.general_tracks else None
    video, audio = info.video_tracks, info.audio_tracks
    duration = getattr(general, "duration", None) if general is not None else None
    if duration is None:
        duration = next((t.duration for t in (*video, *audio) if getattr(t, "duration", None)), None)
    if not (video or audio) or not duration:
        raise ValidationError("media.unplayable", _UNPLAYABLE,
                              reason="no audio or video stream with a duration")
    when = None
    if general is not None:
        for key in ("recorded_date", "encoded_date", "tagged_date"):
            when = _parse_date(getattr(general, key, None))
            if when is not None:
                break
    codec = str(getattr((video or audio)[0], "format", "") or "")
    return AVFacts(int(float(duration)), when, bool(video), bool(audio), codec)
