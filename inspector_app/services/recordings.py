"""Audio and video evidence and the 音像记录 register (issue 15 item 5).

A recording is evidence like a photo (services/evidence.py: content-identified, hashed, stored temp → fsync →
rename, synced as a blob like photos, measure 录音录像, statutory type 视听资料) plus a register entry: who recorded,
at which stage of the visit (domain/recording.py), the duration and capture time read from the file with MediaInfo
(storage/av_facts.py) — or, for a recording made in the app, the time the app started it. The evidence row, its
register row and the journal event are written in one transaction; the register also rides in the evidence's
meta, which is what syncs.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector_app.domain import recording as dr
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.evidence import EvidenceKind, Measure
from inspector_app.domain.ids import new_id
from inspector_app.domain.rules import Action, require
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.evidence import EvidenceService, Prepared
from inspector_app.services.inspections import load_inspection, team_members
from inspector_app.storage import av_trim
from inspector_app.storage.orm import EvidenceRow
from inspector_app.storage.seizure_orm import RecordingRow


@dataclass(frozen=True, slots=True)
class RecordingDTO:
    id: str
    evidence_id: str
    media: str                       # audio | video
    recorded_by: str                 # officer id
    recorder_name: str
    stage: str
    duration_ms: int | None
    captured_at: dt.datetime | None
    sha256: str
    source_name: str
    note: str


class RecordingService:
    def __init__(self, ctx: ServiceContext, evidence: EvidenceService):
        self._ctx = ctx
        self._evidence = evidence

    def prepare(self, path: str | Path) -> Prepared:
        """Verify and store the file (off the writer). Refuses what is not playable audio or video."""
        prepared = self._evidence.prepare(path)
        if prepared.info.kind is not EvidenceKind.AUDIO_VIDEO:
            raise ValidationError("recording.not_audio_video", QT_TRANSLATE_NOOP(
                "Errors", "{name} is not an audio or video file."), name=prepared.name)
        if prepared.info.duration_ms is None:
            raise ValidationError("media.unplayable", QT_TRANSLATE_NOOP(
                "Errors", "The audio or video file cannot be read: {reason}"), reason=prepared.name)
        return prepared

    def register(self, actor: Actor, inspection_id: str, prepared: Prepared, *, recorded_by: str, stage: str,
                 note: str = "", captured_at: dt.datetime | None = None,
                 derived_from: dict[str, Any] | None = None) -> RecordingDTO:
        """Evidence + register entry + journal, in one transaction. `captured_at`: when the app recorded it."""
        if stage not in dr.STAGES:
            raise ValidationError("recording.stage", QT_TRANSLATE_NOOP(
                "Errors", "Choose the stage of the visit the recording covers."))
        with self._ctx.read() as s:
            require(Action.RECORD_MEDIA, load_inspection(s, inspection_id).status, None)
            team = {m.officer_id for m in team_members(s, inspection_id)}
        if recorded_by not in team:
            raise ValidationError("recording.not_team", QT_TRANSLATE_NOOP(
                "Errors", "The recording must be made by an officer of this inspection's team."))
        media = "video" if prepared.info.mime.startswith("video/") else "audio"
        when = captured_at or prepared.info.captured_at
        register = {"recorded_by": recorded_by, "stage": stage, "media": media,
                    "captured_at": when.isoformat() if when else None}
        made: list[RecordingRow] = []

        def add_register(uow, row: EvidenceRow) -> None:  # type: ignore[no-untyped-def]
            if uow.session.scalar(select(RecordingRow.id).where(RecordingRow.evidence_id == row.id)):
                raise ValidationError("recording.duplicate", QT_TRANSLATE_NOOP(
                    "Errors", "This recording is in the register already."))
            rec = RecordingRow(id=new_id(), inspection_id=inspection_id, evidence_id=row.id, media=media,
                               recorded_by=recorded_by, stage=stage, duration_ms=prepared.info.duration_ms,
                               captured_at=when, note=note.strip()[:500], created_at=uow.now)
            uow.session.add(rec)
            uow.journal(inspection_id, "recording.registered", {
                "entity": "recording", "id": rec.id, "evidence_id": row.id, "sha256": row.sha256, "media": media,
                "stage": stage, "recorded_by": recorded_by, "duration_ms": prepared.info.duration_ms,
                "captured_at": register["captured_at"]})
            made.append(rec)

        self._evidence.commit(actor, inspection_id, prepared, Measure.RECORDING,
                              caption=f"{dr.STAGES[stage]}（{'录像' if media == 'video' else '录音'}）",
                              extra_meta={"register": register, **({"derived_from": derived_from}
                                                                    if derived_from else {})},
                              then=add_register)
        return next(r for r in self.of_inspection(inspection_id) if r.id == made[0].id)

    def import_file(self, actor: Actor, inspection_id: str, path: str | Path, *, recorded_by: str, stage: str,
                    note: str = "", captured_at: dt.datetime | None = None) -> RecordingDTO:
        return self.register(actor, inspection_id, self.prepare(path), recorded_by=recorded_by, stage=stage,
                             note=note, captured_at=captured_at)

    def trim(self, actor: Actor, evidence_id: str, start_ms: int, end_ms: int, note: str = "") -> RecordingDTO:
        """A clip of a registered recording, kept as a derivative: the original stays byte-identical and remains
        the evidence; the clip is cut without re-encoding (storage/av_trim.py), hashed and stored like any
        evidence, registered with the same recorder and stage, and its meta names what it is derived from (the
        original's evidence id and SHA-256, and the range really cut). Runs off the writer until the commit."""
        ev = self._evidence.get(evidence_id)
        original = next((r for r in self.of_inspection(ev.inspection_id) if r.evidence_id == evidence_id), None)
        if original is None:
            raise ValidationError("recording.not_registered", QT_TRANSLATE_NOOP(
                "Errors", "Only a recording in the register can be trimmed."))
        src = self.media_path(evidence_id)
        folder = Path(tempfile.mkdtemp(prefix=".trim-", dir=self._ctx.blobs.root))  # owner-only, same disk
        try:
            dst = folder / f"clip{Path(ev.source_name).suffix}"
            real_start = av_trim.trim(src, dst, start_ms, end_ms)
            prepared = self.prepare(dst)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        stem = Path(ev.source_name).stem or "recording"
        prepared = replace(prepared, name=f"{stem}_片段{real_start // 1000}-{end_ms // 1000}s"
                                          f"{Path(ev.source_name).suffix}")
        when = original.captured_at + dt.timedelta(milliseconds=real_start) if original.captured_at else None
        return self.register(actor, ev.inspection_id, prepared, recorded_by=original.recorded_by,
                             stage=original.stage, note=note or original.note, captured_at=when,
                             derived_from={"evidence_id": evidence_id, "sha256": ev.sha256, "operation": "trim",
                                           "start_ms": real_start, "end_ms": end_ms,
                                           "requested_start_ms": start_ms})

    def of_inspection(self, inspection_id: str) -> list[RecordingDTO]:
        from inspector_app.storage.orm import OfficerRow

        with self._ctx.read() as s:
            rows = s.execute(select(RecordingRow, EvidenceRow, OfficerRow.name)
                             .join(EvidenceRow, EvidenceRow.id == RecordingRow.evidence_id)
                             .outerjoin(OfficerRow, OfficerRow.id == RecordingRow.recorded_by)
                             .where(RecordingRow.inspection_id == inspection_id, EvidenceRow.deleted_at.is_(None))
                             .order_by(RecordingRow.created_at)).all()
            return [RecordingDTO(r.id, e.id, r.media, r.recorded_by, name or "", r.stage, r.duration_ms,
                                 r.captured_at, e.sha256, e.source_name or "", r.note) for r, e, name in rows]

    def team(self, inspection_id: str) -> list[tuple[str, str]]:
        """(officer id, name) of the inspection's team: who can be named as the recorder."""
        with self._ctx.read() as s:
            return [(m.officer_id, m.name) for m in team_members(s, inspection_id)]

    def media_path(self, evidence_id: str) -> Path:
        """A path the player can open (the original, decrypted privately when the workspace is encrypted)."""
        return self._evidence.original_path(evidence_id)
