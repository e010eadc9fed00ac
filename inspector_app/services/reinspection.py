"""Re-inspection (复查) of a rectification: a record of its own, with its own evidence, result and signatures.

The signed 现场检查笔录 stays exactly as signed: photos taken at the re-inspection belong to the re-inspection
(evidence rows carry its id), and its result (整改到位 / 部分整改 / 逾期未改) takes effect when the first officer
signs the 整改复查记录. From that signature the re-inspection and its evidence are frozen, like the record; the second
officer countersigns the same PDF. Events go to the inspection's journal, so the whole-process record stays one chain.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain.agency_time import local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, FrozenRecord, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.inspection import Status
from inspector_app.domain.rules import Action, require
from inspector_app.domain.outcomes import RectificationResult
from inspector_app.domain.team import TeamMember, check_team_formation
from inspector_app.records import model as rm
from inspector_app.services import numbering
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.documents import rectification_items
from inspector_app.services.inspections import load_inspection
from inspector_app.services.keys import KeyService
from inspector_app.services.record_builder import evidence_rows, party_of, setting
from inspector_app.services.document_pipeline import DocumentPipeline
from inspector_app.services.signing import DocumentDTO, document_dto
from inspector_app.storage.orm import EvidenceRow, InspectionRow, InstitutionRow, OfficerRow
from inspector_app.storage.records_orm import DocumentRow, SignatureCaptureRow
from inspector_app.storage.review_orm import RectificationRow, ReinspectionRow
from inspector_app.syncproto import payloads

Progress = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class ReinspectionDTO:
    id: str
    rectification_id: str
    inspection_id: str
    institution_name: str
    deadline: dt.date
    officer_ids: tuple[str, ...]
    officer_names: tuple[str, ...]
    place: str
    visited_at: dt.datetime
    result: str | None
    note: str
    number: str | None
    document_id: str | None
    signed: bool


def require_open(row: ReinspectionRow) -> None:
    if row.content_hash:
        raise FrozenRecord("reinspection.frozen", QT_TRANSLATE_NOOP(
            "Errors", "The re-inspection record is signed; its content and evidence are fixed."))


def load_reinspection(s: Session, reinspection_id: str) -> ReinspectionRow:
    row = s.get(ReinspectionRow, reinspection_id)
    if row is None:
        raise ValidationError("reinspection.not_found", QT_TRANSLATE_NOOP(
            "Errors", "The re-inspection does not exist."))
    return row


def _members(s: Session, officer_ids: Sequence[str]) -> list[TeamMember]:
    out = []
    for oid in officer_ids:
        o = s.get(OfficerRow, oid)
        if o is None or o.deleted_at is not None:
            raise ValidationError("reinspection.unknown_officer", QT_TRANSLATE_NOOP(
                "Errors", "An officer of the re-inspection is not on the roster."))
        out.append(TeamMember(o.id, o.name, o.certificate_no, o.certificate_expiry))
    return out


class ReinspectionService:
    def __init__(self, ctx: ServiceContext, keys: KeyService, print_image: Callable[[str], Path | None]):
        self._ctx = ctx
        self._keys = keys
        self._print_image = print_image  # evidence id -> pre-scaled JPEG for print
        self._pipeline = DocumentPipeline(ctx, keys)

    # ------------------------------------------------------------------ the draft

    def open(self, actor: Actor, rectification_id: str, officer_ids: Sequence[str],
             place: str = "") -> tuple[ReinspectionDTO, Changes]:
        """Start (or return the unsigned) re-inspection of a rectification, by at least two officers whose
        certificates are valid today (条例 第二十九条 applies to every on-site check)."""
        with self._ctx.unit(actor) as uow:
            s = uow.session
            rect = s.get(RectificationRow, rectification_id)
            if rect is None:
                raise ValidationError("rectification.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The rectification does not exist."))
            if rect.result is not None:
                raise ValidationError("rectification.already_reinspected", QT_TRANSLATE_NOOP(
                    "Errors", "The rectification was re-inspected already ({result}); "
                              "it cannot be re-inspected again."),
                    result=rect.result)
            insp = load_inspection(s, rect.inspection_id)
            require(Action.REINSPECT, Status(insp.status), None)
            draft = s.scalar(select(ReinspectionRow).where(ReinspectionRow.rectification_id == rectification_id,
                                                           ReinspectionRow.content_hash.is_(None)))
            if draft is not None:
                return self._dto(s, draft), Changes()
            officer_ids = list(dict.fromkeys(officer_ids))
            check_team_formation(_members(s, officer_ids), local(uow.now).date())
            row = ReinspectionRow(id=new_id(), rectification_id=rectification_id, inspection_id=insp.id,
                                  officer_ids=officer_ids, place=place.strip() or insp.place, visited_at=uow.now,
                                  result=None, note="", created_at=uow.now, updated_at=uow.now)
            s.add(row)
            uow.record(insp.id, "reinspection.opened", "reinspection", row.id, "create",
                       payloads.create_payload("reinspection", row))
            return self._dto(s, row), Changes(inspections=frozenset({insp.id}))

    def update(self, actor: Actor, reinspection_id: str, *, result: RectificationResult | str | None = None,
               note: str | None = None, place: str | None = None,
               officer_ids: Sequence[str] | None = None) -> tuple[ReinspectionDTO, Changes]:
        with self._ctx.unit(actor) as uow:
            s = uow.session
            row = load_reinspection(s, reinspection_id)
            require_open(row)
            wanted: dict[str, Any] = {}
            if result is not None:
                wanted["result"] = RectificationResult(result).value
            if note is not None:
                wanted["note"] = note.strip()
            if place is not None:
                wanted["place"] = place.strip()
            if officer_ids is not None:
                ids = list(dict.fromkeys(officer_ids))
                check_team_formation(_members(s, ids), local(uow.now).date())
                wanted["officer_ids"] = ids
            pairs = {k: (getattr(row, k), v) for k, v in wanted.items() if getattr(row, k) != v}
            if not pairs:
                return self._dto(s, row), Changes()
            patch = payloads.changes_payload("reinspection", pairs)
            for k, (_old, new) in pairs.items():
                setattr(row, k, new)
            row.updated_at = uow.now
            uow.record(row.inspection_id, "reinspection.changed", "reinspection", row.id, "patch", patch)
            return self._dto(s, row), Changes(inspections=frozenset({row.inspection_id}))

    # ------------------------------------------------------------------ reading

    def _dto(self, s: Session, row: ReinspectionRow) -> ReinspectionDTO:
        rect = s.get(RectificationRow, row.rectification_id)
        insp = s.get(InspectionRow, row.inspection_id)
        inst = s.get(InstitutionRow, insp.institution_id) if insp else None
        names = tuple((o.name if (o := s.get(OfficerRow, oid)) else oid) for oid in row.officer_ids)
        return ReinspectionDTO(row.id, row.rectification_id, row.inspection_id, inst.name if inst else "",
                               rect.deadline if rect else row.visited_at.date(), tuple(row.officer_ids), names,
                               row.place, row.visited_at, row.result, row.note, row.number, row.document_id,
                               bool(row.content_hash))

    def get(self, reinspection_id: str) -> ReinspectionDTO:
        with self._ctx.read() as s:
            return self._dto(s, load_reinspection(s, reinspection_id))

    def for_rectification(self, rectification_id: str) -> ReinspectionDTO | None:
        """The latest re-inspection of a rectification (the draft, or the signed one)."""
        with self._ctx.read() as s:
            row = s.scalar(select(ReinspectionRow).where(ReinspectionRow.rectification_id == rectification_id)
                           .order_by(ReinspectionRow.created_at.desc()).limit(1))
            return self._dto(s, row) if row is not None else None

    def of_inspection(self, inspection_id: str) -> list[ReinspectionDTO]:
        with self._ctx.read() as s:
            rows = s.scalars(select(ReinspectionRow).where(ReinspectionRow.inspection_id == inspection_id)
                             .order_by(ReinspectionRow.created_at)).all()
            return [self._dto(s, r) for r in rows]

    # ------------------------------------------------------------------ the signed record

    def snapshot(self, s: Session, row: ReinspectionRow, with_images: bool = True) -> rm.ReinspectionRecord:
        insp = load_inspection(s, row.inspection_id)
        rect = s.get(RectificationRow, row.rectification_id)
        assert rect is not None
        notice = s.get(DocumentRow, rect.notice_document_id) if rect.notice_document_id else None
        officers = tuple(rm.Officer(m.officer_id, m.name, m.certificate_no)
                         for m in _members(s, row.officer_ids))
        print_image = self._print_path if with_images else None
        return rm.ReinspectionRecord(
            number=row.number or "", agency=setting(s, "agency"), party=party_of(s, insp),
            record_number=insp.record_number or "", record_content_hash=insp.content_hash or "",
            notice_number=notice.number if notice else "", deadline=rect.deadline,
            items=rectification_items(s, insp.id), visited_at=row.visited_at, place=row.place, officers=officers,
            result=row.result or "", note=row.note,
            evidence=evidence_rows(s, insp.id, print_image, reinspection_id=row.id),
            voluntary_refund=rect.voluntary_refund, voluntary_refund_on=rect.voluntary_refund_on)

    def _print_path(self, row: EvidenceRow) -> Path | None:
        try:
            return self._print_image(row.id)
        except Exception:  # noqa: BLE001 - a missing print copy leaves the photo out of the PDF, not the list
            return None

    def _handwriting(self, inspection_id: str, officer_id: str) -> bytes | None:
        """The officer's latest handwritten signature of this inspection, drawn into the visible stamp (as the
        countersignature of the second officer does)."""
        with self._ctx.read() as s:
            sha = s.scalar(select(SignatureCaptureRow.png_sha256).where(
                SignatureCaptureRow.inspection_id == inspection_id, SignatureCaptureRow.officer_id == officer_id)
                .order_by(SignatureCaptureRow.created_at.desc()).limit(1))
        return self._ctx.blobs.read_bytes(sha) if sha else None

    def readiness(self, reinspection_id: str) -> list[DomainError]:
        """What still prevents signing, as coded errors (the record's own checks, records/model.py, then the
        team's); empty when the re-inspection record can be signed."""
        with self._ctx.read() as s:
            row = load_reinspection(s, reinspection_id)
            if row.content_hash:
                return []
            # The 文号 is taken at signing; until then the snapshot is checked as if it had one.
            draft = dataclasses.replace(self.snapshot(s, row, with_images=False), number=row.number or "（签名时编号）")
            problems: list[DomainError] = list(draft.problems())
            try:
                check_team_formation(_members(s, row.officer_ids), local(self._ctx.clock()).date())
            except DomainError as e:  # a TeamRuleViolation: coded, with its sub-problems
                problems.append(e)
            return problems

    def sign(self, actor: Actor, reinspection_id: str, officer_id: str, password: str,
             progress: Progress | None = None) -> tuple[DocumentDTO, Changes]:
        """The first officer renders and certifies the 整改复查记录; this fixes the result on the rectification.
        The other officers countersign it with SigningService.countersign."""
        say = progress or (lambda _p, _m: None)
        say(5, "打开签名证书")
        ck = self._keys.load(officer_id, password)
        problems = self.readiness(reinspection_id)
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise ValidationError("reinspection.not_ready", "", problems=problems)
        with self._ctx.unit(actor) as uow:  # the number stays with the re-inspection: a retry reuses it
            row = load_reinspection(uow.session, reinspection_id)
            require_open(row)
            if officer_id not in row.officer_ids:
                raise ValidationError("reinspection.not_an_officer", QT_TRANSLATE_NOOP(
                    "Errors", "Only the officers of the re-inspection can sign its record."))
            inspection_id = row.inspection_id
            if not row.number:
                row.number = numbering.next_number(uow.session, "reinspection", uow.now)
                uow.record(row.inspection_id, "reinspection.number_assigned", "reinspection", row.id, "patch",
                           payloads.changes_payload("reinspection", {"number": (None, row.number)}))
        say(15, "汇总复查内容")
        with self._ctx.read() as s:
            record = self.snapshot(s, load_reinspection(s, reinspection_id))
        produced = self._pipeline.produce("reinspection", record, officer_id, ck,
                                          handwriting=self._handwriting(inspection_id, officer_id),
                                          location=record.place, reason="整改复查记录：执法人员签名", progress=say)
        with self._ctx.unit(actor) as uow:
            s = uow.session
            row = load_reinspection(s, reinspection_id)
            require_open(row)
            if self.snapshot(s, row, with_images=False).content_hash() != produced.content_hash:
                raise ValidationError("reinspection.changed_while_signing", QT_TRANSLATE_NOOP(
                    "Errors", "The re-inspection changed while it was being signed; sign again."))
            doc = self._pipeline.add_row(uow, produced, inspection_id=row.inspection_id, number=record.number,
                                         event="reinspection.signed",
                                         payload={"reinspection_id": row.id, "rectification_id": row.rectification_id,
                                                  "result": record.result, "officer_ids": list(row.officer_ids)},
                                         extra={"officer_id": officer_id, "signing_time_source": "device clock"})
            row.content_hash, row.document_id, row.updated_at = produced.content_hash, doc.id, uow.now
            uow.record(row.inspection_id, "reinspection.frozen", "reinspection", row.id, "patch",
                       payloads.changes_payload("reinspection", {"content_hash": (None, row.content_hash),
                                                                 "document_id": (None, doc.id)}))
            self._settle(uow, row, [e.sha256 for e in record.evidence])
            return document_dto(doc), Changes(inspections=frozenset({row.inspection_id}))

    @staticmethod
    def _settle(uow: UnitOfWork, row: ReinspectionRow, evidence: list[str]) -> None:
        """The rectification takes the signed result (what the dashboard, the outcome and closing read)."""
        rect = uow.session.get(RectificationRow, row.rectification_id)
        assert rect is not None
        ids = uow.session.scalars(select(EvidenceRow.id).where(EvidenceRow.reinspection_id == row.id,
                                                               EvidenceRow.deleted_at.is_(None))
                                  .order_by(EvidenceRow.created_at, EvidenceRow.id)).all()
        patch = payloads.changes_payload("rectification", {
            "result": (rect.result, row.result), "reinspected_at": (rect.reinspected_at, row.visited_at),
            "reinspection_note": (rect.reinspection_note, row.note),
            "reinspection_evidence": (rect.reinspection_evidence, ",".join(ids))},
            reinspection_id=row.id, evidence_sha256=evidence)
        rect.result, rect.reinspected_at, rect.reinspection_note = row.result, row.visited_at, row.note
        rect.reinspection_evidence, rect.updated_at = ",".join(ids), uow.now
        uow.record(row.inspection_id, "rectification.reinspected", "rectification", rect.id, "patch",
                   patch)
