"""封存 (sealing) and 先行登记保存 (registered preservation): the item list, the notice signed by two officers, the
legal clock and how the measure ends.

`create` stores every item photo's original byte for byte (the evidence; temp → fsync → rename before any row
points at it), makes its print derivative (optionally stamped: services/photo_stamp.py), snapshots the notice, and
renders and certifies it as the first officer off the writer through the one document pipeline
(services/document_pipeline.py); one short transaction then records the document, the seizure row with its clock,
the journal event and the outbox row. The second officer countersigns with SigningService.countersign.

The clocks (domain/seizure.py): a preservation needs a handling decision within 7 days; a seal runs ≤ 30 days and may
be extended once by 30 with a recorded reason (`extend`); `close` records the release (解除) or the handling. Each is
one transaction + journal + outbox; the seizure syncs as the entity "seizure" (its clock and how it ended) and its
items' photos as evidence scoped to it. Journal payloads carry numbers, counts, dates and the officers' recorded
reasons only — the party's people and the items' details are in the signed PDF and the encrypted workspace.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain import seizure as dz
from inspector_app.domain.agency_time import local
from inspector_app.domain.evidence import Measure
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.rules import Action, require
from inspector_app.records import model as rm
from inspector_app.records import model_seizure as ms
from inspector_app.services import photo_stamp
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.document_pipeline import DocumentPipeline, Produced, latest_handwriting
from inspector_app.services.inspections import load_inspection, team_members
from inspector_app.services.keys import KeyService
from inspector_app.services.record_builder import party_of, setting
from inspector_app.services.signing import DocumentDTO, document_dto
from inspector_app.storage import media
from inspector_app.storage.media import MediaInfo
from inspector_app.storage.orm import EvidenceRow
from inspector_app.syncproto import payloads
from inspector_app.storage.seizure_orm import SeizureRow

Progress = Callable[[int, str], None]
MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class ItemInput:
    name: str
    quantity: str
    unit: str
    location: str
    spec: str = ""
    condition: str = ""
    photos: tuple[bytes, ...] = ()     # the original photos (JPEG/PNG) as taken or imported


@dataclass(frozen=True, slots=True)
class SeizureInput:
    """What the seizure dialog collected."""

    measure: str                        # domain.seizure.SEAL | PRESERVATION
    reason: str
    started_at: dt.datetime
    place: str
    officer_ids: tuple[str, ...]        # in signing order (the first certifies)
    items: tuple[ItemInput, ...]
    approved_by: str = ""
    signer_name: str = ""               # the party's representative who signs
    opinion: str = ms.PARTY_OPINION
    refused: bool = False
    refusal_reason: str = ""
    witness: rm.Witness | None = None
    officer_note: str = ""
    party_png: bytes | None = None
    witness_png: bytes | None = None
    stamp_photos: bool = True           # draw time/place/officer/number on the photos' print derivatives
    officer_pngs: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SeizureDTO:
    id: str
    inspection_id: str
    document_id: str
    number: str
    measure: str
    items: int
    started_at: dt.datetime
    clock: dz.Clock
    extension_reason: str
    closed_note: str


class SeizureService:
    def __init__(self, ctx: ServiceContext, keys: KeyService):
        self._ctx = ctx
        self._keys = keys
        self._pipeline = DocumentPipeline(ctx, keys)

    # ------------------------------------------------------------------ signing
    def snapshot(self, inspection_id: str, data: SeizureInput, number: str,
                 originals: tuple[tuple[str, ...], ...]) -> ms.SeizureNotice:
        if data.measure not in dz.MEASURES:
            raise ValidationError("seizure.measure", QT_TRANSLATE_NOOP(
                "Errors", "Choose sealing or registered preservation."))
        with self._ctx.read() as s:
            insp = load_inspection(s, inspection_id)
            require(Action.SEIZE, insp.status, None)
            team = {m.officer_id: m for m in team_members(s, inspection_id) if m.has_conflict is not True}
            if len(set(data.officer_ids)) < 2 or any(o not in team for o in data.officer_ids):
                raise ValidationError("seizure.not_team", QT_TRANSLATE_NOOP(
                    "Errors", "Two different officers of this inspection's team carry out the measure."))
            officers = tuple(rm.Officer(o, team[o].name, team[o].certificate_no) for o in data.officer_ids)
            party, agency, record_number = party_of(s, insp), setting(s, "agency"), insp.record_number or ""
        stamp = photo_stamp.Stamp(data.started_at, data.place, officers[0].name, number) if data.stamp_photos else None
        items: list[ms.SeizureItem] = []
        photos: list[ms.ItemPhoto] = []
        for it, shas in zip(data.items, originals, strict=True):
            items.append(ms.SeizureItem(it.name.strip(), it.spec.strip(), it.quantity.strip(), it.unit.strip(),
                                        it.location.strip(), it.condition.strip(), shas))
            for raw, sha in zip(it.photos, shas, strict=True):
                if all(p.original_sha256 != sha for p in photos):
                    photos.append(ms.ItemPhoto(sha, photo_stamp.derivative(raw, stamp), stamp is not None))
        images: list[rm.SignatureImage] = []
        if data.refused and data.witness_png:
            images.append(rm.SignatureImage(rm.WITNESS, data.witness_png))
        if not data.refused and data.party_png:
            images.append(rm.SignatureImage(rm.PARTY, data.party_png))
        for o in data.officer_ids:
            png = data.officer_pngs.get(o) or latest_handwriting(self._ctx, inspection_id, o)
            if png:
                images.append(rm.SignatureImage(o, png))
        signoff = rm.PartySignOff(signer_name="" if data.refused else data.signer_name.strip(),
                                  opinion=data.opinion, signed_at=data.started_at, refused=data.refused,
                                  refusal_reason=data.refusal_reason,
                                  witness=data.witness if data.refused else None, officer_note=data.officer_note)
        cls = ms.BY_MEASURE[data.measure]
        return cls(number=number, agency=agency, party=party, record_number=record_number,
                   reason=data.reason.strip()[:MAX_REASON],
                   basis=ms.SEAL_BASIS if data.measure == dz.SEAL else ms.PRESERVATION_BASIS,
                   started_at=data.started_at, due_on=dz.due_date(data.measure, local(data.started_at).date()),
                   place=data.place.strip(), officers=officers, items=tuple(items),
                   approved_by=data.approved_by.strip(), party_signoff=signoff, photos=tuple(photos),
                   signature_images=tuple(images))

    def create(self, actor: Actor, inspection_id: str, data: SeizureInput, *, officer_id: str, password: str,
               progress: Progress | None = None) -> tuple[DocumentDTO, Changes]:
        """Sign the notice as `officer_id` (the first officer); numbered when it is committed."""
        if not data.officer_ids or officer_id != data.officer_ids[0]:
            raise ValidationError("seizure.first_signer", QT_TRANSLATE_NOOP(
                "Errors", "The first officer signs the notice first."))
        ck = self._keys.load(officer_id, password)
        for raw in (p for it in data.items for p in it.photos):
            photo_stamp.derivative(raw, max_px=16)  # refuse an unreadable photo before anything is stored
        # the originals are evidence: stored byte for byte before any row (or PDF) refers to them
        infos: dict[str, tuple[MediaInfo, int]] = {}
        for raw in (p for it in data.items for p in it.photos):
            infos[hashlib.sha256(raw).hexdigest()] = (media.analyse(raw)[0], len(raw))
        originals = tuple(tuple(self._ctx.blobs.put_bytes(p).sha256 for p in it.photos) for it in data.items)
        code = data.measure if data.measure in dz.MEASURES else dz.SEAL

        def make(number: str) -> tuple[ms.SeizureNotice, Produced]:
            notice = self.snapshot(inspection_id, data, number, originals)
            notice.validate()
            return notice, self._pipeline.produce(code, notice, officer_id, ck,
                                                  handwriting=notice.image_for(officer_id), location=notice.place,
                                                  reason=f"{notice.title}：执法人员签名", progress=progress)

        return self._pipeline.numbered(actor, code, make,
                                       lambda uow, notice, produced: self._commit(uow, inspection_id, notice,
                                                                                  produced, data, infos))

    def _commit(self, uow: UnitOfWork, inspection_id: str, notice: ms.SeizureNotice, produced: Produced,
                data: SeizureInput, infos: dict[str, tuple[MediaInfo, int]]) -> tuple[DocumentDTO, Changes]:
        load_inspection(uow.session, inspection_id)
        seizure_id = new_id()
        payload = {"seizure_id": seizure_id, "measure": notice.measure, "items": len(notice.items),
                   "photos": [p.original_sha256 for p in notice.photos], "officer_ids": list(data.officer_ids),
                   "started_at": notice.started_at.isoformat(), "due_on": notice.due_on.isoformat(),
                   "refused": notice.party_signoff.refused}
        doc = self._pipeline.add_row(uow, produced, inspection_id=inspection_id, number=notice.number,
                                     event="seizure.signed", payload=payload,
                                     extra={"officer_id": data.officer_ids[0], "signing_time_source": "device clock"})
        row = SeizureRow(id=seizure_id, inspection_id=inspection_id, document_id=doc.id, number=notice.number,
                         measure=notice.measure, items=len(notice.items), started_at=notice.started_at,
                         due_on=notice.due_on, extended=False, extension_reason="", closed="", closed_note="",
                         created_at=uow.now, updated_at=uow.now)
        uow.session.add(row)
        # the seizure syncs as an entity of its own (syncproto "seizure"): the document's journal event above is
        # this action's event, the outbox row carries the seizure to the team's other laptops
        uow.outbox("seizure", seizure_id, "create", payloads.create_payload("seizure", row))
        added = self._add_photos(uow, inspection_id, seizure_id, notice, infos)
        return document_dto(doc), Changes(inspections=frozenset({inspection_id}), evidence=frozenset(added))

    @staticmethod
    def _add_photos(uow: UnitOfWork, inspection_id: str, seizure_id: str, notice: ms.SeizureNotice,
                    infos: dict[str, tuple[MediaInfo, int]]) -> list[str]:
        """The items' original photos become evidence rows scoped to the seizure, numbered P-01… in the notice's
        order (the case file's folder uses the same numbers): they sync with their files like any evidence, and
        are not part of the inspection record's signed content (syncproto.signed_with_record). A photo that is
        already evidence of this inspection stays the one row it is (one row per content and inspection)."""
        added = []
        for n, p in enumerate(notice.photos, start=1):
            sha = p.original_sha256
            if uow.session.scalar(select(EvidenceRow.id).where(EvidenceRow.inspection_id == inspection_id,
                                                               EvidenceRow.sha256 == sha)) is not None:
                continue
            info, size = infos[sha]
            row = EvidenceRow(id=new_id(), inspection_id=inspection_id, sha256=sha, kind=info.kind.value,
                              measure=Measure.PHOTO.value, caption=f"{notice.number} 物品照片 P-{n:02d}",
                              captured_at=info.captured_at, source_name=f"P-{n:02d}", mime=info.mime, size=size,
                              meta={**info.meta(), "origin": "seizure"}, seizure_id=seizure_id,
                              created_at=uow.now, updated_at=uow.now)
            uow.session.add(row)
            uow.record(inspection_id, "evidence.added", "evidence", row.id, "create",
                       payloads.create_payload("evidence", row, skip_none=("reinspection_id", "seizure_id")))
            added.append(row.id)
        return added

    # ------------------------------------------------------------------ the clock
    def extend(self, actor: Actor, seizure_id: str, reason: str, *, approved_by: str, officer_ids: tuple[str, ...],
               officer_id: str, password: str, progress: Progress | None = None) -> tuple[DocumentDTO, SeizureDTO]:
        """Extend a seal once by 30 days (行政强制法 第二十五条), before it ends, approved by the agency head, with
        the reason recorded and the party told in writing: a 延长封存决定书 signed by `officer_id` (the first of
        `officer_ids`; the second countersigns with SigningService.countersign), through the one pipeline."""
        reason, approved_by = reason.strip()[:MAX_REASON], approved_by.strip()
        if not reason:
            raise ValidationError("seizure.extension_reason", QT_TRANSLATE_NOOP(
                "Errors", "Record why the sealing period is extended."))
        if not approved_by:
            raise ValidationError("seizure.extension_approval", QT_TRANSLATE_NOOP(
                "Errors", "Name the agency head who approved the extension."))
        if not officer_ids or officer_id != officer_ids[0]:
            raise ValidationError("seizure.first_signer", QT_TRANSLATE_NOOP(
                "Errors", "The first officer signs the notice first."))
        with self._ctx.read() as s:
            row = self._extendable(s, seizure_id, self._ctx.clock())
            iid, seal_number, started_at, due_before = row.inspection_id, row.number, row.started_at, row.due_on
            insp = load_inspection(s, iid)
            team = {m.officer_id: m for m in team_members(s, iid) if m.has_conflict is not True}
            if len(set(officer_ids)) < 2 or any(o not in team for o in officer_ids):
                raise ValidationError("seizure.not_team", QT_TRANSLATE_NOOP(
                    "Errors", "Two different officers of this inspection's team carry out the measure."))
            officers = tuple(rm.Officer(o, team[o].name, team[o].certificate_no) for o in officer_ids)
            party, agency, record_number = party_of(s, insp), setting(s, "agency"), insp.record_number or ""
        ck = self._keys.load(officer_id, password)
        images = tuple(rm.SignatureImage(o, png) for o in officer_ids
                       if (png := latest_handwriting(self._ctx, iid, o)))

        def make(number: str) -> tuple[ms.SealExtension, Produced]:
            ext = ms.SealExtension(number=number, agency=agency, party=party, seal_number=seal_number,
                                   record_number=record_number, reason=reason, started_at=started_at,
                                   due_before=due_before,
                                   due_on=dz.due_date(dz.SEAL, local(started_at).date(), extended=True),
                                   decided_at=self._ctx.clock(), officers=officers, approved_by=approved_by,
                                   signature_images=images)
            ext.validate()
            return ext, self._pipeline.produce("seal_extension", ext, officer_id, ck,
                                               handwriting=ext.image_for(officer_id), location=party.name,
                                               reason=f"{ext.title}：执法人员签名", progress=progress)

        def commit(uow: UnitOfWork, ext: ms.SealExtension, produced: Produced) -> tuple[DocumentDTO, SeizureDTO]:
            row = self._extendable(uow.session, seizure_id, uow.now)  # still extendable when it is recorded
            doc = self._pipeline.add_row(uow, produced, inspection_id=iid, number=ext.number, event="seizure.extended",
                                         payload={"seizure_id": row.id, "seal_number": row.number,
                                                  "due_before": ext.due_before.isoformat(),
                                                  "due_on": ext.due_on.isoformat(), "officer_ids": list(officer_ids)},
                                         extra={"officer_id": officer_id, "signing_time_source": "device clock"})
            changes = {"due_on": ext.due_on, "extended": True, "extension_reason": reason, "extended_at": uow.now}
            fields = payloads.row_changes("seizure", row, changes) or payloads.changes_payload("seizure", {})
            for k, v in changes.items():
                setattr(row, k, v)
            row.updated_at = uow.now
            uow.outbox("seizure", row.id, "patch", fields)  # the document's event above is this action's event
            return document_dto(doc), self._dto(row, uow.now)

        return self._pipeline.numbered(actor, "seal_extension", make, commit)

    def _extendable(self, s: Session, seizure_id: str, now: dt.datetime) -> SeizureRow:
        row = s.get(SeizureRow, seizure_id)
        if row is None:
            raise ValidationError("seizure.not_found", QT_TRANSLATE_NOOP("Errors", "The measure does not exist."))
        require(Action.SEIZE, load_inspection(s, row.inspection_id).status, None)
        if not self._clock(row, now).can_extend:
            if row.measure != dz.SEAL:
                raise ValidationError("seizure.not_extendable", QT_TRANSLATE_NOOP(
                    "Errors", "Only a sealing period can be extended; a preservation needs its decision within "
                              "7 days."))
            if row.extended:
                raise ValidationError("seizure.extended_once", QT_TRANSLATE_NOOP(
                    "Errors", "The sealing period was extended already; it can be extended only once."))
            if row.closed:
                raise ValidationError("seizure.closed", QT_TRANSLATE_NOOP(
                    "Errors", "The measure {number} was ended already."), number=row.number)
            raise ValidationError("seizure.expired", QT_TRANSLATE_NOOP(
                "Errors", "The sealing period ended on {date}; it can no longer be extended.",
            ), date=row.due_on.isoformat())
        return row

    def close(self, actor: Actor, seizure_id: str, how: str, note: str) -> SeizureDTO:
        """Record the release (解除, items returned) or the handling decision; the clock stops."""
        note = note.strip()
        if how not in dz.CLOSINGS:
            raise ValidationError("seizure.closing", QT_TRANSLATE_NOOP(
                "Errors", "Choose release or handling decision."))
        if not note:
            raise ValidationError("seizure.closing_note", QT_TRANSLATE_NOOP(
                "Errors", "Record what was decided (the decision and its number, or how the items were returned)."))
        with self._ctx.unit(actor) as uow:
            row = self._row(uow, seizure_id)
            if row.closed:
                raise ValidationError("seizure.closed", QT_TRANSLATE_NOOP(
                    "Errors", "The measure {number} was ended already."), number=row.number)
            late = (local(uow.now).date() - row.due_on).days
            self._patch(uow, row, "seizure.closed", {"closed": how, "closed_note": note[:MAX_REASON],
                                                      "closed_at": uow.now}, days_late=max(0, late))
            return self._dto(row, uow.now)

    def of_inspection(self, inspection_id: str) -> list[SeizureDTO]:
        now = self._ctx.clock()
        with self._ctx.read() as s:
            rows = s.scalars(select(SeizureRow).where(SeizureRow.inspection_id == inspection_id)
                             .order_by(SeizureRow.created_at)).all()
            return [self._dto(r, now) for r in rows]

    @staticmethod
    def _patch(uow: UnitOfWork, row: SeizureRow, event: str, changes: dict[str, object], **extra: object) -> None:
        """One journal event + one outbox row patching the synced seizure (per-field compare-and-set on the
        server, so a lead's laptop sees the clock); `extra` goes along for the journal (e.g. days late)."""
        fields = payloads.row_changes("seizure", row, changes) or payloads.changes_payload("seizure", {})
        for k, v in changes.items():
            setattr(row, k, v)
        row.updated_at = uow.now
        uow.record(row.inspection_id, event, "seizure", row.id, "patch", {**fields, **extra})

    @staticmethod
    def _row(uow: UnitOfWork, seizure_id: str) -> SeizureRow:
        row = uow.session.get(SeizureRow, seizure_id)
        if row is None:
            raise ValidationError("seizure.not_found", QT_TRANSLATE_NOOP("Errors", "The measure does not exist."))
        require(Action.SEIZE, load_inspection(uow.session, row.inspection_id).status, None)
        return row

    @staticmethod
    def _clock(row: SeizureRow, now: dt.datetime) -> dz.Clock:
        return dz.Clock(row.measure, local(row.started_at).date(), row.due_on, row.extended, row.closed,
                        local(now).date())

    def _dto(self, row: SeizureRow, now: dt.datetime) -> SeizureDTO:
        return SeizureDTO(row.id, row.inspection_id, row.document_id, row.number, row.measure, row.items,
                          row.started_at, self._clock(row, now), row.extension_reason, row.closed_note)

