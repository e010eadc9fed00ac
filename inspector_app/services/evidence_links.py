"""Links between evidence and what it proves (a checklist answer or a finding), used inside evidence transactions.

Links are append-only records for sync (sync.md §2 class A): removing one sets `deleted_at`, linking it again
clears it; every change is journaled on the inspection's chain and queued in the outbox.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.services.changes import Changes
from inspector_app.services.context import UnitOfWork
from inspector_app.storage.orm import AnswerRow, EvidenceLinkRow, EvidenceRow, FindingRow
from inspector_app.syncproto import payloads

TARGET_TYPES = ("answer", "finding")


def check_target(s: Session, inspection_id: str, link: tuple[str, str]) -> tuple[str, str]:
    """The (type, id) of a link target that exists and belongs to the inspection, or ValidationError."""
    target_type, target_id = link
    if target_type == "answer":
        a = s.get(AnswerRow, target_id)
        ok = a is not None and a.inspection_id == inspection_id
    elif target_type == "finding":
        f = s.get(FindingRow, target_id)
        ok = f is not None and f.deleted_at is None and f.inspection_id == inspection_id
    else:
        raise ValidationError("evidence.bad_link_target", QT_TRANSLATE_NOOP(
            "Errors", "Evidence can only be linked to a checklist item or a finding."))
    if not ok:
        raise ValidationError("evidence.link_target_missing", QT_TRANSLATE_NOOP(
            "Errors", "The linked checklist item or finding does not exist or belongs to another inspection."))
    return target_type, target_id


def _changes(ev: EvidenceRow, target_type: str, target_id: str) -> Changes:
    return Changes(inspections=frozenset({ev.inspection_id}), evidence=frozenset({ev.id}),
                   answers=frozenset({target_id}) if target_type == "answer" else frozenset(),
                   findings=frozenset({target_id}) if target_type == "finding" else frozenset())


def _find(s: Session, evidence_id: str, target_type: str, target_id: str) -> EvidenceLinkRow | None:
    return s.scalar(select(EvidenceLinkRow).where(EvidenceLinkRow.evidence_id == evidence_id,
                                                  EvidenceLinkRow.target_type == target_type,
                                                  EvidenceLinkRow.target_id == target_id))


def attach(uow: UnitOfWork, ev: EvidenceRow, target_type: str, target_id: str) -> Changes:
    """Link (idempotent: an existing active link is left as it is, with no journal event)."""
    s = uow.session
    row = _find(s, ev.id, target_type, target_id)
    if row is not None and row.deleted_at is None:
        return _changes(ev, target_type, target_id)
    if row is None:
        row = EvidenceLinkRow(id=new_id(), evidence_id=ev.id, target_type=target_type, target_id=target_id,
                              created_at=uow.now, updated_at=uow.now)
        s.add(row)
        uow.record(ev.inspection_id, "evidence.linked", "evidence_link", row.id, "create",
                   payloads.create_payload("evidence_link", row))
    else:
        row.deleted_at, row.updated_at = None, uow.now
        # a restore carries the link's identity beside the field, so the server can log what came back
        uow.record(ev.inspection_id, "evidence.linked", "evidence_link", row.id, "patch",
                   payloads.delete_payload(False, **payloads.row_data("evidence_link", row)))
    return _changes(ev, target_type, target_id)


def detach(uow: UnitOfWork, ev: EvidenceRow, target_type: str, target_id: str) -> Changes:
    row = _find(uow.session, ev.id, target_type, target_id)
    if row is None or row.deleted_at is not None:
        raise ValidationError("evidence.no_such_link", QT_TRANSLATE_NOOP(
            "Errors", "The evidence has no such link."))
    row.deleted_at, row.updated_at = uow.now, uow.now
    uow.record(ev.inspection_id, "evidence.unlinked", "evidence_link", row.id, "patch",
               payloads.delete_payload(**payloads.row_data("evidence_link", row)))
    return _changes(ev, target_type, target_id)


def detach_all(uow: UnitOfWork, ev: EvidenceRow) -> list[tuple[str, str]]:
    """Soft-delete every active link of `ev` (one outbox row each); the caller journals them with its own event."""
    rows = uow.session.scalars(select(EvidenceLinkRow).where(EvidenceLinkRow.evidence_id == ev.id,
                                                             EvidenceLinkRow.deleted_at.is_(None))).all()
    for row in rows:
        row.deleted_at, row.updated_at = uow.now, uow.now
        uow.outbox("evidence_link", row.id, "patch", payloads.delete_payload())
    return [(r.target_type, r.target_id) for r in rows]


def active(s: Session, evidence_ids: Sequence[str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """evidence id → its active links as (target_type, target_id), oldest first."""
    out: dict[str, list[tuple[str, str]]] = {}
    if not evidence_ids:
        return {}
    for ev_id, t, i in s.execute(select(EvidenceLinkRow.evidence_id, EvidenceLinkRow.target_type,
                                        EvidenceLinkRow.target_id)
                                 .where(EvidenceLinkRow.evidence_id.in_(list(evidence_ids)),
                                        EvidenceLinkRow.deleted_at.is_(None))
                                 .order_by(EvidenceLinkRow.created_at, EvidenceLinkRow.id)):
        out.setdefault(ev_id, []).append((t, i))
    return {k: tuple(v) for k, v in out.items()}
