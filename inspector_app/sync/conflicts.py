"""Conflicts API for the UI: list open conflicts with both values, and resolve one — the resolution is itself an
outbox mutation (class A + B, sync.md §7), so it syncs, replays and conflicts like any other edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app import syncproto as P
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.storage import outbox_repo
from inspector_app.storage.sync_orm import ConflictLocalRow, SyncRecordRow
from inspector_app.sync import local

KIND_LABELS_ZH = {
    "concurrent_edit": "同一字段被不同设备改成了不同的值",
    "edit_after_delete": "记录已删除后又被修改",
    "record_signed": "记录已签字，之后的修改未被采纳",
    "sign_mismatch": "签字内容与服务器上的内容不一致",
    "missing_parent": "所属记录尚未到达服务器，修改暂存待处理",
    "approval_hash_mismatch": "审核针对的版本与已签字版本不一致",
    "rejected": "修改被服务器拒绝",
}

Choice = Literal["server", "client", "value"]


@dataclass(frozen=True)
class ConflictView:
    conflict_id: str
    entity: str
    entity_id: str
    field: str | None
    kind: str
    label: str
    base_value: Any
    server_value: Any
    client_value: Any
    reason: str | None
    payload: Any
    can_apply: bool          # a field conflict where either value can be chosen


def list_conflicts(ctx: ServiceContext, include_rejected: bool = False) -> list[ConflictView]:
    with ctx.read() as s:
        q = select(ConflictLocalRow).where(ConflictLocalRow.status == "open")
        if not include_rejected:
            q = q.where(ConflictLocalRow.kind != "rejected")
        rows = s.scalars(q.order_by(ConflictLocalRow.seq)).all()
        return [ConflictView(r.conflict_id, r.entity, r.entity_id, r.field, r.kind,
                             KIND_LABELS_ZH.get(r.kind, r.kind), r.base_value, r.server_value, r.client_value,
                             r.reason, r.payload,
                             r.field is not None and r.kind in ("concurrent_edit", "edit_after_delete"))
                for r in rows]


def resolve(ctx: ServiceContext, actor: Actor, conflict_id: str, choice: Choice, value: Any = None) -> str:
    """Resolve a conflict: keep the server's value, take the client's, or set another value.

    Returns the resolution's mutation id. The compare-and-set uses the server value this client last saw, so a
    resolution racing another edit becomes a new conflict on the server instead of overwriting it."""
    with ctx.unit(actor) as uow:
        s = uow.session
        c = s.get(ConflictLocalRow, conflict_id)
        if c is None or c.status != "open":
            raise ValidationError("conflict.not_open", QT_TRANSLATE_NOOP(
                "Errors", "The conflict does not exist or has been dealt with already."))
        payload: dict[str, Any] = {"conflict_id": conflict_id, "choice": choice, "apply": False}
        if choice in ("client", "value"):
            if c.field is None or c.kind not in ("concurrent_edit", "edit_after_delete"):
                raise ValidationError("conflict.server_value_only", QT_TRANSLATE_NOOP(
                    "Errors", "For this kind of conflict only the server's content can be kept."))
            rec = s.get(SyncRecordRow, (c.entity, c.entity_id))
            current = (rec.server_data or {}).get(c.field) if rec is not None else c.server_value
            chosen = c.client_value if choice == "client" else value
            spec = P.ENTITIES.get(c.entity)
            if spec is not None:
                try:
                    P.validate_data(spec, {c.field: chosen}, partial=True)
                except P.PermanentError as exc:
                    raise ValidationError("conflict.invalid_value", QT_TRANSLATE_NOOP(
                        "Errors", "The value is not valid: {detail}"), detail=exc.message) from None
            payload.update({"field": c.field, "apply": True, "value": chosen, "old": current})
        else:
            payload["field"] = c.field
        row = outbox_repo.enqueue(s, c.entity, c.entity_id, "resolve", payload, uow.now,
                                  int(uow.now.timestamp() * 1000))
        chain = _chain(s, c.entity, c.entity_id)
        uow.journal(chain, "sync.conflict_resolved", {"conflict_id": conflict_id, "entity": c.entity,
                                                      "id": c.entity_id, "field": c.field, "choice": choice})
        c.status, c.resolution_mutation = "resolving", row.mutation_id
        s.flush()
        local.materialize(s, c.entity, c.entity_id)
        return row.mutation_id


def _chain(s: Any, entity: str, rid: str) -> str:
    if entity == "inspection":
        return rid
    rec = s.get(SyncRecordRow, (entity, rid))
    data = rec.server_data if rec is not None else None
    return local.parent_of(entity, data) or rid
