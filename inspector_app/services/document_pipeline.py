"""One pipeline for every signed document kind: snapshot → render → certify → store → row → journal.

Before, the chain was written out four times (笔录, 通知书, 补正说明, 复查记录), and the notice rendered and signed
inside its write transaction, blocking every other write for seconds. Now every kind goes the same way:

1. the caller builds the snapshot from a *read* session (no write lock);
2. `produce` renders it (ReportLab), refuses a certificate that is not the person the document names in that
   field, certifies it (pyHanko) and stores the signed file in the blob store — written to a temp file, fsynced and
   renamed before anything points at it. All of this runs off the writer (on the caller's worker thread);
3. the caller opens one short write transaction, checks that nothing it rendered from has changed meanwhile
   (journal head, content hash, number counter…), and calls `add_row`: the DocumentRow, its journal event and its
   outbox row, together. A file stored for a transaction that then fails is an unreferenced blob, never a row
   pointing at nothing.

Which renderer draws a kind and what it is called come from records/kinds.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from inspector_app import fonts
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.records import kinds
from inspector_app.records.plan import SignaturePlan, plan_from_record
from inspector_app.services import numbering
from inspector_app.services.actor import Actor
from inspector_app.services.context import ServiceContext, UnitOfWork
from inspector_app.services.keys import KeyService
from inspector_app.storage.records_orm import DocumentRow
from inspector_app.syncproto import payloads

Progress = Callable[[int, str], None]
T = TypeVar("T")
R = TypeVar("R")
NUMBER_ATTEMPTS = 3
#: What a new signed document carries on the wire (its `payload` too when it has one).
_DOCUMENT_CREATE = ("inspection_id", "kind", "number", "content_hash", "pdf_sha256", "signed_fields",
                    "pending_fields")


class _NumberTaken(Exception):
    """The number a document was rendered with was taken meanwhile (rolls the write transaction back)."""


def _silent(_p: int, _m: str) -> None:
    return None


def require_bound(plan: SignaturePlan | None, field: str, ck: Any) -> None:
    """Refuse to sign a field with a certificate whose holder is not the person the record names there: the
    verifier would reject the signature (issue 11), so it must not be made."""
    planned = plan.get(field) if plan is not None else None
    if planned is None:
        return
    from inspector_app.records import pki

    name, number, _roles = pki.officer_identity(ck.cert)
    if (name, number) != (planned.name, planned.certificate_no):
        raise ValidationError("signing.wrong_certificate", QT_TRANSLATE_NOOP(
            "Errors", "The signature field names {planned} (certificate no. {planned_no}), but the certificate "
                      "belongs to {holder} (certificate no. {holder_no})."),
            planned=planned.name, planned_no=planned.certificate_no, holder=name, holder_no=number or "—")


def latest_handwriting(ctx: ServiceContext, inspection_id: str, officer_id: str) -> bytes | None:
    """The officer's latest handwritten signature captured in this inspection (drawn into visible stamps)."""
    from sqlalchemy import select

    from inspector_app.storage.records_orm import SignatureCaptureRow

    with ctx.read() as s:
        sha = s.scalar(select(SignatureCaptureRow.png_sha256).where(
            SignatureCaptureRow.inspection_id == inspection_id, SignatureCaptureRow.officer_id == officer_id)
            .order_by(SignatureCaptureRow.created_at.desc()).limit(1))
    return ctx.blobs.read_bytes(sha) if sha else None


@dataclass(frozen=True, slots=True)
class Produced:
    """A rendered, certified and stored document, not yet recorded."""

    kind: kinds.DocumentKind
    content_hash: str
    pdf_sha256: str
    field: str                     # the field the first signer signed
    pending: tuple[str, ...]       # the other signature fields, in order
    page_count: int
    warnings: tuple[str, ...]


class DocumentPipeline:
    def __init__(self, ctx: ServiceContext, keys: KeyService):
        self._ctx = ctx
        self._keys = keys

    def render(self, code: str, snapshot: Any) -> Any:
        """The RenderedPdf of `snapshot` by the kind's renderer (ReportLab is imported only when a PDF is made)."""
        import importlib

        module, function = kinds.kind(code).renderer.split(":")
        draw = getattr(importlib.import_module(f"inspector_app.records.{module}"), function)
        return draw(snapshot, fonts.ensure_fonts(fonts.default_cache_dir()))

    def produce(self, code: str, snapshot: Any, signer_id: str, ck: Any, *, handwriting: bytes | None = None,
                location: str = "", reason: str = "", progress: Progress | None = None) -> Produced:
        """Render, certify as `signer_id` and store. Never call this inside a write transaction."""
        from inspector_app.records import signing  # pyHanko: loaded when a PDF is signed

        kind = kinds.kind(code)
        say = progress or _silent
        say(30, "生成 PDF")
        rendered = self.render(code, snapshot)
        say(70, "数字签名")
        field = rendered.field_for(signer_id).field_name
        require_bound(plan_from_record(snapshot.canonical()), field, ck)
        signed = signing.certify_rendered(rendered, ck, signer_id, handwriting=handwriting,
                                          signing_time=self._ctx.clock(), location=location,
                                          reason=reason or f"{kind.title}：执法人员签名",
                                          revocation=self._keys.revocation_context())
        blob = self._ctx.blobs.put_bytes(signed)  # temp → fsync → rename, before any row points at it
        say(90, "保存")
        return Produced(kind, rendered.content_hash, blob.sha256, field,
                        tuple(f.field_name for f in rendered.fields if f.field_name != field),
                        rendered.page_count, tuple(rendered.warnings))

    def numbered(self, actor: Actor, code: str, make: Callable[[str], tuple[T, Produced]],
                 commit: Callable[[UnitOfWork, T, Produced], R]) -> R:
        """A numbered document without gaps and without holding the writer while it renders: `make(number)`
        builds, renders and signs it off the writer with the number the counter will give next; `commit` then
        records it in one short transaction that takes that number. If another document took the number
        meanwhile, the transaction rolls back (the counter too) and the document is made again with the next one."""
        for _attempt in range(NUMBER_ATTEMPTS):
            with self._ctx.read() as s:
                number = numbering.peek_number(s, code, self._ctx.clock())
            made, produced = make(number)
            try:
                with self._ctx.unit(actor) as uow:
                    if numbering.next_number(uow.session, code, uow.now) != number:
                        raise _NumberTaken(number)
                    return commit(uow, made, produced)
            except _NumberTaken:
                continue
        raise ValidationError("document.number_taken", QT_TRANSLATE_NOOP(
            "Errors", "The document number was taken meanwhile; please sign again."))

    @staticmethod
    def add_row(uow: UnitOfWork, produced: Produced, *, inspection_id: str, number: str, event: str,
                payload: dict[str, Any] | None = None, extra: dict[str, Any] | None = None) -> DocumentRow:
        """The document's row, journal event and outbox row, in the caller's (short) write transaction."""
        row = DocumentRow(id=new_id(), inspection_id=inspection_id, kind=produced.kind.code, number=number,
                          content_hash=produced.content_hash, pdf_sha256=produced.pdf_sha256,
                          signed_fields=[produced.field], pending_fields=list(produced.pending),
                          payload=payload, created_at=uow.now, updated_at=uow.now)
        uow.session.add(row)
        fields = _DOCUMENT_CREATE + (("payload",) if payload is not None else ())
        uow.record(inspection_id, event, "document", row.id, "create",
                   payloads.create_payload("document", row, fields, extra=extra))
        return row
