"""Client rebase (sync.md §8.3): the visible state of a record is its last pulled server state with the
outbox ops that the pulled state does not include yet replayed on top, in client_seq order. Pending local ops
are never discarded by a pull (F7). Every function takes an open session and never commits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import SyncRecordRow

ACKED_WITH_EFFECT = ("applied", "conflict")


def server_key(row: OutboxRow) -> tuple[str, str]:
    """The server's record key for an outbox row (template pins are keyed by inspection and template)."""
    spec = P.ENTITIES.get(row.entity)
    if spec is not None and spec.id_keys and isinstance(row.payload, dict):
        return row.entity, P.record_id(spec, row.entity_id, P.create_data(row.payload))
    return row.entity, row.entity_id


def _effective_ops(rec: SyncRecordRow | None, rows: Iterable[OutboxRow]) -> tuple[list[tuple[str, Any]],
                                                                                  dict[int, set[str]]]:
    """Ops still to replay on top of server_data: pending ones, and acknowledged ones whose resulting version
    the pulled state does not include yet (so an acknowledged edit never flickers back before the next pull)."""
    base = rec.server_version if rec is not None else None
    ops: list[tuple[str, Any]] = []
    skip: dict[int, set[str]] = {}
    for row in rows:
        if row.status == "pending":
            ops.append((row.op, row.payload))
        elif row.status in ACKED_WITH_EFFECT and row.server_version is not None and (
                base is None or row.server_version > base):
            if row.status == "conflict":
                if row.op in ("create", "append", "sign"):
                    continue  # a parked or refused create/sign did not take effect
                skip[len(ops)] = set((row.outcome or {}).get("conflict_fields") or [])
            ops.append((row.op, row.payload))
    return ops, skip


def outbox_for(s: Session, entity: str, rid: str) -> list[OutboxRow]:
    spec = P.ENTITIES.get(entity)
    if spec is not None and spec.id_keys:
        inspection_id = rid.split(":", 1)[0]
        rows = s.scalars(select(OutboxRow).where(OutboxRow.entity == entity, OutboxRow.entity_id == inspection_id)
                         .order_by(OutboxRow.client_seq)).all()
        return [r for r in rows if server_key(r) == (entity, rid)]
    return list(s.scalars(select(OutboxRow).where(OutboxRow.entity == entity, OutboxRow.entity_id == rid)
                          .order_by(OutboxRow.client_seq)))


def visible(s: Session, entity: str, rid: str) -> dict[str, Any] | None:
    rec = s.get(SyncRecordRow, (entity, rid))
    ops, skip = _effective_ops(rec, outbox_for(s, entity, rid))
    return P.fold(rec.server_data if rec is not None else None, ops, skip, entity)


def parent_of(entity: str, data: dict[str, Any] | None) -> str | None:
    spec = P.ENTITIES.get(entity)
    if data is None or spec is None or not spec.parent_key:
        return None
    v = data.get(spec.parent_key)
    return str(v) if v is not None else None


def inspection_children(s: Session, inspection_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Visible state of an inspection's signed items: pulled ones plus those only in the local outbox."""
    keys = {(r.entity, r.entity_id) for r in s.scalars(select(SyncRecordRow).where(
        SyncRecordRow.parent_id == inspection_id, SyncRecordRow.entity.in_(P.SIGNED_CHILDREN)))}
    for row in s.scalars(select(OutboxRow).where(OutboxRow.entity.in_(P.SIGNED_CHILDREN),
                                                 OutboxRow.op == "create")):
        if parent_of(row.entity, P.create_data(row.payload)) == inspection_id:
            keys.add((row.entity, row.entity_id))
    out = []
    for entity, rid in sorted(keys):
        data = visible(s, entity, rid)
        if data is not None:
            out.append((entity, rid, data))
    return out


def signing_hash(s: Session, inspection_id: str) -> str:
    head = visible(s, "inspection", inspection_id)
    if head is None:
        raise KeyError(inspection_id)
    return P.signing_hash(head, inspection_children(s, inspection_id))


