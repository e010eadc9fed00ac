"""Read-only facts of the 证据清单 shared by the evidence-list service (services/evidence_list.py) and the record
builder: the record's list in order, the digest the party's confirmation pins, what each item proves, and the
confirmation itself. Kept apart from the service so the record builder does not import the evidence services
(which import the re-inspection service, which imports the record builder)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain.canonical import content_hash
from inspector_app.domain.evidence import MATCHES_ORIGINAL
from inspector_app.services import evidence_links as links
from inspector_app.storage.orm import AnswerRow, EvidenceConfirmationRow, EvidenceRow, FindingRow

__all__ = ["ListConfirmation", "confirmation_of", "links", "list_digest", "proves_text", "record_scope"]


@dataclass(frozen=True, slots=True)
class ListConfirmation:
    """The party's answer for the whole list, as the services and the UI see it."""

    refused: bool
    signer_name: str
    refusal_reason: str
    confirmed_at: dt.datetime
    current: bool           # given for the list as it is now (False: the list changed since)
    statement: str = MATCHES_ORIGINAL


def record_scope(s: Session, inspection_id: str) -> list[EvidenceRow]:
    """The live evidence of the record's 证据清单 (not a re-inspection's), in list order (E-01, E-02 …)."""
    return list(s.scalars(select(EvidenceRow).where(
        EvidenceRow.inspection_id == inspection_id, EvidenceRow.reinspection_id.is_(None),
        EvidenceRow.deleted_at.is_(None)).order_by(EvidenceRow.created_at, EvidenceRow.id)))


def list_digest(rows: list[EvidenceRow]) -> str:
    """SHA-256 of what the party checks: each item's file and the columns printed about it (not its links, which
    are the agency's reading of the evidence, not the party's to confirm)."""
    return content_hash([[r.sha256, r.caption, r.evidence_type, r.measure, r.provider, r.page_count]
                         for r in rows])


def proves_text(s: Session, inspection_id: str, targets: tuple[tuple[str, str], ...]) -> str:
    """What an item proves, as printed: "发现问题 2；检查项 H-04" — findings by their number in the record."""
    if not targets:
        return ""
    numbers = {f: n for n, f in enumerate(s.scalars(select(FindingRow.id).where(
        FindingRow.inspection_id == inspection_id, FindingRow.deleted_at.is_(None))
        .order_by(FindingRow.created_at)), start=1)}
    parts = []
    for target_type, target_id in targets:
        if target_type == "finding" and target_id in numbers:
            parts.append(f"发现问题 {numbers[target_id]}")
        elif target_type == "answer":
            answer = s.get(AnswerRow, target_id)
            if answer is not None:
                parts.append(f"检查项 {answer.item_id}")
    return "；".join(parts)


def confirmation_of(s: Session, inspection_id: str) -> ListConfirmation | None:
    row = s.scalar(select(EvidenceConfirmationRow).where(EvidenceConfirmationRow.inspection_id == inspection_id,
                                                         EvidenceConfirmationRow.deleted_at.is_(None)))
    if row is None:
        return None
    current = row.list_digest == list_digest(record_scope(s, inspection_id))
    return ListConfirmation(row.refused, row.signer_name, row.refusal_reason, row.confirmed_at, current)
