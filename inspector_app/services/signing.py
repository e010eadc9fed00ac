"""Signing the on-site record: handwritten signatures, the party's sign-off or refusal with a witness, then the
PAdES signatures (first officer certifies, the others countersign). The first signature freezes the content;
corrections afterwards are addenda. Every step is one transaction with its journal event and outbox row.

Crypto and PDF rendering run outside the database transaction (they are slow); the result is written to the
blob store first (fsync) and only then recorded, after checking nothing changed in between."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app import fonts
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, FrozenRecord, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.inspection import Status
from inspector_app.domain.rules import Action, Facts, require
from inspector_app.records import kinds
from inspector_app.records.plan import AGENCY_FIELD
from inspector_app.services import numbering
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.document_pipeline import DocumentPipeline, in_child_or_inline, signing_key
from inspector_app.services.document_pipeline import require_bound as require_bound  # re-exported
from inspector_app.services.inspections import load_inspection, team_members, unanswered_required
from inspector_app.services.keys import KeyService
from inspector_app.services.record_builder import build_snapshot, unanswered_team_signatures
from inspector_app.services.signing_types import (  # re-exported ("as"): callers import them from here
    CaptureState as CaptureState,
    DocumentDTO as DocumentDTO,
    PartySignoff as PartySignoff,
    document_dto as document_dto,
    validate_strokes as validate_strokes,
)
from inspector_app.storage import journal_repo
from inspector_app.storage.atomic import write_bytes
from inspector_app.storage.orm import EvidenceRow
from inspector_app.storage.records_orm import DocumentRow, PartySignoffRow, SignatureCaptureRow
from inspector_app.syncproto import payloads

Progress = Callable[[int, str], None]
SIGNABLE = (Status.AWAITING_SIGNATURE,)
#: What a captured handwritten signature carries on the wire (the strokes travel; the PNG is the blob).
_CAPTURE_FIELDS = ("inspection_id", "document_kind", "role", "officer_id", "signer_name", "png_sha256", "strokes",
                   "created_at")


class SigningService:
    def __init__(self, ctx: ServiceContext, keys: KeyService, print_image: Callable[[str], Any],
                 on_frozen: Callable[[UnitOfWork, str], None] | None = None):
        self._ctx = ctx
        self._keys = keys
        self._print_image = print_image  # evidence id -> pre-scaled JPEG path for print
        # Called inside the freezing transaction: the composition root uses it to queue the sync `sign`
        # mutation, so the server makes the record immutable too (this layer does not know the sync protocol).
        self._on_frozen = on_frozen
        self._pipeline = DocumentPipeline(ctx, keys)

    # ------------------------------------------------------------------ captures before signing

    def capture_signature(self, actor: Actor, inspection_id: str, role: str, signer_name: str, strokes: Any,
                          png: bytes, officer_id: str | None = None, document_kind: str = "record") -> Changes:
        if role not in ("officer", "party", "witness", "lead"):
            raise ValidationError("signature.unknown_role", QT_TRANSLATE_NOOP(
                "Errors", "Unknown signing role {role}."), role=role)
        clean = validate_strokes(strokes)
        if not png.startswith(b"\x89PNG"):
            raise ValidationError("signature.not_png", QT_TRANSLATE_NOOP(
                "Errors", "The signature image is not a PNG."))
        blob = self._ctx.blobs.put_bytes(png)  # file first, then the row that points at it
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            if document_kind == "record" and insp.content_hash and role != "lead":
                raise FrozenRecord("signature.record_frozen", QT_TRANSLATE_NOOP(
                    "Errors", "The record is signed; its signatures cannot change any more. "
                              "Make a correction addendum to correct it."))
            row = SignatureCaptureRow(id=new_id(), inspection_id=inspection_id, document_kind=document_kind,
                                      role=role, officer_id=officer_id, signer_name=signer_name, strokes=clean,
                                      png_sha256=blob.sha256, created_at=uow.now)
            uow.session.add(row)
            uow.record(inspection_id, "signature.captured", "signature_capture", row.id, "append",
                       payloads.create_payload("signature_capture", row, _CAPTURE_FIELDS))
            return Changes(inspections=frozenset({inspection_id}))

    def record_party_signoff(self, actor: Actor, inspection_id: str, data: PartySignoff,
                             document_kind: str = "record") -> Changes:
        data.validate()
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            if document_kind == "record":
                require(Action.PARTY_SIGNOFF, Status(insp.status), None, Facts(frozen=bool(insp.content_hash)))
            elif not insp.content_hash:
                raise ValidationError("addendum.record_not_signed", QT_TRANSLATE_NOOP(
                    "Errors", "The record is not signed yet; no addendum is needed."))
            row = uow.session.scalar(select(PartySignoffRow).where(PartySignoffRow.inspection_id == inspection_id,
                                                                   PartySignoffRow.document_kind == document_kind))
            fields = {k: getattr(data, k) for k in data.__dataclass_fields__}
            if row is None:
                row = PartySignoffRow(id=new_id(), inspection_id=inspection_id, document_kind=document_kind,
                                      created_at=uow.now, **fields)
                uow.session.add(row)
                uow.record(inspection_id, "party.signoff", "party_signoff", row.id, "create",
                           payloads.create_payload("party_signoff", row, ("inspection_id", "document_kind", *fields)))
            else:
                patch = payloads.changes_payload("party_signoff", {
                    k: (getattr(row, k), v) for k, v in fields.items() if getattr(row, k) != v})
                for k, v in fields.items():
                    setattr(row, k, v)
                row.created_at = uow.now
                uow.record(inspection_id, "party.signoff", "party_signoff", row.id, "patch", patch)
            return Changes(inspections=frozenset({inspection_id}))

    def capture_state(self, inspection_id: str, document_kind: str = "record") -> CaptureState:
        with self._ctx.read() as s:
            captures = s.execute(select(SignatureCaptureRow.role, SignatureCaptureRow.officer_id).where(
                SignatureCaptureRow.inspection_id == inspection_id,
                SignatureCaptureRow.document_kind == document_kind)).all()
            row = s.scalar(select(PartySignoffRow).where(PartySignoffRow.inspection_id == inspection_id,
                                                         PartySignoffRow.document_kind == document_kind))
            signoff = (PartySignoff(**{k: getattr(row, k) for k in PartySignoff.__dataclass_fields__})
                       if row is not None else None)
        return CaptureState(frozenset(o for role, o in captures if role == "officer" and o),
                            frozenset(role for role, _o in captures), signoff)

    # ------------------------------------------------------------------ PAdES signatures

    def readiness(self, inspection_id: str) -> list[ValidationError]:
        """What still prevents signing, as coded problems; empty when the record can be signed."""
        with self._ctx.read() as s:
            insp = load_inspection(s, inspection_id)
            out = []
            if Status(insp.status) not in SIGNABLE and not insp.content_hash:
                required = unanswered_required(s, inspection_id)
                if required:  # named here, so the end of the on-site work is never a surprise refusal
                    shown = ", ".join(i.id for i in required[:10]) + (" …" if len(required) > 10 else "")
                    out.append(ValidationError("inspection.required_unanswered", QT_TRANSLATE_NOOP(
                        "Errors", "{count} required items are not answered yet: {items}"),
                        count=len(required), items=shown))
                out.append(ValidationError("signing.on_site_not_finished", QT_TRANSLATE_NOOP(
                    "Errors", "The on-site work is not finished yet.")))
            if s.scalar(select(PartySignoffRow.id).where(PartySignoffRow.inspection_id == inspection_id)) is None:
                out.append(ValidationError("signing.party_not_signed", QT_TRANSLATE_NOOP(
                    "Errors", "The party has not signed yet (or its refusal and the witness are not recorded).")))
            missing = unanswered_team_signatures(s, inspection_id)
            if missing:
                out.append(ValidationError("signing.handwriting_missing", QT_TRANSLATE_NOOP(
                    "Errors", "No handwritten signature yet from: {names}"), names=", ".join(missing)))
            return out

    def draft_preview(self, inspection_id: str, target: Path) -> tuple[Path, int]:
        """The party's reading copy of the 现场检查笔录 before anyone signs (issue 13 item 4): rendered from the
        current, unfrozen data with 草稿 on every page, no signature fields and nothing embedded, written to
        `target` (temp, fsync, rename). Returns (path, page count). It records nothing and freezes nothing; once
        the record is signed, the signed PDF is what the party reads."""
        with self._ctx.read() as s:
            snapshot = build_snapshot(s, self._ctx.blobs, inspection_id, self._print_path,
                                      draft_at=self._ctx.clock())
        # ReportLab: in the signing child process in the desktop app (the GUI keeps the GIL), else here
        pdf, pages = in_child_or_inline("inspector_app.services.signing:render_draft", snapshot,
                                        progress=lambda _p, _m: None)
        target.parent.mkdir(parents=True, exist_ok=True)
        return write_bytes(target, pdf, mode=0o600), pages  # personal data: owner only

    def sign_record(self, actor: Actor, inspection_id: str, officer_id: str, password: str,
                    progress: Progress | None = None, cancel: Any = None) -> tuple[DocumentDTO, Changes]:
        """Sign the 现场检查笔录 as `officer_id`: the first signer renders and certifies; later ones countersign.
        `cancel` (threading.Event): stops the signing process before anything is stored (signing.cancelled)."""
        say = progress or (lambda _p, _m: None)
        say(5, "打开签名证书")
        ck = signing_key(self._keys, officer_id, password, say, cancel)
        with self._ctx.read() as s:
            doc = s.scalar(select(DocumentRow).where(DocumentRow.inspection_id == inspection_id,
                                                     DocumentRow.kind == "record"))
            existing = document_dto(doc) if doc else None
        if existing is None:
            return self._first_signature(actor, inspection_id, officer_id, ck, say, cancel)
        return self._countersign(actor, existing, officer_id, ck, say, cancel)

    def countersign(self, actor: Actor, document_id: str, officer_id: str, password: str,
                    progress: Progress | None = None) -> tuple[DocumentDTO, Changes]:
        """A later signature on any document (second officer, or the team lead after review)."""
        ck = signing_key(self._keys, officer_id, password, progress or (lambda _p, _m: None))
        with self._ctx.read() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise ValidationError("document.not_found", QT_TRANSLATE_NOOP("Errors", "The document does not exist."))
            doc = document_dto(row)
        return self._countersign(actor, doc, officer_id, ck, progress or (lambda _p, _m: None))

    def _first_signature(self, actor: Actor, inspection_id: str, officer_id: str, ck: Any,
                         say: Progress, cancel: Any = None) -> tuple[DocumentDTO, Changes]:
        problems = self.readiness(inspection_id)
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise ValidationError("signing.not_ready", "", problems=problems)
        with self._ctx.unit(actor) as uow:  # the number is the inspection's for good: a retry reuses it, no gaps
            insp = load_inspection(uow.session, inspection_id)
            members = {m.officer_id for m in team_members(uow.session, inspection_id) if m.has_conflict is not True}
            require(Action.SIGN, Status(insp.status), None, Facts(is_team_member=officer_id in members))
            if not insp.record_number:
                insp.record_number = numbering.next_number(uow.session, "record", uow.now)
                uow.record(inspection_id, "record.number_assigned", "inspection", inspection_id, "patch",
                           payloads.changes_payload("inspection", {"record_number": (None, insp.record_number)}))
        say(15, "汇总笔录内容")
        with self._ctx.read() as s:
            snapshot = build_snapshot(s, self._ctx.blobs, inspection_id, self._print_path)
        snapshot.validate()
        produced = self._pipeline.produce("record", snapshot, officer_id, ck,
                                          handwriting=snapshot.image_for(officer_id), location=snapshot.place,
                                          reason="现场检查笔录：执法人员签名", progress=say, cancel=cancel)
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            head = journal_repo.chain_head(uow.session, inspection_id)
            if head != snapshot.chain_head or insp.content_hash:
                raise ValidationError("signing.changed_while_signing", QT_TRANSLATE_NOOP(
                    "Errors", "The record changed while it was being signed; sign again."))
            row = self._pipeline.add_row(uow, produced, inspection_id=inspection_id, number=snapshot.number,
                                         event="record.signed",
                                         extra={"field": produced.field, "officer_id": officer_id,
                                                "signing_time_source": "device clock"})
            insp.content_hash = produced.content_hash  # frozen from here on
            insp.updated_at = uow.now
            if self._on_frozen is not None:
                self._on_frozen(uow, inspection_id)
            self._maybe_complete(uow, insp, row)
            return document_dto(row), Changes(inspections=frozenset({inspection_id}))

    def _countersign(self, actor: Actor, doc: DocumentDTO, officer_id: str, ck: Any,
                     say: Progress, cancel: Any = None) -> tuple[DocumentDTO, Changes]:
        with self._ctx.read() as s:
            field = self._field_of(s, doc, officer_id)
            role = "检查组组长（审核）" if field == "Sig_Lead" else "执法人员"
            handwriting = self._latest_png(s, doc.inspection_id, officer_id)
        if field not in doc.pending_fields:
            if field in doc.signed_fields:
                raise ValidationError("signing.already_signed", QT_TRANSLATE_NOOP(
                    "Errors", "You have signed this document already."))
            raise ValidationError("signing.no_field", QT_TRANSLATE_NOOP(
                "Errors", "This document has no signature field for you."))
        pdf = self._ctx.blobs.read_bytes(doc.pdf_sha256)
        signed = in_child_or_inline("inspector_app.services.document_pipeline:countersign_pdf", pdf, ck, field,
                                    role=role, handwriting=handwriting, signing_time=self._ctx.clock(),
                                    trust=self._keys.trust_files(), progress=say, cancel=cancel)
        blob = self._ctx.blobs.put_bytes(signed)
        say(90, "保存")
        with self._ctx.unit(actor) as uow:
            row = uow.session.get(DocumentRow, doc.id)
            assert row is not None
            if row.pdf_sha256 != doc.pdf_sha256:
                raise ValidationError("signing.signed_meanwhile", QT_TRANSLATE_NOOP(
                    "Errors", "Someone else signed the document meanwhile; sign again."))
            old, old_signed, old_pending = row.pdf_sha256, list(row.signed_fields), list(row.pending_fields)
            row.pdf_sha256 = blob.sha256
            row.signed_fields = [*old_signed, field]
            row.pending_fields = [f for f in old_pending if f != field]
            row.updated_at = uow.now
            uow.record(doc.inspection_id, f"{doc.kind}.countersigned", "document", row.id, "patch",
                       payloads.changes_payload("document", {
                           "pdf_sha256": (old, blob.sha256), "signed_fields": (old_signed, row.signed_fields),
                           "pending_fields": (old_pending, row.pending_fields)},
                           field=field, officer_id=officer_id, signing_time_source="device clock"))
            insp = load_inspection(uow.session, doc.inspection_id)
            if doc.kind == "record":
                self._maybe_complete(uow, insp, row)
            return document_dto(row), Changes(inspections=frozenset({doc.inspection_id}))

    def _maybe_complete(self, uow: UnitOfWork, insp: Any, doc: DocumentRow) -> None:
        """When every officer of the team has signed, the record is 已签字 (the lead's field waits for review)."""
        officer_fields = [f for f in [*doc.signed_fields, *doc.pending_fields] if f.startswith("Sig_Officer")]
        if all(f in doc.signed_fields for f in officer_fields) and Status(insp.status) in SIGNABLE:
            insp.status = Status.SIGNED.value
            uow.record(insp.id, "inspection.status.signed", "inspection", insp.id, "patch",
                       payloads.changes_payload("inspection", {
                           "status": (Status.AWAITING_SIGNATURE.value, Status.SIGNED.value)}))

    # ------------------------------------------------------------------ helpers

    def _print_path(self, row: EvidenceRow) -> Any:
        try:
            return self._print_image(row.id)
        except Exception:  # noqa: BLE001 - a missing print copy leaves the photo out of the PDF, not the record
            return None

    def _field_of(self, s: Session, doc: DocumentDTO, officer_id: str) -> str:
        if kinds.kind(doc.kind).signers == "agency":  # one issuing officer signs for the agency
            return AGENCY_FIELD
        row = s.get(DocumentRow, doc.id)
        if row is not None and (row.payload or {}).get("officer_ids"):
            # signed by the officers the document names (re-inspection, inquiry, service), not the inspection team
            ids = list(row.payload["officer_ids"])
            if officer_id not in ids:
                if doc.kind == "reinspection":
                    raise ValidationError("reinspection.not_an_officer", QT_TRANSLATE_NOOP(
                        "Errors", "Only the officers of the re-inspection can sign its record."))
                raise ValidationError("document.not_named_officer", QT_TRANSLATE_NOOP(
                    "Errors", "Only the officers named in this document can sign it."))
            return f"Sig_Officer{ids.index(officer_id) + 1}"
        ids = [m.officer_id for m in team_members(s, doc.inspection_id) if m.has_conflict is not True]
        if officer_id in ids:
            return f"Sig_Officer{ids.index(officer_id) + 1}"
        return "Sig_Lead"

    def _latest_png(self, s: Session, inspection_id: str, officer_id: str) -> bytes | None:
        """The officer's latest handwritten signature, drawn into the visible stamp of the countersignature."""
        sha = s.scalar(select(SignatureCaptureRow.png_sha256).where(
            SignatureCaptureRow.inspection_id == inspection_id, SignatureCaptureRow.officer_id == officer_id)
            .order_by(SignatureCaptureRow.created_at.desc()).limit(1))
        return self._ctx.blobs.read_bytes(sha) if sha else None

    #: Document kinds of records/ (the snapshot KIND) -> DocumentRow.kind
    DOCUMENT_KINDS = {k.pdf_kind: k.code for k in kinds.KINDS}

    def signed_fields_of(self, doc_kind: str, number: str) -> tuple[str, ...] | None:
        """The fields the database says are signed on the document (records/ kind and number), or None if this
        workspace does not hold it: verification demands that a file reaches the stage its database claims."""
        kind = self.DOCUMENT_KINDS.get(doc_kind)
        if kind is None or not number:
            return None
        with self._ctx.read() as s:
            row = s.scalar(select(DocumentRow).where(DocumentRow.kind == kind, DocumentRow.number == number))
            return tuple(row.signed_fields or ()) if row is not None else None

    def documents(self, inspection_id: str) -> list[DocumentDTO]:
        with self._ctx.read() as s:
            rows = s.scalars(select(DocumentRow).where(DocumentRow.inspection_id == inspection_id)
                             .order_by(DocumentRow.created_at)).all()
            return [document_dto(r) for r in rows]

    def pdf_path(self, document_id: str) -> Any:
        with self._ctx.read() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise ValidationError("document.not_found", QT_TRANSLATE_NOOP("Errors", "The document does not exist."))
            # a viewer or a copy-out needs a path: the plaintext in the vault's private temp folder when encrypted
            return self._ctx.blobs.plain_path(row.pdf_sha256, ".pdf")


def render_draft(snapshot: Any, *, progress: Progress) -> tuple[bytes, int]:
    """The draft record's bytes and page count (no storage: runs in the signing child process as well)."""
    from inspector_app.records import render  # ReportLab: loaded when a PDF is made

    rendered = render.render_record(snapshot, fonts.ensure_fonts(fonts.default_cache_dir()), draft=True)
    return rendered.pdf, rendered.page_count
