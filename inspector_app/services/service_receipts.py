"""送达回证 (D28): proof that a signed document (a notice, an addendum, an inquiry copy…) was served.

Method 直接送达 (the receiver signs), 留置送达 (refused: a witness and a photo of the document left at the premises),
邮寄送达 (the postal number) or 电子送达 (the address the party consented to). Signed by the two serving officers
through the document pipeline (rendered and certified off the writer; one short transaction records it).

Service starts the clocks that run from it: a 责令整改通知书's rectification period (its deadline minus its issue
date) runs from the served date, so the effective deadline becomes served date + period — never earlier than the
date printed on the notice. The notice's row and any open rectification take that deadline, journaled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from inspector_app.domain.agency_time import local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.records import kinds
from inspector_app.records import model as rm
from inspector_app.records import model_docs as md
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.document_pipeline import DocumentPipeline, Produced, latest_handwriting
from inspector_app.domain.rules import Action, require
from inspector_app.services.inspections import load_inspection
from inspector_app.services.keys import KeyService
from inspector_app.services.record_builder import party_of, setting
from inspector_app.services.signing import DocumentDTO, document_dto
from inspector_app.storage.docs_orm import ServiceReceiptRow
from inspector_app.storage.orm import OfficerRow
from inspector_app.storage.records_orm import DocumentRow
from inspector_app.storage.review_orm import RectificationRow
from inspector_app.syncproto import payloads

Progress = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class ServiceInput:
    served_document_id: str
    method: str                          # one of model_docs.SERVICE_METHODS
    recipient: str
    served_at: dt.datetime
    place: str
    officer_ids: tuple[str, ...]         # the serving officers (the first certifies)
    receiver_name: str = ""
    receiver_relation: str = ""
    receiver_signed: bool = False
    refusal_note: str = ""
    witness_name: str = ""
    witness_id_number: str = ""
    witness_relation: str = ""
    photo: bytes | None = None           # 留置送达: the photo of the document left (JPEG/PNG)
    postal_number: str = ""
    electronic_address: str = ""
    note: str = ""
    receiver_png: bytes | None = None
    witness_png: bytes | None = None


@dataclass(frozen=True, slots=True)
class ServedDTO:
    """How a document was served (the served document's status shows it)."""

    receipt_id: str
    document_id: str                     # the 送达回证
    served_document_id: str
    number: str
    method: str
    served_at: dt.datetime
    receiver_signed: bool


class ServiceReceiptService:
    def __init__(self, ctx: ServiceContext, keys: KeyService):
        self._ctx = ctx
        self._keys = keys
        self._pipeline = DocumentPipeline(ctx, keys)

    def snapshot(self, data: ServiceInput, number: str, photo_sha256: str) -> tuple[md.ServiceReceipt, str]:
        with self._ctx.read() as s:
            served = s.get(DocumentRow, data.served_document_id)
            if served is None:
                raise ValidationError("service.no_document", QT_TRANSLATE_NOOP(
                    "Errors", "The document to serve does not exist."))
            if served.kind == "service":
                raise ValidationError("service.of_receipt", QT_TRANSLATE_NOOP(
                    "Errors", "A proof of service is not itself served."))
            insp = load_inspection(s, served.inspection_id)
            require(Action.SERVE, insp.status, None)
            officers = []
            for oid in data.officer_ids:
                o = s.get(OfficerRow, oid)
                if o is None or o.deleted_at is not None:
                    raise ValidationError("service.unknown_officer", QT_TRANSLATE_NOOP(
                        "Errors", "A serving officer is not on the roster."))
                officers.append(rm.Officer(o.id, o.name, o.certificate_no))
            party, agency = party_of(s, insp), setting(s, "agency")
            title, served_number, served_hash = kinds.kind(served.kind).title, served.number, served.content_hash
        images = [rm.SignatureImage(rm.PARTY, data.receiver_png)] if data.receiver_signed and data.receiver_png else []
        if data.witness_png:
            images.append(rm.SignatureImage(rm.WITNESS, data.witness_png))
        for oid in data.officer_ids:
            png = latest_handwriting(self._ctx, insp.id, oid)
            if png:
                images.append(rm.SignatureImage(oid, png))
        receipt = md.ServiceReceipt(
            number=number, agency=agency, party=party, document_title=title, document_number=served_number,
            document_hash=served_hash, method=data.method, recipient=data.recipient,
            receiver_name=data.receiver_name, receiver_relation=data.receiver_relation, served_at=data.served_at,
            place=data.place, officers=tuple(officers), receiver_signed=data.receiver_signed,
            refusal_note=data.refusal_note, witness_name=data.witness_name,
            witness_id_number=data.witness_id_number, witness_relation=data.witness_relation,
            photo_sha256=photo_sha256, postal_number=data.postal_number,
            electronic_address=data.electronic_address, note=data.note, signature_images=tuple(images))
        return receipt, insp.id

    def create(self, actor: Actor, data: ServiceInput, *, officer_id: str, password: str,
               progress: Progress | None = None) -> tuple[DocumentDTO, Changes]:
        if not data.officer_ids or officer_id != data.officer_ids[0]:
            raise ValidationError("service.first_signer", QT_TRANSLATE_NOOP(
                "Errors", "The first serving officer signs the proof of service first."))
        ck = self._keys.load(officer_id, password)
        photo_sha = self._ctx.blobs.put_bytes(data.photo).sha256 if data.photo else ""  # file before the rows

        def make(number: str) -> tuple[tuple[md.ServiceReceipt, str], Produced]:
            receipt, inspection_id = self.snapshot(data, number, photo_sha)
            receipt.validate()
            return (receipt, inspection_id), self._pipeline.produce(
                "service", receipt, officer_id, ck, location=receipt.place, reason="送达回证：送达人签名",
                progress=progress)

        return self._pipeline.numbered(actor, "service", make,
                                       lambda uow, made, produced: self._commit(uow, made[1], made[0], produced,
                                                                                data))

    def _commit(self, uow: UnitOfWork, inspection_id: str, receipt: md.ServiceReceipt, produced: Produced,
                data: ServiceInput) -> tuple[DocumentDTO, Changes]:
        """Inside the pipeline's short transaction, which has taken the receipt's number."""
        served = uow.session.get(DocumentRow, data.served_document_id)
        assert served is not None
        if served.content_hash != receipt.document_hash:
            raise ValidationError("service.changed", QT_TRANSLATE_NOOP(
                "Errors", "The served document changed while the proof of service was signed; sign again."))
        receipt_id = new_id()
        payload = {"receipt_id": receipt_id, "served_document_id": served.id, "served_number": served.number,
                   "method": receipt.method, "served_at": receipt.served_at.isoformat(),
                   "receiver_signed": receipt.receiver_signed, "photo_sha256": receipt.photo_sha256,
                   "officer_ids": list(data.officer_ids)}
        doc = self._pipeline.add_row(uow, produced, inspection_id=inspection_id, number=receipt.number,
                                     event="service.signed", payload=payload,
                                     extra={"officer_id": data.officer_ids[0],
                                            "signing_time_source": "device clock"})
        row = ServiceReceiptRow(
            id=receipt_id, inspection_id=inspection_id, document_id=doc.id, served_document_id=served.id,
            number=receipt.number, method=receipt.method, served_at=receipt.served_at,
            receiver_signed=receipt.receiver_signed, content=receipt.canonical(), note=receipt.note,
            photo_sha256=receipt.photo_sha256 or None, created_at=uow.now)
        uow.session.add(row)
        # for the team's other laptops: the row without the receiver's and witness's data, the photo as a blob
        uow.outbox("service_receipt", receipt_id, "create", payloads.create_payload("service_receipt", row))
        if served.kind == "notice":
            self._start_period(uow, served, receipt.served_at)
        return document_dto(doc), Changes(inspections=frozenset({inspection_id}))

    @staticmethod
    def _start_period(uow: UnitOfWork, notice: DocumentRow, served_at: dt.datetime) -> None:
        """The rectification period runs from service: deadline = served date + (printed deadline − issue date)."""
        payload = dict(notice.payload or {})
        printed = dt.date.fromisoformat(payload["deadline"])
        issued = local(notice.created_at).date()
        served_on = local(served_at).date()
        effective = max(printed, served_on + (printed - issued))
        old = dict(notice.payload or {})
        payload.update({"served_on": served_on.isoformat(), "effective_deadline": effective.isoformat()})
        notice.payload, notice.updated_at = payload, uow.now
        uow.record(notice.inspection_id, "notice.served", "document", notice.id, "patch",
                   payloads.changes_payload("document", {"payload": (old, payload)}))
        rect = uow.session.scalar(select(RectificationRow).where(RectificationRow.notice_document_id == notice.id))
        if rect is not None and rect.result is None and rect.deadline != effective:
            before = rect.deadline
            rect.deadline, rect.updated_at = effective, uow.now
            uow.record(notice.inspection_id, "rectification.deadline_from_service", "rectification", rect.id,
                       "patch", payloads.changes_payload("rectification", {"deadline": (before, effective)}))

    def served(self, document_id: str) -> ServedDTO | None:
        """The latest service of a document, or None when it has not been served."""
        with self._ctx.read() as s:
            r = s.scalar(select(ServiceReceiptRow).where(ServiceReceiptRow.served_document_id == document_id)
                         .order_by(ServiceReceiptRow.created_at.desc()).limit(1))
            return (ServedDTO(r.id, r.document_id, r.served_document_id, r.number, r.method, r.served_at,
                              r.receiver_signed) if r is not None else None)
