"""Cut a clip out of an audio or video file without re-encoding (PyAV, FFmpeg's libraries; BSD-3 / LGPL).

Why stream copy: the trimmed copy is a derivative of evidence, so its samples must be the original's, not a
re-encoding. The packets between `start_ms` and `end_ms` are copied as they are, their timestamps moved so the clip
starts at 0. Video can only start on a key frame: the cut begins at the last key frame at or before `start_ms`
(the clip may start a little earlier than asked, never later); audio alone cuts at its packets' boundaries
(a WAV packet is typically 1024 samples), so the clip covers at least the range asked for.
The result is written to `dst` (a temp file of the caller's; temp → fsync → rename is the blob store's job).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


def trim(src: Path, dst: Path, start_ms: int, end_ms: int) -> int:
    """Write the clip to `dst`; returns where it really starts (ms into the original: a key frame for video)."""
    import av

    if start_ms < 0 or end_ms <= start_ms:
        raise ValidationError("recording.trim_range", QT_TRANSLATE_NOOP(
            "Errors", "The clip must end after it starts ({start} – {end} ms)."), start=start_ms, end=end_ms)
    start, end = Fraction(start_ms, 1000), Fraction(end_ms, 1000)
    try:
        cut = _cut_point(src, start, start_ms, end_ms)
        with av.open(str(src)) as inp:
            streams = [s for s in inp.streams if s.type in ("audio", "video")]
            names = inp.format.name.split(",")  # e.g. "mov,mp4,m4a,3gp,3g2,mj2": keep an MP4 an MP4
            fmt = "mp4" if "mp4" in names else names[0]
            with av.open(str(dst), "w", format=fmt) as out:
                mapping = {s.index: out.add_stream_from_template(s) for s in streams}
                copied = 0
                for packet in inp.demux(streams):
                    if packet.dts is None or packet.pts is None or packet.time_base is None:
                        continue  # the demuxer's flush packets
                    t = packet.pts * packet.time_base
                    if t >= end or t + _duration(packet) <= cut or t < cut and packet.stream.type == "video":
                        continue
                    shift = int(cut / packet.time_base)  # the same instant in every stream: A/V stay in step
                    packet.pts, packet.dts = packet.pts - shift, packet.dts - shift
                    packet.stream = mapping[packet.stream.index]
                    out.mux(packet)
                    copied += 1
        if not copied:
            raise ValidationError("recording.trim_empty", QT_TRANSLATE_NOOP(
                "Errors", "The clip {start} – {end} ms is outside the recording."), start=start_ms, end=end_ms)
        return int(cut * 1000)
    except av.FFmpegError as exc:
        raise ValidationError("recording.trim_unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The clip cannot be cut from this file: {reason}"), reason=str(exc)) from None


def _cut_point(src: Path, start: Fraction, start_ms: int, end_ms: int) -> Fraction:
    """Where the clip really starts: the last video key frame at or before `start`, or for audio alone the start
    of the packet holding it (found by demuxing only, nothing decoded)."""
    import av

    with av.open(str(src)) as inp:
        video = next((s for s in inp.streams if s.type == "video"), None)
        audio = next((s for s in inp.streams if s.type == "audio"), None)
        if video is None and audio is None:
            raise ValidationError("recording.trim_unreadable", QT_TRANSLATE_NOOP(
                "Errors", "The clip cannot be cut from this file: {reason}"), reason="no audio or video")
        stream = video or audio
        cut, last_end = Fraction(0), Fraction(0)
        for packet in inp.demux(stream):
            if packet.pts is None or packet.time_base is None:
                continue
            t = packet.pts * packet.time_base
            if t > start:
                return cut
            if packet.is_keyframe or video is None:  # audio packets each start cleanly (PCM, AAC frames)
                cut = t
            last_end = max(last_end, t + _duration(packet))
        if start >= last_end:
            raise ValidationError("recording.trim_empty", QT_TRANSLATE_NOOP(
                "Errors", "The clip {start} – {end} ms is outside the recording."),
                start=start_ms, end=end_ms)
        return cut


def _duration(packet) -> Fraction:  # type: ignore[no-untyped-def]
    return Fraction(packet.duration or 0) * packet.time_base
