"""Audio/video evidence and the 音像记录 register: hash, duration (MediaInfo) and capture time, who recorded and at
which stage; bad input refused with codes and nothing half-done."""

from __future__ import annotations

import datetime as dt
import hashlib
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
    from tests.test_seizures import photo

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
