"""Evidence: photos, documents and recordings taken or received during an inspection.

Importing is split in two so a UI can run it in parallel:
* `prepare(path)` — the expensive part (identify and verify by content, hash, copy into the blob store, thumbnail).
  It touches no database row and is safe to call from any number of worker threads;
* `commit(actor, inspection_id, prepared)` — one short write transaction (row + journal + outbox), to be called
  from a single writer thread (SQLite serialises writers anyway, BEGIN IMMEDIATE).
`import_files` chains both, file by file, for callers that do not need the parallelism.

A file is held in memory while it is verified and stored (up to IN_MEMORY_LIMIT), so the bytes checked are
exactly the bytes stored; larger files (videos) are streamed.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, FrozenRecord, ValidationError
from inspector_app.domain.evidence import Measure, counts_pages, default_type
from inspector_app.domain.ids import new_id
from inspector_app.services import evidence_links as links
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.dto import EvidenceDTO
from inspector_app.services.inspections import load_inspection, require_editable
from inspector_app.services.mappers import evidence_dto
from inspector_app.services.reinspection import load_reinspection, require_open
from inspector_app.storage import media
from inspector_app.storage.media import MediaInfo, MediaRefused
from inspector_app.storage.orm import EvidenceRow
from inspector_app.syncproto import payloads

THUMB_PX = 320
IN_MEMORY_LIMIT = 64 << 20
_CHUNK = 1 << 20

Cancelled = Callable[[], bool]
Progress = Callable[[int, int, str], None]
Link = tuple[str, str]  # (target_type "answer" | "finding", target_id)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A verified file whose bytes are already in the blob store; no row points at it yet."""

    name: str
    info: MediaInfo
    sha256: str
    size: int
    thumbnail: Path | None
    origin: str  # "file" (imported from disk) | "paste" | "camera"


@dataclass(frozen=True, slots=True)
class Committed:
    evidence: EvidenceDTO
    duplicate: bool  # the same content was already evidence of this inspection: nothing new was stored
    changes: Changes


@dataclass(frozen=True, slots=True)
class Refusal:
    name: str
    reason: str      # in the source language (CLI, logs); a UI shows ``error`` through its mapper
    error: DomainError | None = None

    @property
    def code(self) -> str:
        return self.error.code if self.error is not None else ""


@dataclass(frozen=True, slots=True)
class Duplicate:
    name: str
    evidence_id: str


@dataclass
class ImportReport:
    imported: list[EvidenceDTO] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)


def _read(path: Path, cancelled: Cancelled | None) -> bytes:
    parts = []
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            if cancelled and cancelled():
                raise InterruptedError("cancelled")
            parts.append(chunk)
    return b"".join(parts)


def _io_refusal(e: OSError) -> MediaRefused:
    if e.errno == errno.ENOSPC:
        return MediaRefused("evidence.disk_full", QT_TRANSLATE_NOOP("Errors", "The disk is full; nothing was saved."))
    return MediaRefused("evidence.io_failed", QT_TRANSLATE_NOOP(
        "Errors", "The file could not be read or written: {reason}"), reason=str(e.strerror or e))


def _measure(value: str) -> Measure:
    try:
        return Measure(value)
    except ValueError:
        raise ValidationError("evidence.unknown_measure", QT_TRANSLATE_NOOP(
            "Errors", "Unknown way of taking evidence: {measure}"), measure=value) from None


def require_scope_editable(s: Session, inspection_id: str, reinspection_id: str | None) -> None:
    """Evidence of the record follows the record's freeze; evidence of a re-inspection follows that
    re-inspection's (the signed record stays as signed while its rectification is re-inspected)."""
    if reinspection_id is None:
        require_editable(load_inspection(s, inspection_id))
        return
    rein = load_reinspection(s, reinspection_id)
    if rein.inspection_id != inspection_id:
        raise ValidationError("reinspection.other_inspection", QT_TRANSLATE_NOOP(
            "Errors", "The re-inspection belongs to another inspection."))
    require_open(rein)


