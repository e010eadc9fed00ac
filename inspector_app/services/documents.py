"""Documents after the record is signed: the 责令整改通知书 built from the findings, and addenda (补正说明) that
correct a signed record without touching it. Each is numbered, rendered, signed (certified) and journaled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain.agency_time import local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.inspection import Status
from inspector_app.domain.rules import Action, Facts, require
from inspector_app.domain.journal import events_to_json
from inspector_app.domain.money import format_yuan
from inspector_app.records import model as rm
from inspector_app.services import numbering
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.inspections import load_inspection
from inspector_app.services.keys import KeyService
from inspector_app.services.record_builder import _images, build_snapshot, setting
from inspector_app.services.document_pipeline import DocumentPipeline, Produced
from inspector_app.services.signing import DocumentDTO, document_dto
from inspector_app.storage import journal_repo
from inspector_app.storage.orm import FindingRow
from inspector_app.storage.records_orm import DocumentRow, PartySignoffRow

Progress = Callable[[int, str], None]
DEFAULT_REPORT = "请于整改期限届满前将书面整改报告及相关证明材料报送本局基金监督科。"
DEFAULT_CONSEQUENCE = ("逾期不改正或拒不改正的，依照《医疗保障基金使用监督管理条例》第三十八条、第三十九条等规定"
                       "依法处理。")


def _requirement(f: FindingRow) -> str:
    base = "立即停止违规行为，完善内部管理制度"
    if f.amount_to_recover > 0:
        base += f"，退回违规使用的医保基金 {format_yuan(f.amount_to_recover)} 元"
    return base + "。"


def rectification_items(s: Session, inspection_id: str) -> tuple[rm.RectificationItem, ...]:
    """What the 责令整改通知书 orders (and the re-inspection checks): one item per live finding."""
    findings = s.scalars(select(FindingRow).where(FindingRow.inspection_id == inspection_id,
                                                  FindingRow.deleted_at.is_(None))
                         .order_by(FindingRow.created_at)).all()
    return tuple(rm.RectificationItem(f.description, f.legal_basis or "《医疗保障基金使用监督管理条例》",
                                      _requirement(f)) for f in findings)


class DocumentService:
    def __init__(self, ctx: ServiceContext, keys: KeyService, print_image: Callable[[str], object]):
        self._ctx = ctx
        self._keys = keys
        self._print_image = print_image
        self._pipeline = DocumentPipeline(ctx, keys)

    def create_notice(self, actor: Actor, inspection_id: str, *, deadline: dt.date, officer_id: str,
                      password: str, report_method: str = DEFAULT_REPORT, consequence: str = DEFAULT_CONSEQUENCE,
                      contact_person: str = "", contact_phone: str = "",
                      progress: Progress | None = None) -> tuple[DocumentDTO, Changes]:
        """Issue the 责令整改通知书. It is rendered and signed off the writer with the number the counter will give
        next; the short write transaction then takes that number and records the row, unless something changed
        meanwhile (another document took the number: render again; the findings changed: refuse)."""
        ck = self._keys.load(officer_id, password)

        Made = tuple[str, str, tuple[rm.RectificationItem, ...]]  # number, the record's number, the items

        def make(number: str) -> tuple[Made, Produced]:
            with self._ctx.read() as s:
                insp = load_inspection(s, inspection_id)
                items = rectification_items(s, inspection_id)
                issued = s.scalar(select(DocumentRow.id).where(DocumentRow.inspection_id == inspection_id,
                                                               DocumentRow.kind == "notice").limit(1))
                # The rule book: a record every officer signed (status signed or later), with findings, one notice.
                require(Action.ISSUE_NOTICE, Status(insp.status), None, Facts(
                    record_signed=bool(insp.content_hash and insp.record_number), has_findings=bool(items),
                    has_notice=issued is not None))
                snapshot = build_snapshot(s, self._ctx.blobs, inspection_id)
                signer = next((o for o in snapshot.officers if o.officer_id == officer_id), None)
                if signer is None:
                    raise ValidationError("notice.not_team_officer", QT_TRANSLATE_NOOP(
                        "Errors", "Only the officers of this inspection's team can issue the notice."))
                notice = rm.RectificationNotice(
                    number=number, agency=setting(s, "agency"), party=snapshot.party,
                    record_number=snapshot.number, inspected_on=local(snapshot.started_at).date(),
                    issued_on=local(self._ctx.clock()).date(), items=items, deadline=deadline,
                    report_method=report_method, consequence=consequence, contact_person=contact_person,
                    contact_phone=contact_phone, signer=signer,
                    reconsideration_body=setting(s, "reconsideration_body"),
                    court=setting(s, "litigation_court"))
            notice.validate()
            produced = self._pipeline.produce("notice", notice, officer_id, ck, reason="责令整改通知书：签发",
                                              progress=progress)
            return (number, snapshot.number, items), produced

        def commit(uow: UnitOfWork, made: Made, produced: Produced) -> tuple[DocumentDTO, Changes]:
            number, record_number, items = made
            if rectification_items(uow.session, inspection_id) != items:
                raise ValidationError("notice.findings_changed", QT_TRANSLATE_NOOP(
                    "Errors", "The findings changed while the notice was being signed; please issue it again."))
            payload = {"deadline": deadline.isoformat(), "items": len(items), "record_number": record_number}
            row = self._pipeline.add_row(uow, produced, inspection_id=inspection_id, number=number,
                                         event="notice.issued", payload=payload,
                                         extra={"deadline": deadline.isoformat(), "officer_id": officer_id})
            return document_dto(row), Changes(inspections=frozenset({inspection_id}))

        return self._pipeline.numbered(actor, "notice", make, commit)

    def create_addendum(self, actor: Actor, inspection_id: str, *, reason: str,
                        changes: Sequence[tuple[str, str, str]], officer_id: str, password: str,
                        progress: Progress | None = None) -> tuple[DocumentDTO, Changes]:
        """A correction to a signed record: (what, before, after) rows, signed like the record; the record
        itself stays exactly as signed."""
        say = progress or (lambda _p, _m: None)
        ck = self._keys.load(officer_id, password)
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            if not insp.content_hash or not insp.record_number:
                raise ValidationError("addendum.record_editable", QT_TRANSLATE_NOOP(
                    "Errors", "The record is not signed yet: correct it directly, no addendum is needed."))
            if uow.session.scalar(select(PartySignoffRow.id).where(
                    PartySignoffRow.inspection_id == inspection_id,
                    PartySignoffRow.document_kind == "addendum")) is None:
                raise ValidationError("addendum.signoff_missing", QT_TRANSLATE_NOOP(
                    "Errors", "Record the party's signature on the correction (or its refusal and the witness) first."))
            number = numbering.next_number(uow.session, "addendum", uow.now)
            uow.journal(inspection_id, "addendum.started", {"number": number, "reason": reason})
        with self._ctx.read() as s:
            record = build_snapshot(s, self._ctx.blobs, inspection_id)
            signoff_row = s.scalar(select(PartySignoffRow).where(PartySignoffRow.inspection_id == inspection_id,
                                                                 PartySignoffRow.document_kind == "addendum"))
            assert signoff_row is not None
            images = _images(s, self._ctx.blobs, inspection_id, "addendum")
            events = journal_repo.load_chain(s, inspection_id)
        witness = (rm.Witness(signoff_row.witness_name, signoff_row.witness_id_number, signoff_row.witness_relation)
                   if signoff_row.refused else None)
        addendum = rm.AddendumSnapshot(
            number=number, agency=record.agency, original_number=record.number,
            original_content_hash=insp.content_hash, party=record.party, made_at=self._ctx.clock(), reason=reason,
            changes=tuple(rm.AddendumChange(*c) for c in changes), officers=record.officers,
            team_lead=record.team_lead,
            party_signoff=rm.PartySignOff(signer_name=signoff_row.signer_name,
                                          opinion=signoff_row.opinion or "以上补正内容已阅，属实。",
                                          signed_at=signoff_row.created_at, refused=signoff_row.refused,
                                          refusal_reason=signoff_row.refusal_reason, witness=witness,
                                          officer_note=signoff_row.officer_note),
            signature_images=images, journal=tuple(events_to_json(events)),
            chain_head=events[-1].hash if events else "")
        addendum.validate()
        produced = self._pipeline.produce("addendum", addendum, officer_id, ck,
                                          handwriting=addendum.image_for(officer_id),
                                          reason="补正说明：执法人员签名", progress=say)
        with self._ctx.unit(actor) as uow:
            payload = {"reason": reason, "changes": [list(c) for c in changes],
                       "original_number": record.number, "original_content_hash": insp.content_hash}
            row = self._pipeline.add_row(uow, produced, inspection_id=inspection_id, number=number,
                                         event="addendum.signed", payload=payload,
                                         extra={"original_content_hash": insp.content_hash, "officer_id": officer_id})
            return document_dto(row), Changes(inspections=frozenset({inspection_id}))
