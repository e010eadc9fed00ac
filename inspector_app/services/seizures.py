"""封存 (sealing) and 先行登记保存 (registered preservation): the item list, the notice signed by two officers, the
legal clock and how the measure ends.

`create` stores every item photo's original byte for byte (the evidence; temp → fsync → rename before any row
points at it), makes its print derivative (optionally stamped: services/photo_stamp.py), snapshots the notice, and
renders and certifies it as the first officer off the writer through the one document pipeline
(services/document_pipeline.py); one short transaction then records the document, the seizure row with its clock,
the journal event and the outbox row. The second officer countersigns with SigningService.countersign.

The clocks (domain/seizure.py): a preservation needs a handling decision within 7 days; a seal runs ≤ 30 days and may
be extended once by 30 with a recorded reason (`extend`); `close` records the release (解除) or the handling. Each is
one transaction + journal + outbox. Journal payloads carry numbers, counts and dates only — the party's people and
the items' details are in the signed PDF and the encrypted workspace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from inspector_app.domain import seizure as dz
from inspector_app.domain.agency_time import local
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
from inspector_app.storage.records_orm import DocumentRow
from inspector_app.storage.seizure_orm import SeizureRow
from inspector_app.syncproto import payloads

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
                                                                                  produced, data))

    def _commit(self, uow: UnitOfWork, inspection_id: str, notice: ms.SeizureNotice, produced: Produced,
                data: SeizureInput) -> tuple[DocumentDTO, Changes]:
        load_inspection(uow.session, inspection_id)
        seizure_id = new_id()
        payload = {"seizure_id": seizure_id, "measure": notice.measure, "items": len(notice.items),
                   "photos": [p.original_sha256 for p in notice.photos], "officer_ids": list(data.officer_ids),
                   "started_at": notice.started_at.isoformat(), "due_on": notice.due_on.isoformat(),
                   "refused": notice.party_signoff.refused}
        doc = self._pipeline.add_row(uow, produced, inspection_id=inspection_id, number=notice.number,
                                     event="seizure.signed", payload=payload,
                                     extra={"officer_id": data.officer_ids[0], "signing_time_source": "device clock"})
        uow.session.add(SeizureRow(id=seizure_id, inspection_id=inspection_id, document_id=doc.id,
                                   number=notice.number, measure=notice.measure, items=len(notice.items),
                                   content=notice.canonical(), started_at=notice.started_at, due_on=notice.due_on,
                                   extended=False, extension_reason="", closed="", closed_note="",
                                   created_at=uow.now, updated_at=uow.now))
        return document_dto(doc), Changes(inspections=frozenset({inspection_id}))

    # ------------------------------------------------------------------ the clock
    def extend(self, actor: Actor, seizure_id: str, reason: str) -> SeizureDTO:
        """Extend a seal once by 30 days (行政强制法 第二十五条), before it ends, with the reason recorded."""
        reason = reason.strip()
        if not reason:
            raise ValidationError("seizure.extension_reason", QT_TRANSLATE_NOOP(
                "Errors", "Record why the sealing period is extended."))
        with self._ctx.unit(actor) as uow:
            row = self._row(uow, seizure_id)
            c = self._clock(row, uow.now)
            if not c.can_extend:
                if row.measure != dz.SEAL:
                    raise ValidationError("seizure.not_extendable", QT_TRANSLATE_NOOP(
                        "Errors", "Only a sealing period can be extended; a preservation needs its decision within "
                                  "7 days."))
                if row.extended:
                    raise ValidationError("seizure.extended_once", QT_TRANSLATE_NOOP(
                        "Errors", "The sealing period was extended already; it can be extended only once."))
                raise ValidationError("seizure.expired", QT_TRANSLATE_NOOP(
                    "Errors", "The sealing period ended on {date}; it can no longer be extended.",
                ), date=row.due_on.isoformat())
            before = row.due_on
            row.due_on = dz.due_date(row.measure, local(row.started_at).date(), extended=True)
            row.extended, row.extension_reason = True, reason[:MAX_REASON]
            row.extended_at = row.updated_at = uow.now
            self._patch_document(uow, row, "seizure.extended", {
                "due_on": row.due_on.isoformat(), "extended": True, "extension_reason": row.extension_reason,
                "due_on_before": before.isoformat()})
            return self._dto(row, uow.now)

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
            row.closed, row.closed_note, row.closed_at, row.updated_at = how, note[:MAX_REASON], uow.now, uow.now
            late = (local(uow.now).date() - row.due_on).days
            self._patch_document(uow, row, "seizure.closed", {
                "closed": how, "closed_on": local(uow.now).date().isoformat(), "days_late": max(0, late)})
            return self._dto(row, uow.now)

    def of_inspection(self, inspection_id: str) -> list[SeizureDTO]:
        now = self._ctx.clock()
        with self._ctx.read() as s:
            rows = s.scalars(select(SeizureRow).where(SeizureRow.inspection_id == inspection_id)
                             .order_by(SeizureRow.created_at)).all()
            return [self._dto(r, now) for r in rows]

    @staticmethod
    def _patch_document(uow: UnitOfWork, row: SeizureRow, event: str, changes: dict[str, object]) -> None:
        """The clock's state rides on the signed document's payload (what syncs, like a notice's service date):
        one journal event + outbox row patching it. The seizure row is this laptop's working copy."""
        doc = uow.session.get(DocumentRow, row.document_id)
        assert doc is not None
        old = dict(doc.payload or {})
        payload = {**old, **changes}
        doc.payload, doc.updated_at = payload, uow.now
        uow.record(row.inspection_id, event, "document", doc.id, "patch",
                   payloads.changes_payload("document", {"payload": (old, payload)}))

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

