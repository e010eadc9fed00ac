"""Audio/video evidence and the 音像记录 register: hash, duration (MediaInfo) and capture time, who recorded and at
which stage; bad input refused with codes and nothing half-done."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import struct
import wave
from pathlib import Path

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.storage import av_facts
from tests.helpers import lead, new_inspection, start_on_site


def make_wav(path: Path, seconds: float = 1.0, rate: int = 8000) -> Path:
    """A short 440 Hz tone, mono 16-bit PCM."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * 440 * i / rate)))
                               for i in range(int(rate * seconds))))
    return path


def test_imported_audio_is_hashed_timed_and_registered(app, roster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    o1 = roster["officers"][0]
    wav = make_wav(tmp_path / "亮证.wav", 1.5)
    started = dt.datetime(2026, 11, 20, 1, 31, tzinfo=dt.timezone.utc)
    rec = app.recordings.import_file(lead(roster), iid, wav, recorded_by=o1.id, stage="credentials",
                                     captured_at=started, note="执法记录仪同步录音")
    assert rec.sha256 == hashlib.sha256(wav.read_bytes()).hexdigest()
    assert (rec.media, rec.stage, rec.recorded_by, rec.recorder_name) == ("audio", "credentials", o1.id, o1.name)
    assert rec.duration_ms == 1500 and rec.captured_at == started
    [ev] = [e for e in app.evidence.list(iid) if e.id == rec.evidence_id]
    assert ev.measure == "录音录像" and ev.kind == "audio_video"
    assert app.recordings.of_inspection(iid) == [rec]
    assert app.ctx.blobs.read_bytes(rec.sha256) == wav.read_bytes()
    assert app.recordings.media_path(rec.evidence_id).read_bytes() == wav.read_bytes()
    from inspector_app.storage.journal_repo import load_chain

    with app.ctx.read() as s:
        events = [e for e in load_chain(s, iid) if e.event_type == "recording.registered"]
    assert len(events) == 1 and events[0].payload["duration_ms"] == 1500
    assert app.journal.verify(iid).ok
    with pytest.raises(ValidationError) as exc:  # the same recording is registered once
        app.recordings.import_file(lead(roster), iid, wav, recorded_by=o1.id, stage="credentials")
    assert exc.value.code == "recording.duplicate"


def test_bad_recordings_are_refused_with_codes(app, roster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    o1 = roster["officers"][0]
    wav = make_wav(tmp_path / "a.wav")
    with pytest.raises(ValidationError) as exc:
        app.recordings.import_file(lead(roster), iid, wav, recorded_by=o1.id, stage="lunch")
    assert exc.value.code == "recording.stage"
    with pytest.raises(ValidationError) as exc:
        app.recordings.import_file(lead(roster), iid, wav, recorded_by=roster["officers"][2].id, stage="other")
    assert exc.value.code == "recording.not_team"
    broken = tmp_path / "broken.wav"
    broken.write_bytes(wav.read_bytes()[:44])  # a WAV header with no samples: nothing to play
    with pytest.raises(ValidationError) as exc:
        app.recordings.import_file(lead(roster), iid, broken, recorded_by=o1.id, stage="other")
    assert exc.value.code == "media.unplayable"
    from tests.services.test_seizures import photo

    jpg = tmp_path / "p.jpg"
    jpg.write_bytes(photo(1))
    with pytest.raises(ValidationError) as exc:
        app.recordings.import_file(lead(roster), iid, jpg, recorded_by=o1.id, stage="other")
    assert exc.value.code == "recording.not_audio_video"
    assert app.recordings.of_inspection(iid) == [] and app.evidence.list(iid) == []


def test_capture_time_is_read_from_the_container_never_from_the_file_date() -> None:
    assert av_facts._parse_date("2026-11-20 01:31:02 UTC") == dt.datetime(2026, 11, 20, 1, 31, 2,
                                                                            tzinfo=dt.timezone.utc)
    assert av_facts._parse_date("2026-11-20T09:31:02+08:00") == dt.datetime(2026, 11, 20, 1, 31, 2,
                                                                              tzinfo=dt.timezone.utc)
    assert av_facts._parse_date("1904-01-01 00:00:00 UTC") is None and av_facts._parse_date(None) is None


def test_a_trimmed_clip_is_a_derivative_and_the_original_stays_byte_identical(app, roster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    o1 = roster["officers"][0]
    wav = make_wav(tmp_path / "询问录音.wav", 3.0)
    before = wav.read_bytes()
    started = dt.datetime(2026, 11, 20, 1, 31, tzinfo=dt.timezone.utc)
    rec = app.recordings.import_file(lead(roster), iid, wav, recorded_by=o1.id, stage="inquiry",
                                     captured_at=started)
    clip = app.recordings.trim(lead(roster), rec.evidence_id, 500, 1700)
    # the original: unchanged, still the evidence; the clip: a new evidence row, hashed, stored and registered
    assert app.ctx.blobs.read_bytes(rec.sha256) == before and hashlib.sha256(before).hexdigest() == rec.sha256
    assert clip.sha256 != rec.sha256 and clip.sha256 == hashlib.sha256(app.ctx.blobs.read_bytes(clip.sha256))\
        .hexdigest()
    assert (clip.media, clip.stage, clip.recorded_by) == ("audio", "inquiry", o1.id)
    # cut at the WAV's packet boundaries (PCM copied, not re-encoded): it covers at least 0.5–1.7 s
    [ev] = [e for e in app.evidence.list(iid) if e.id == clip.evidence_id]
    derived = ev.meta["derived_from"]
    assert derived["evidence_id"] == rec.evidence_id and derived["sha256"] == rec.sha256
    assert derived["operation"] == "trim" and 0 < derived["start_ms"] <= 500 and derived["end_ms"] == 1700
    assert 1200 <= clip.duration_ms <= 1500
    assert clip.captured_at == started + dt.timedelta(milliseconds=derived["start_ms"])
    assert ev.source_name.startswith("询问录音_片段") and ev.measure == "录音录像"
    with wave.open(io.BytesIO(app.ctx.blobs.read_bytes(clip.sha256)), "rb") as w:
        samples = w.readframes(w.getnframes())
    with wave.open(io.BytesIO(before), "rb") as w:
        all_samples = w.readframes(w.getnframes())
    offset = derived["start_ms"] * 8 * 2  # 8000 Hz, 16-bit mono: the clip's samples are the original's
    assert samples == all_samples[offset:offset + len(samples)] and len(samples) == clip.duration_ms * 16
    with pytest.raises(ValidationError) as exc:
        app.recordings.trim(lead(roster), rec.evidence_id, 1700, 500)
    assert exc.value.code == "recording.trim_range"
    with pytest.raises(ValidationError) as exc:
        app.recordings.trim(lead(roster), rec.evidence_id, 9000, 9500)
    assert exc.value.code == "recording.trim_empty"
    assert len(app.recordings.of_inspection(iid)) == 2


def test_video_is_cut_from_the_key_frame_before_the_start_without_reencoding(tmp_path) -> None:
    import av
    from PIL import Image

    from inspector_app.storage import av_trim

    src = tmp_path / "执法记录仪.mp4"
    with av.open(str(src), "w") as out:
        s = out.add_stream("mpeg4", rate=10)
        s.width, s.height, s.pix_fmt = 64, 48, "yuv420p"
        s.codec_context.gop_size = 10
        for i in range(30):
            for pk in s.encode(av.VideoFrame.from_image(Image.new("RGB", (64, 48), (i * 8, 40, 90)))):
                out.mux(pk)
        for pk in s.encode():
            out.mux(pk)
    with av.open(str(src)) as inp:
        packets = [(p.pts * p.time_base, p.is_keyframe, bytes(p)) for p in inp.demux(inp.streams.video[0])
                   if p.pts is not None]
    key = max(t for t, k, _ in packets if k and t <= 1.5)
    dst = tmp_path / "clip.mp4"
    assert av_trim.trim(src, dst, 1500, 2500) == int(key * 1000)
    with av.open(str(dst)) as clip:
        got = [(p.is_keyframe, bytes(p)) for p in clip.demux(clip.streams.video[0]) if p.pts is not None]
    with av.open(str(dst)) as clip:
        frames = sum(1 for _ in clip.decode(video=0))  # decodable from its first frame on
    wanted = [(k, b) for t, k, b in packets if key <= t < 2.5]
    assert got == wanted and got[0][0] and frames == len(wanted)  # the original's packets, byte for byte
    assert av_facts.read(dst).has_video
