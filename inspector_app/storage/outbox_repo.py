"""The transactional outbox: rows written with the change they describe; sequence from a persisted counter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.domain.hlc import HybridClock, Timestamp
from inspector_app.domain.ids import new_id
from inspector_app.storage.orm import OutboxRow, SyncStateRow


def sync_state(session: Session) -> SyncStateRow:
    state = session.get(SyncStateRow, 1)
    if state is None:
        raise RuntimeError("sync_state is not initialised")
    return state


def ensure_sync_state(session: Session, device_name: str) -> SyncStateRow:
    state = session.get(SyncStateRow, 1)
    if state is None:
        state = SyncStateRow(id=1, client_id=new_id(), device_name=device_name, next_client_seq=1, pull_cursor=0)
        session.add(state)
        session.flush()
    return state


def enqueue(session: Session, entity: str, entity_id: str, op: str, payload: dict[str, Any],
            now: dt.datetime, wall_ms: int, base_version: int | None = None) -> OutboxRow:
    state = sync_state(session)
    seq = state.next_client_seq
    state.next_client_seq = seq + 1  # never MAX(outbox.client_seq): acknowledged rows may be pruned one day (F14)
    clock = HybridClock(state.client_id, now_ms=lambda: wall_ms,
                        last=Timestamp.decode(state.hlc) if state.hlc else None)
    stamp = clock.tick().encode()
    state.hlc = stamp
    row = OutboxRow(client_seq=seq, mutation_id=new_id(), entity=entity, entity_id=entity_id, op=op,
                    base_version=base_version, payload=payload, hlc=stamp, created_at=now, status="pending")
    session.add(row)
    return row


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending")) or 0
