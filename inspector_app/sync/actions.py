"""Protocol-level user actions the services do not offer yet: photos, signing, review comments, approvals.

Each is one local transaction with its journal event and outbox row, like every service call. They are what the
sync protocol needs (class A appends, the class C `sign`); the signing, review and evidence services can replace
them while keeping the same outbox payloads.
"""

from __future__ import annotations

from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.inspections import load_inspection, require_editable
from inspector_app.storage.orm import EvidenceRow
from inspector_app.storage.sync_orm import BlobLocalRow, SyncRecordRow
from inspector_app.sync import local
from inspector_app.syncproto import payloads


def _register_blob(s: Any, sha: str, size: int, now: Any) -> None:
    if s.get(BlobLocalRow, sha) is None:
        s.add(BlobLocalRow(sha256=sha, size=size, rel_path=f"{sha[:2]}/{sha[2:4]}/{sha}", upload_status="pending",
                           upload_offset=0, attempts=0, created_at=now))


def attach_photo(ctx: ServiceContext, actor: Actor, inspection_id: str, data: bytes, caption: str = "",
                 mime: str = "image/jpeg") -> str:
    """Photo first (content-addressed, fsynced), then the evidence record that references it."""
    stored = ctx.blobs.put_bytes(data)
    with ctx.unit(actor) as uow:
        row = load_inspection(uow.session, inspection_id)
        require_editable(row)
        ev = EvidenceRow(id=new_id(), inspection_id=inspection_id, sha256=stored.sha256, kind="photo",
                         measure="拍照", caption=caption, source_name="", mime=mime, size=stored.size,
                         captured_at=uow.now, created_at=uow.now, updated_at=uow.now)
        uow.session.add(ev)
        uow.session.flush()
        uow.record(inspection_id, "evidence.added", "evidence", ev.id, "create", payloads.create_payload(
            "evidence", ev, ("inspection_id", "sha256", "kind", "measure", "caption", "mime", "size", "captured_at",
                             "source_name"), extra={"meta": None}))
        _register_blob(uow.session, stored.sha256, stored.size, uow.now)
        return ev.id


def sign(ctx: ServiceContext, actor: Actor, inspection_id: str) -> str:
    """Sign what this device shows: the hash covers the record, its items and their blob hashes. The server
    accepts it only if it holds exactly that content (else `sign_mismatch`, for a person to review)."""
    with ctx.unit(actor) as uow:
        s = uow.session
        row = load_inspection(s, inspection_id)
        require_editable(row)
        digest = local.signing_hash(s, inspection_id)
        row.status, row.content_hash, row.updated_at = "signed", digest, uow.now
        uow.record(inspection_id, "inspection.signed", "inspection", inspection_id, "sign",
                   payloads.sign_payload(digest, actor.label))
        return digest


def comment(ctx: ServiceContext, actor: Actor, inspection_id: str, text: str) -> str:
    if not text.strip():
        raise ValidationError("review.comment_empty", QT_TRANSLATE_NOOP("Errors", "The comment is empty."))
    with ctx.unit(actor) as uow:
        rec = uow.session.get(SyncRecordRow, ("inspection", inspection_id))
        cid = new_id()
        uow.record(inspection_id, "review.comment", "comment", cid, "append", payloads.data_payload("comment", {
            "inspection_id": inspection_id, "version": rec.server_version if rec else None, "text": text,
            "author": actor.label}))
        return cid


def approve(ctx: ServiceContext, actor: Actor, inspection_id: str, decision: str = "approve",
            note: str = "") -> str:
    """An approval names the signed content it approves; the server checks it against the signed version."""
    if decision not in ("approve", "return"):
        raise ValidationError("review.bad_decision", QT_TRANSLATE_NOOP(
            "Errors", "The review decision can only be “approve” or “return”."))
    with ctx.unit(actor) as uow:
        rec = uow.session.get(SyncRecordRow, ("inspection", inspection_id))
        digest = rec.content_hash if rec is not None and rec.content_hash else None
        if digest is None:
            raise ValidationError("review.not_signed_on_server", QT_TRANSLATE_NOOP(
                "Errors", "The inspection record is not signed on the server yet; it cannot be reviewed."))
        aid = new_id()
        uow.record(inspection_id, "review.approval", "approval", aid, "append", payloads.data_payload(
            "approval", {"inspection_id": inspection_id, "content_hash": digest, "decision": decision, "note": note,
                         "author": actor.label}))
        return aid