class EvidenceService:
    def __init__(self, ctx: ServiceContext, thumbnails_dir: Path):
        self._ctx = ctx
        self._thumbs = thumbnails_dir

    # ------------------------------------------------------------------ the parallel-safe half

    def prepare(self, path: str | Path, cancelled: Cancelled | None = None) -> Prepared:
        """Verify `path` by content and store its bytes. Raises MediaRefused, or InterruptedError if cancelled."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise MediaRefused("evidence.not_a_file", QT_TRANSLATE_NOOP(
                    "Errors", "Not a regular file; it cannot be imported as evidence."))
            if size <= IN_MEMORY_LIMIT:
                return self.prepare_bytes(_read(path, cancelled), path.name, "file", cancelled)
            info, thumb = media.analyse(path, THUMB_PX)
            blob = self._ctx.blobs.put_file(path, cancelled)
        except InterruptedError:
            raise
        except OSError as e:
            raise _io_refusal(e) from None
        return Prepared(path.name, info, blob.sha256, blob.size, self._save_thumb(blob.sha256, thumb), "file")

    def prepare_bytes(self, data: bytes, name: str, origin: str = "paste",
                      cancelled: Cancelled | None = None) -> Prepared:
        info, thumb = media.analyse(data, THUMB_PX)
        if cancelled and cancelled():
            raise InterruptedError("cancelled")
        try:
            blob = self._ctx.blobs.put_bytes(data)
        except OSError as e:
            raise _io_refusal(e) from None
        return Prepared(name, info, blob.sha256, blob.size, self._save_thumb(blob.sha256, thumb), origin)

    def _save_thumb(self, sha256: str, thumb: Any) -> Path | None:
        if thumb is None:
            return None
        return self._write_image(thumb, media.thumbnail_path(self._thumbs, sha256, THUMB_PX))

    def _write_image(self, img: Any, dst: Path) -> Path:
        """A derived JPEG (thumbnail, viewer/print copy), sealed like the evidence when the workspace is encrypted."""
        return self._ctx.blobs.vault.write_bytes(dst, media.jpeg_bytes(img))

    def _derived(self, evidence_id: str, max_px: int) -> Path:
        """The cached upright JPEG of at most max_px, made on demand from the original; a path to its plaintext."""
        ev = self.get(evidence_id)
        path = media.thumbnail_path(self._thumbs, ev.sha256, max_px)
        if not path.exists() or path.stat().st_size == 0:
            if not self._ctx.blobs.has(ev.sha256):
                raise ValidationError("evidence.original_missing", QT_TRANSLATE_NOOP(
            "Errors", "The original file of the evidence is not on this computer "
                      "(perhaps not downloaded from the server yet)."))
            with self._ctx.blobs.open(ev.sha256) as original:
                self._write_image(media.display_image(original, max_px), path)
        return self._ctx.blobs.vault.plain_path(path, ".jpg")

    # ------------------------------------------------------------------ the single-writer half

    def commit(self, actor: Actor, inspection_id: str, prepared: Prepared, measure: Measure = Measure.PHOTO,
               caption: str = "", link: Link | None = None, reinspection_id: str | None = None,
               extra_meta: dict[str, Any] | None = None,
               then: Callable[[Any, EvidenceRow], None] | None = None) -> Committed:
        """Record a prepared file as evidence of the inspection, in one transaction (row + journal + outbox).
        The same content twice in one inspection is stored once: the existing evidence is returned (and linked).
        `extra_meta` joins the new row's meta (e.g. the 音像记录 register); `then(uow, row)` runs in the same
        transaction (services/recordings.py adds its register row there)."""
        p, measure = prepared, _measure(measure)
        if not self._ctx.blobs.has(p.sha256):
            raise ValidationError("evidence.not_stored", QT_TRANSLATE_NOOP(
                "Errors", "The evidence file is not in this computer's store yet; import it again."))
        with self._ctx.unit(actor) as uow:
            s = uow.session
            require_scope_editable(s, inspection_id, reinspection_id)
            target = links.check_target(s, inspection_id, link) if link else None
            row = s.scalar(select(EvidenceRow).where(EvidenceRow.inspection_id == inspection_id,
                                                     EvidenceRow.sha256 == p.sha256))
            if row is not None and row.seizure_id:
                raise ValidationError("evidence.saved_for_seizure", QT_TRANSLATE_NOOP(
                    "Errors", "The file is already saved as the photo of a sealed or preserved item."))
            if row is not None and row.reinspection_id != reinspection_id:
                if reinspection_id:
                    raise ValidationError("evidence.reused_for_reinspection", QT_TRANSLATE_NOOP(
                        "Errors", "The file is already evidence of this inspection (or another re-inspection); a "
                                  "re-inspection needs new evidence."))
                raise ValidationError("evidence.saved_for_reinspection", QT_TRANSLATE_NOOP(
                    "Errors", "The file is already saved as evidence of a re-inspection."))
            duplicate, new = row is not None and row.deleted_at is None, row is None
            if row is None:
                row = EvidenceRow(
                    id=new_id(), inspection_id=inspection_id, sha256=p.sha256, kind=p.info.kind.value,
                    measure=measure.value, caption=caption.strip(), captured_at=p.info.captured_at,
                    source_name=p.name[:300], mime=p.info.mime, size=p.size,
                    meta={**p.info.meta(), "origin": p.origin, **(extra_meta or {})},
                    reinspection_id=reinspection_id,
                    evidence_type=default_type(p.info.kind.value, measure.value).value, provider="",
                    page_count=p.info.pages if counts_pages(p.info.kind.value, measure.value) else None,
                    created_at=uow.now, updated_at=uow.now)
                s.add(row)
                uow.record(inspection_id, "evidence.added", "evidence", row.id, "create", payloads.create_payload(
                    "evidence", row, skip_none=("reinspection_id", "seizure_id")))
            elif not duplicate:  # removed earlier, brought back by importing the same content again
                row.deleted_at, row.updated_at = None, uow.now
                uow.record(inspection_id, "evidence.restored", "evidence", row.id, "patch",
                           payloads.delete_payload(False, source_name=p.name))
            changes = Changes(inspections=frozenset({inspection_id}), evidence=frozenset({row.id}))
            if target:
                changes |= links.attach(uow, row, *target)
            row_links = ((target,) if target else ()) if new else links.active(s, [row.id]).get(row.id, ())
            if then is not None:
                then(uow, row)
            return Committed(evidence_dto(row, row_links), duplicate, changes)

    # ------------------------------------------------------------------ convenience entry points

    def import_files(self, actor: Actor, inspection_id: str, paths: Iterable[str | Path],
                     measure: Measure = Measure.PHOTO, caption: str = "", link: Link | None = None,
                     progress: Progress | None = None, cancelled: Cancelled | None = None,
                     reinspection_id: str | None = None) -> ImportReport:
        """Import files one by one: a refused file is reported and the batch goes on. progress(done, total, name)
        is called after each file; cancelled() is checked between files and while reading."""
        files, measure = [Path(p) for p in paths], _measure(measure)
        with self._ctx.read() as s:
            require_scope_editable(s, inspection_id, reinspection_id)
            if link:
                links.check_target(s, inspection_id, link)
        report = ImportReport()
        for done, path in enumerate(files, 1):
            if cancelled and cancelled():
                report.cancelled = True
                break
            try:
                result = self.commit(actor, inspection_id, self.prepare(path, cancelled), measure, caption, link,
                                     reinspection_id)
            except InterruptedError:
                report.cancelled = True
                break
            except FrozenRecord as e:  # frozen meanwhile (signed elsewhere): the rest cannot go in either
                report.refused.extend(Refusal(p.name, str(e), e) for p in files[done - 1:])
                break
            except DomainError as e:
                report.refused.append(Refusal(path.name, str(e), e))
            else:
                report.changes |= result.changes
                if result.duplicate:
                    report.duplicates.append(Duplicate(path.name, result.evidence.id))
                else:
                    report.imported.append(result.evidence)
            if progress:
                progress(done, len(files), path.name)
        return report

    def add_bytes(self, actor: Actor, inspection_id: str, data: bytes, name: str,
                  measure: Measure = Measure.PHOTO, caption: str = "", link: Link | None = None,
                  origin: str = "paste", reinspection_id: str | None = None,
                  extra_meta: dict[str, Any] | None = None) -> Committed:
        """A pasted image or a webcam frame, under the same rules as a file. Raises MediaRefused.
        `extra_meta`: e.g. the visible stamp wanted on its print copy (services/photo_stamp.py)."""
        with self._ctx.read() as s:
            require_scope_editable(s, inspection_id, reinspection_id)
        return self.commit(actor, inspection_id, self.prepare_bytes(data, name, origin), measure, caption, link,
                           reinspection_id, extra_meta)

    # ------------------------------------------------------------------ editing

    def _editable(self, s: Session, evidence_id: str) -> EvidenceRow:
        row = s.get(EvidenceRow, evidence_id)
        if row is None or row.deleted_at is not None:
            raise ValidationError("evidence.not_found_or_deleted", QT_TRANSLATE_NOOP(
                "Errors", "The evidence does not exist or was removed."))
        require_scope_editable(s, row.inspection_id, row.reinspection_id)
        return row

    def set_caption(self, actor: Actor, evidence_id: str, caption: str) -> tuple[EvidenceDTO, Changes]:
        with self._ctx.unit(actor) as uow:
            row = self._editable(uow.session, evidence_id)
            caption = caption.strip()
            if caption != row.caption:
                uow.record(row.inspection_id, "evidence.changed", "evidence", row.id, "patch",
                           payloads.changes_payload("evidence", {"caption": (row.caption, caption)}))
                row.caption, row.updated_at = caption, uow.now
            dto = evidence_dto(row, links.active(uow.session, [row.id]).get(row.id, ()))
            return dto, Changes(inspections=frozenset({row.inspection_id}), evidence=frozenset({row.id}))

    def link(self, actor: Actor, evidence_id: str, target_type: str, target_id: str) -> Changes:
        with self._ctx.unit(actor) as uow:
            row = self._editable(uow.session, evidence_id)
            target = links.check_target(uow.session, row.inspection_id, (target_type, target_id))
            return links.attach(uow, row, *target)

    def unlink(self, actor: Actor, evidence_id: str, target_type: str, target_id: str) -> Changes:
        with self._ctx.unit(actor) as uow:
            return links.detach(uow, self._editable(uow.session, evidence_id), target_type, target_id)

    def remove(self, actor: Actor, evidence_id: str, reason: str) -> Changes:
        """Soft delete, journaled with the reason; the original file stays in the blob store."""
        if not reason.strip():
            raise ValidationError("evidence.removal_needs_reason", QT_TRANSLATE_NOOP(
                "Errors", "Give the reason for removing the evidence."))
        with self._ctx.unit(actor) as uow:
            row = self._editable(uow.session, evidence_id)
            detached = links.detach_all(uow, row)
            row.deleted_at, row.updated_at = uow.now, uow.now
            uow.record(row.inspection_id, "evidence.removed", "evidence", row.id, "patch",
                       payloads.delete_payload(reason=reason.strip(), sha256=row.sha256, source_name=row.source_name,
                                               links=[list(t) for t in detached]))
            return Changes(inspections=frozenset({row.inspection_id}), evidence=frozenset({row.id}),
                           answers=frozenset(i for t, i in detached if t == "answer"),
                           findings=frozenset(i for t, i in detached if t == "finding"))

    # ------------------------------------------------------------------ reading

    def list(self, inspection_id: str, reinspection_id: str | None = None, *,
             seizures: bool = False) -> list[EvidenceDTO]:
        """The record's evidence, or with `reinspection_id` that re-inspection's, or with `seizures` the original
        photos of the inspection's sealed / preserved items (services/seizures.py)."""
        scope: ColumnElement[bool]
        if seizures:
            scope = EvidenceRow.seizure_id.is_not(None)
        elif reinspection_id is None:
            scope = EvidenceRow.reinspection_id.is_(None) & EvidenceRow.seizure_id.is_(None)
        else:
            scope = EvidenceRow.reinspection_id == reinspection_id
        with self._ctx.read() as s:
            rows = s.scalars(select(EvidenceRow).where(EvidenceRow.inspection_id == inspection_id, scope,
                                                       EvidenceRow.deleted_at.is_(None))
                             .order_by(EvidenceRow.created_at, EvidenceRow.id)).all()
            by_id = links.active(s, [r.id for r in rows])
            return [evidence_dto(r, by_id.get(r.id, ())) for r in rows]

    def get(self, evidence_id: str) -> EvidenceDTO:
        """One evidence item, also when removed (the journal and the record still refer to it)."""
        with self._ctx.read() as s:
            row = s.get(EvidenceRow, evidence_id)
            if row is None:
                raise ValidationError("evidence.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The evidence does not exist."))
            return evidence_dto(row, links.active(s, [row.id]).get(row.id, ()))

    def original_path(self, evidence_id: str) -> Path:
        """A path holding the original's bytes (a private decrypted copy when the workspace is encrypted)."""
        sha = self.get(evidence_id).sha256
        if not self._ctx.blobs.has(sha):
            raise ValidationError("evidence.original_missing", QT_TRANSLATE_NOOP(
            "Errors", "The original file of the evidence is not on this computer "
                      "(perhaps not downloaded from the server yet)."))
        return self._ctx.blobs.plain_path(sha)

    def thumbnail(self, evidence_id: str, max_px: int = THUMB_PX) -> Path | None:
        """Path of an upright JPEG thumbnail, made on demand (cache: derived data); None for non-images."""
        if self.get(evidence_id).kind != "photo":
            return None
        return self._derived(evidence_id, max_px)

    def derived_path(self, evidence_id: str, tag: str, make: Callable[[bytes], bytes]) -> Path:
        """A cached derivative `make(original bytes)` (e.g. a stamped print copy); the original is only read."""
        ev = self.get(evidence_id)
        path = self._thumbs / f"{ev.sha256}-{tag}.jpg"
        if not path.exists() or path.stat().st_size == 0:
            self._ctx.blobs.vault.write_bytes(path, make(self._ctx.blobs.read_bytes(ev.sha256)))
        return self._ctx.blobs.vault.plain_path(path, ".jpg")

    def display_path(self, evidence_id: str, max_px: int = 2400) -> Path:
        """An upright JPEG copy for the on-screen viewer (EXIF orientation applied), cached like thumbnails."""
        if self.get(evidence_id).kind != "photo":
            raise ValidationError("evidence.not_a_photo", QT_TRANSLATE_NOOP(
                "Errors", "Only photos can be shown in the viewer."))
        return self._derived(evidence_id, max_px)
