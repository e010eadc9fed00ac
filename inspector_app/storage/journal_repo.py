"""Append to and read the hash-chained journal. Appends happen inside the caller's write transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain.journal import GENESIS, JournalEvent, make_event
from inspector_app.storage.orm import JournalEventRow


def _to_event(row: JournalEventRow) -> JournalEvent:
    return JournalEvent(row.chain_id, row.seq, row.at, row.actor, row.device, row.event_type, row.payload,
                        row.prev_hash, row.hash)


def append_event(session: Session, chain_id: str, at: str, actor: str, device: str, event_type: str,
                 payload: dict[str, Any]) -> JournalEvent:
    last = session.execute(
        select(JournalEventRow.seq, JournalEventRow.hash)
        .where(JournalEventRow.chain_id == chain_id)
        .order_by(JournalEventRow.seq.desc())
        .limit(1)
    ).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    event = make_event(chain_id, seq, at, actor, device, event_type, payload, prev)
    session.add(JournalEventRow(chain_id=chain_id, seq=event.seq, at=event.at, actor=event.actor,
                                device=event.device, event_type=event.event_type, payload=event.payload,
                                prev_hash=event.prev_hash, hash=event.hash))
    return event


def load_chain(session: Session, chain_id: str) -> list[JournalEvent]:
    """Events in the order they were stored (insertion order), so reordering shows up in verification."""
    rows = session.scalars(
        select(JournalEventRow).where(JournalEventRow.chain_id == chain_id).order_by(JournalEventRow.id)
    ).all()
    return [_to_event(r) for r in rows]


def chain_head(session: Session, chain_id: str) -> str:
    last = session.scalar(
        select(JournalEventRow.hash).where(JournalEventRow.chain_id == chain_id)
        .order_by(JournalEventRow.seq.desc()).limit(1)
    )
    return last or GENESIS
