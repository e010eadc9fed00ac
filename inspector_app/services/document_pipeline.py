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
from inspector_app.services.keys import KeyService, open_key
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


def render(code: str, snapshot: Any) -> Any:
    import importlib

    module, function = kinds.kind(code).renderer.split(":")
    draw = getattr(importlib.import_module(f"inspector_app.records.{module}"), function)
    return draw(snapshot, fonts.ensure_fonts(fonts.default_cache_dir()))


def render_and_certify(code: str, snapshot: Any, signer_id: str, ck: Any, *, handwriting: bytes | None,
                       signing_time: Any, location: str, reason: str, trust: tuple[list[Any], list[Any]],
                       progress: Progress) -> tuple[bytes, str, str, tuple[str, ...], int, tuple[str, ...]]:
    """Render and certify (no storage: runs in the signing child process as well as inline). Returns the signed
    bytes, the content hash, the field signed, the other fields, the page count and the render warnings."""
    from inspector_app.records import signing  # pyHanko: loaded when a PDF is signed

    ck = open_key(ck)
    progress(30, "生成 PDF")
    rendered = render(code, snapshot)
    progress(70, "数字签名")
    field = rendered.field_for(signer_id).field_name
    require_bound(plan_from_record(snapshot.canonical()), field, ck)
    signed = signing.certify_rendered(rendered, ck, signer_id, handwriting=handwriting, signing_time=signing_time,
                                      location=location, reason=reason,
                                      revocation=signing.revocation_context(*trust))
    return (signed, rendered.content_hash, field, tuple(f.field_name for f in rendered.fields if f.field_name != field),
            rendered.page_count, tuple(rendered.warnings))


def countersign_pdf(pdf: bytes, ck: Any, field: str, *, role: str, handwriting: bytes | None, signing_time: Any,
                    trust: tuple[list[Any], list[Any]], progress: Progress) -> bytes:
    """A later signature into `field` of `pdf`, refused when the certificate is not the person the field names (no
    storage: runs in the signing child process as well as inline)."""
    from inspector_app.records import signing, verify  # pyHanko: loaded when a PDF is signed

    ck = open_key(ck)
    progress(40, "数字签名")
    # the visible stamp is drawn with the CJK font: registered here too (a fresh signing process has rendered nothing)
    fonts.register_reportlab(fonts.ensure_fonts(fonts.default_cache_dir()))
    require_bound(verify.plan_of_pdf(pdf), field, ck)
    return signing.countersign(pdf, ck, field, role=role, handwriting=handwriting, signing_time=signing_time,
                               revocation=signing.revocation_context(*trust))


def check_key(ck: Any, *, progress: Progress) -> None:
    """Open the key to refuse a wrong password before anything is numbered (runs in the signing process)."""
    open_key(ck)


def signing_key(keys: KeyService, officer_id: str, password: str, progress: Progress, cancel: Any = None) -> Any:
    """The key to sign with. Inline: opened here. With the signing process: a SealedKey, opened there (checked
    now, so a wrong password is refused as before, before the record is numbered) — the GUI process never spends
    the ~0.2 s of PKCS#12 decryption holding its GIL."""
    from inspector_app.records import worker_process

    if worker_process.shared() is None:
        return keys.load(officer_id, password)
    sealed = keys.sealed(officer_id, password)
    in_child_or_inline("inspector_app.services.document_pipeline:check_key", sealed, progress=progress,
                       cancel=cancel)
    return sealed


def in_child_or_inline(target: str, *args: Any, progress: Progress, cancel: Any = None, **kwargs: Any) -> Any:
    """`target` in the signing child process when the app turned it on (use_signing_process), else on this thread.
    `cancel` (a threading.Event) set while it runs in the child: the child is stopped and nothing was made —
    `signing.cancelled`. Inline work cannot be interrupted and ignores it."""
    from inspector_app.records import worker_process

    child = worker_process.shared()
    if child is not None:
        with fonts.BUILDING:  # the app's first-start font build is done: the child finds the fonts, never rebuilds
            pass
        try:
            return child.call(target, *args, progress=progress, cancel=cancel, **kwargs)
        except worker_process.Cancelled:
            raise ValidationError("signing.cancelled", QT_TRANSLATE_NOOP(
                "Errors", "Signing was cancelled; nothing was signed.")) from None
    module, name = target.split(":")
    import importlib

    return getattr(importlib.import_module(module), name)(*args, progress=progress, **kwargs)


def use_signing_process() -> None:
    """The desktop app renders and signs in a child process, so the GIL-bound work never starves its GUI thread
    (records/worker_process.py). The process starts with the first signature, or earlier with `warm_signing`."""
    from inspector_app.records import worker_process

    worker_process.enable()


def signing_cancellable() -> bool:
    """Whether a signature can be cancelled while it is made: only in the signing process (a kill; inline work
    cannot be interrupted)."""
    from inspector_app.records import worker_process

    return worker_process.shared() is not None


def warm_signing() -> None:
    """Start the signing process and import its libraries in the background (a signature is coming: the signing
    dialog is open), so the signature itself does not wait for them. Nothing when signing runs inline."""
    from inspector_app.records import worker_process

    child = worker_process.shared()
    if child is not None and child.pid is None:
        child.warm()


class DocumentPipeline:
    def __init__(self, ctx: ServiceContext, keys: KeyService):
        self._ctx = ctx
        self._keys = keys

    def render(self, code: str, snapshot: Any) -> Any:
        """The RenderedPdf of `snapshot` by the kind's renderer (ReportLab is imported only when a PDF is made)."""
        return render(code, snapshot)

    def produce(self, code: str, snapshot: Any, signer_id: str, ck: Any, *, handwriting: bytes | None = None,
                location: str = "", reason: str = "", progress: Progress | None = None,
                cancel: Any = None) -> Produced:
        """Render, certify as `signer_id` and store. Never call this inside a write transaction. In the desktop
        app the rendering and signing run in the signing child process (records/worker_process.py)."""
        kind = kinds.kind(code)
        signed, content_hash, field, pending, pages, warnings = in_child_or_inline(
            "inspector_app.services.document_pipeline:render_and_certify", code, snapshot, signer_id, ck,
            handwriting=handwriting, signing_time=self._ctx.clock(), location=location,
            reason=reason or f"{kind.title}：执法人员签名", trust=self._keys.trust_files(),
            progress=progress or _silent, cancel=cancel)
        blob = self._ctx.blobs.put_bytes(signed)  # temp → fsync → rename, before any row points at it
        (progress or _silent)(90, "保存")
        return Produced(kind, content_hash, blob.sha256, field, pending, pages, warnings)

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
