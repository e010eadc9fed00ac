"""询问笔录 (D6): one person questioned by at least two officers of the inspection team, signed by both.

The dialog gathers the whole record (person, time and place, 回避 answer, questions and answers, corrections with
the person's initials, the closing confirmation or the refusal before a witness, the handwritten signatures); this
service snapshots it, renders and certifies it as the first officer off the writer (services/document_pipeline.py),
then records the document, the inquiry row and the journal in one short transaction. The second officer
countersigns with SigningService.countersign. The journal names the inquiry by number and role only: personal data
is in the signed PDF and the (encrypted) inquiries table, never in journal or sync payloads: the inquiry row
syncs without them (storage/docs_orm.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.records import model as rm
from inspector_app.records import model_docs as md
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.document_pipeline import DocumentPipeline, Produced, latest_handwriting
from inspector_app.domain.rules import Action, require
from inspector_app.services.inspections import load_inspection, team_members
from inspector_app.services.keys import KeyService
from inspector_app.services.record_builder import party_of, setting
from inspector_app.services.signing import DocumentDTO, document_dto
from inspector_app.records.embedded import embedded_file
from inspector_app.records.render import RECORD_FILE
from inspector_app.storage.docs_orm import InquiryRow
from inspector_app.storage.records_orm import DocumentRow
from inspector_app.syncproto import payloads

Progress = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class InquiryInput:
    """What the inquiry dialog collected."""

    role: str                                   # "party" (当事人) or "witness" (证人)
    person: md.InquiryPerson
    started_at: dt.datetime
    ended_at: dt.datetime
    place: str
    officer_ids: tuple[str, ...]                # the questioners, in signing order (the first certifies)
    recorder_id: str
    recusal_answer: str
    qa: tuple[md.QA, ...]
    corrections: tuple[md.Correction, ...] = ()
    refused: bool = False
    confirmation: str = md.CONFIRMATION
    refusal_reason: str = ""
    witness: rm.Witness | None = None
    officer_note: str = ""
    person_png: bytes | None = None             # the person's handwritten signature (not refused)
    witness_png: bytes | None = None            # the witness's (refused)
    officer_pngs: dict[str, bytes] = field(default_factory=dict)  # officer id -> handwriting drawn in the dialog


@dataclass(frozen=True, slots=True)
class InquiryDTO:
    id: str
    inspection_id: str
    document_id: str
    number: str
    role: str
    person_name: str
    refused: bool
    started_at: dt.datetime


class InquiryService:
    def __init__(self, ctx: ServiceContext, keys: KeyService):
        self._ctx = ctx
        self._keys = keys
        self._pipeline = DocumentPipeline(ctx, keys)

    def question_templates(self, inspection_id: str | None = None) -> tuple[str, ...]:
        """Questions an inspector usually asks, then one per finding of the inspection (with its checklist item),
        so the answers can be tied to what was found. The dialog offers them; any question can be typed."""
        if inspection_id is None:
            return QUESTION_TEMPLATES
        from inspector_app.storage.orm import FindingRow

        with self._ctx.read() as s:
            rows = s.execute(select(FindingRow.item_id, FindingRow.description).where(
                FindingRow.inspection_id == inspection_id, FindingRow.deleted_at.is_(None))
                .order_by(FindingRow.created_at)).all()
        asked = tuple(f"关于检查发现的问题{f'（{item}）' if item else ''}“{text[:40]}”，请说明具体情况及原因。"
                      for item, text in rows)
        return QUESTION_TEMPLATES + asked

    def snapshot(self, inspection_id: str, data: InquiryInput, number: str) -> md.InquiryRecord:
        with self._ctx.read() as s:
            insp = load_inspection(s, inspection_id)
            require(Action.INQUIRY, insp.status, None)
            team = {m.officer_id: m for m in team_members(s, inspection_id) if m.has_conflict is not True}
            unknown = [o for o in data.officer_ids if o not in team]
            if unknown or data.recorder_id not in data.officer_ids:
                raise ValidationError("inquiry.not_team", QT_TRANSLATE_NOOP(
                    "Errors", "Only officers of this inspection's team can question and record."))
            officers = tuple(rm.Officer(o, team[o].name, team[o].certificate_no) for o in data.officer_ids)
            party, agency, record_number = party_of(s, insp), setting(s, "agency"), insp.record_number or ""
        images: list[rm.SignatureImage] = []
        if data.refused and data.witness_png:
            images.append(rm.SignatureImage(rm.WITNESS, data.witness_png))
        if not data.refused and data.person_png:
            images.append(rm.SignatureImage(rm.PARTY, data.person_png))
        for o in data.officer_ids:  # drawn on every page's initials line: from the dialog, else their latest capture
            png = data.officer_pngs.get(o) or latest_handwriting(self._ctx, inspection_id, o)
            if png:
                images.append(rm.SignatureImage(o, png))
        signoff = rm.PartySignOff(signer_name="" if data.refused else data.person.name, opinion=data.confirmation,
                                  signed_at=data.ended_at, refused=data.refused, refusal_reason=data.refusal_reason,
                                  witness=data.witness if data.refused else None, officer_note=data.officer_note)
        return md.InquiryRecord(
            number=number, agency=agency, party=party, record_number=record_number, role=data.role,
            person=data.person, started_at=data.started_at, ended_at=data.ended_at, place=data.place,
            officers=officers, recorder=next(o.name for o in officers if o.officer_id == data.recorder_id),
            rights_notice=md.RIGHTS_NOTICE, recusal_answer=data.recusal_answer, qa=data.qa,
            corrections=data.corrections, person_signoff=signoff, signature_images=tuple(images))

    def create(self, actor: Actor, inspection_id: str, data: InquiryInput, *, officer_id: str, password: str,
               progress: Progress | None = None) -> tuple[DocumentDTO, Changes]:
        """Sign the 询问笔录 as `officer_id` (the first questioner); numbered when it is committed."""
        if not data.officer_ids or officer_id != data.officer_ids[0]:
            raise ValidationError("inquiry.first_signer", QT_TRANSLATE_NOOP(
                "Errors", "The first questioner signs the inquiry record first."))
        ck = self._keys.load(officer_id, password)

        def make(number: str) -> tuple[md.InquiryRecord, Produced]:
            record = self.snapshot(inspection_id, data, number)
            record.validate()
            return record, self._pipeline.produce("inquiry", record, officer_id, ck,
                                                  handwriting=record.image_for(officer_id), location=record.place,
                                                  reason="询问笔录：询问人签名", progress=progress)

        return self._pipeline.numbered(actor, "inquiry", make,
                                       lambda uow, record, produced: self._commit(uow, inspection_id, record,
                                                                                  produced, data))

    def _commit(self, uow: UnitOfWork, inspection_id: str, record: md.InquiryRecord, produced: Produced,
                data: InquiryInput) -> tuple[DocumentDTO, Changes]:
        """Inside the pipeline's short transaction, which has taken the record's number."""
        load_inspection(uow.session, inspection_id)
        inquiry_id = new_id()
        payload = {"inquiry_id": inquiry_id, "role": record.role, "evidence_type": record.evidence_type,
                   "officer_ids": list(data.officer_ids), "questions": len(record.qa),
                   "refused": record.person_signoff.refused}
        doc = self._pipeline.add_row(uow, produced, inspection_id=inspection_id, number=record.number,
                                     event="inquiry.signed", payload=payload,
                                     extra={"officer_id": data.officer_ids[0],
                                            "signing_time_source": "device clock"})
        row = InquiryRow(id=inquiry_id, inspection_id=inspection_id, document_id=doc.id,
                         number=record.number, role=record.role, person_name=record.person.name,
                         content=record.canonical(), refused=record.person_signoff.refused,
                         started_at=record.started_at, created_at=uow.now)
        uow.session.add(row)
        # the row for the team's other laptops, without the person's data (see storage/docs_orm.py)
        uow.outbox("inquiry", inquiry_id, "create", payloads.create_payload("inquiry", row))
        return document_dto(doc), Changes(inspections=frozenset({inspection_id}))

    def of_inspection(self, inspection_id: str) -> list[InquiryDTO]:
        with self._ctx.read() as s:
            rows = s.scalars(select(InquiryRow).where(InquiryRow.inspection_id == inspection_id)
                             .order_by(InquiryRow.created_at)).all()
            return [InquiryDTO(r.id, r.inspection_id, r.document_id, r.number, r.role,
                               r.person_name or self._name_from_pdf(s, r.document_id), r.refused, r.started_at)
                    for r in rows]

    def _name_from_pdf(self, s: Session, document_id: str) -> str:
        """A row synced from another laptop carries no personal data: the name is read from the signed PDF's
        record.json once the PDF is here ("" until then)."""
        doc = s.get(DocumentRow, document_id)
        if doc is None or not doc.pdf_sha256 or not self._ctx.blobs.has(doc.pdf_sha256):
            return ""
        raw = embedded_file(self._ctx.blobs.read_bytes(doc.pdf_sha256), RECORD_FILE)
        try:
            return str(json.loads(raw)["person"]["name"]) if raw else ""
        except (ValueError, KeyError, TypeError):
            return ""


#: The usual questions of a 医保 inquiry (the dialog's pick-list; each can be edited or replaced).
QUESTION_TEMPLATES = (
    "请介绍你的姓名、工作单位、职务及工作职责。",
    "你单位的医保管理工作由哪个部门、哪些人员负责？",
    "检查期间发现的问题，你是否知情？请详细说明。",
    "相关费用是如何结算并上传医保系统的？由谁负责？",
    "涉及的病历、处方和收费明细由谁保管？能否提供？",
    "你对上述问题还有什么需要说明或补充的吗？",
)

