"""Push, pull, hello and reference-data import (sync.md §6–§8). Each request is one transaction; each mutation
runs in its own savepoint so a permanent failure is recorded as `rejected` without undoing its neighbours."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from inspector_app.domain.ids import new_id
from inspector_app.server import blob_access
from inspector_app import syncproto as P
from inspector_app.server.auth import Principal, principal
from inspector_app.server.db import current_epoch
from inspector_app.server.errors import ApiError
from inspector_app.server.models import (
    Change,
    Client,
    Conflict,
    Mutation,
    Record,
    RecordVersion,
    SyncCounter,
    User,
)

log = logging.getLogger(__name__)
CONFLICT_ENTITY = "_conflict"


@dataclass
class MutationIn:
    client_seq: int
    mutation_id: str
    entity: str
    entity_id: str
    op: str
    payload: dict[str, Any]
    hlc: str = ""


@dataclass
class Ctx:
    s: Session
    who: Principal
    client_id: str
    mutation_id: str
    hlc: str
    now: dt.datetime
    depth: int = 0
    feed: list[list[Any]] = field(default_factory=list)   # change rows waiting for their seq (see flush_feed)
    backlog: bool = True                                  # are any mutations parked as missing_parent?


class Outcome:
    def __init__(self, outcome: str, version: int | None = None, conflict_ids: Sequence[str] = (),
                 conflict_fields: Sequence[str] = (), reason: str | None = None, message: str | None = None,
                 record_id: str | None = None):
        self.outcome, self.version, self.reason, self.message = outcome, version, reason, message
        self.conflict_ids, self.conflict_fields, self.record_id = list(conflict_ids), list(conflict_fields), record_id

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"outcome": self.outcome}
        if self.version is not None:
            d["version"] = self.version
        if self.conflict_ids:
            d["conflict_ids"] = self.conflict_ids
        if self.conflict_fields:
            d["conflict_fields"] = self.conflict_fields
        if self.reason:
            d["reason"] = self.reason
        if self.message:
            d["message"] = self.message
        if self.record_id:
            d["record_id"] = self.record_id
        return d


# ---------------------------------------------------------------------------------------------- helpers

def lock_counter(s: Session) -> None:
    # Taken first by every writer, so the lock order is always (client row →) counter → records: no deadlocks.
    s.execute(select(SyncCounter.seq).where(SyncCounter.id == 1).with_for_update()).scalar_one()


def emit(c: Ctx, entity: str, rid: str, version: int, team_id: str | None, conflict: Conflict | None = None) -> None:
    """Queue a change row; `flush_feed` numbers the whole request's rows with one counter update."""
    c.feed.append([entity, rid, version, team_id, conflict])


def flush_feed(s: Session, feed: list[list[Any]]) -> None:
    """Allocate seqs for all queued changes from the counter row (locked since the request began, so the
    numbers still follow commit order) and insert them in the order they happened."""
    if not feed:
        return
    top = s.execute(update(SyncCounter).where(SyncCounter.id == 1).values(seq=SyncCounter.seq + len(feed))
                    .returning(SyncCounter.seq)).scalar_one()
    first = top - len(feed) + 1
    for n, (entity, rid, version, team_id, conflict) in enumerate(feed):
        s.add(Change(seq=first + n, entity=entity, id=rid, version=version, team_id=team_id))
        if conflict is not None and conflict.created_seq is None:
            conflict.created_seq = first + n
    feed.clear()


def get_record(s: Session, entity: str, rid: str) -> Record | None:
    return s.get(Record, (entity, rid), with_for_update=True, populate_existing=True)


def root_inspection(s: Session, spec: P.EntitySpec, data: dict[str, Any]) -> Record | None:
    """Walk parent keys up to the inspection that owns this record (evidence_link → evidence → inspection)."""
    cur_spec, cur_data = spec, data
    for _ in range(4):
        if cur_spec.parent_entity is None or cur_spec.parent_key is None:
            return None
        parent = get_record(s, cur_spec.parent_entity, str(cur_data.get(cur_spec.parent_key)))
        if parent is None:
            return None
        if parent.entity == "inspection":
            return parent
        cur_spec, cur_data = P.ENTITIES[parent.entity], parent.data
    return None


def add_conflict(c: Ctx, *, entity: str, rid: str, kind: str, team_id: str | None, field: str | None = None,
                 base: Any = None, server: Any = None, client: Any = None, op: str | None = None,
                 payload: Any = None, reason: str | None = None, parent_id: str | None = None) -> str:
    cid = new_id()
    row = Conflict(conflict_id=cid, entity=entity, id=rid, field=field, kind=kind, base_value=base,
                   server_value=server, client_value=client, op=op, payload=payload, reason=reason,
                   mutation_id=c.mutation_id, client_id=c.client_id, team_id=team_id, parent_id=parent_id,
                   status="open", created_seq=None, created_at=c.now)
    c.s.add(row)
    emit(c, CONFLICT_ENTITY, cid, 1, team_id, row)
    if kind == "missing_parent":
        c.backlog = True
    return cid


def flag_record(c: Ctx, rec: Record) -> None:
    """A conflict changes what every client must show for the record, so it also goes into the feed."""
    if not rec.has_open_conflict:
        rec.has_open_conflict = True
    emit(c, rec.entity, rec.id, rec.version, rec.team_id)


def write_version(c: Ctx, rec: Record, op: str, changed: dict[str, list[Any]]) -> None:
    c.s.add(RecordVersion(entity=rec.entity, id=rec.id, version=rec.version, data=rec.data,
                          mutation_id=c.mutation_id, client_id=c.client_id, op=op, changed_fields=changed,
                          at=c.now))
    spec = P.ENTITIES.get(rec.entity)
    sha = rec.data.get(spec.blob_field) if spec is not None and spec.blob_field else None
    if isinstance(sha, str) and P.SHA256_RE.match(sha):   # every blob a record ever pointed at (countersigned PDFs)
        blob_access.add_ref(c.s, c.who, rec.entity, rec.id, sha, c.now)
    emit(c, rec.entity, rec.id, rec.version, rec.team_id)


def _authorise(c: Ctx, team_id: str | None) -> None:
    if not c.who.can_write(team_id):
        raise P.PermanentError("forbidden_team", "该记录不属于你所在的检查组，无权修改")


# ---------------------------------------------------------------------------------------------- apply

LEAD_ROLES = frozenset({"team_lead", "admin"})
LEAD_STATUSES = frozenset({"under_review", "returned", "approved", "closed"})


def _require_reviewer(c: Ctx, m: MutationIn) -> None:
    """Review decisions are the team lead's: an inspector's approval, return or review status is refused."""
    if c.who.role in LEAD_ROLES:
        return
    payload = m.payload if isinstance(m.payload, dict) else {}
    if m.entity == "review_event" and m.op in ("create", "append"):
        data = payload.get("data") if isinstance(payload.get("data"), dict) else {}
        if data.get("kind") in ("approve", "return"):
            raise P.PermanentError("forbidden_role", "只有检查组组长（审核人）可以批准或退回检查记录")
    if m.entity == "inspection" and m.op == "patch":
        fields = payload.get("fields") if isinstance(payload.get("fields"), dict) else {}
        status = fields.get("status")
        if isinstance(status, list) and len(status) == 2 and status[1] in LEAD_STATUSES:
            raise P.PermanentError("forbidden_role", "只有检查组组长（审核人）可以审核、退回、批准或结案")

def apply_mutation(c: Ctx, m: MutationIn) -> Outcome:
    spec = P.ENTITIES[m.entity]
    if spec.klass == "D":
        raise P.PermanentError("reference_data", "花名册和检查表由服务器统一维护，客户端不能修改")
    if c.who.role not in spec.roles:
        raise P.PermanentError("forbidden_role", f"角色 {c.who.role} 不能提交 {m.entity}")
    _require_reviewer(c, m)
    if m.op in ("create", "append"):
        return _create(c, spec, m)
    if m.op in ("patch", "delete"):
        return _patch(c, spec, m)
    if m.op == "sign":
        return _sign(c, m)
    if m.op == "resolve":
        return _resolve(c, spec, m)
    raise P.PermanentError("unknown_op", f"unknown op {m.op}")


def _missing_parent(c: Ctx, spec: P.EntitySpec, m: MutationIn, rid: str, waiting_for: str,
                    team_id: str | None) -> Outcome:
    cid = add_conflict(c, entity=spec.name, rid=rid, kind="missing_parent", team_id=team_id, op=m.op,
                       payload=m.payload, client=m.payload, parent_id=waiting_for,
                       reason=f"waiting for {waiting_for}")
    return Outcome("conflict", conflict_ids=[cid], reason="missing_parent", record_id=rid)


def _fallback_team(c: Ctx) -> str | None:
    return c.who.teams[0] if c.who.teams else None


def _create(c: Ctx, spec: P.EntitySpec, m: MutationIn) -> Outcome:
    data = P.validate_data(spec, P.create_data(m.payload, spec.name), partial=False)
    if spec.klass == "B" and m.op != "create":
        raise P.PermanentError("unknown_op", f"{spec.name} is created with op=create")
    rid = P.record_id(spec, m.entity_id, data)
    parent: Record | None = None
    parent_id = rid if spec.parent_is_id else (str(data.get(spec.parent_key)) if spec.parent_key else None)
    if parent_id is not None:
        parent = get_record(c.s, spec.parent_entity or "", parent_id)
        if parent is None:
            return _missing_parent(c, spec, m, rid, parent_id, _fallback_team(c))
        team_id = parent.team_id
    else:
        wanted = data.get("team_id")
        if wanted is not None and not c.who.can_write(wanted):
            raise P.PermanentError("forbidden_team", f"你不在检查组 {wanted} 中")
        team_id = wanted or _fallback_team(c)
        if team_id is None:
            raise P.PermanentError("no_team", "账号未分配检查组，不能新建检查")
    _authorise(c, team_id)
    existing = get_record(c.s, spec.name, rid)
    if existing is not None:
        first = c.s.get(RecordVersion, (spec.name, rid, 1))
        original = first.data if first is not None else existing.data
        if P.same(original, data):
            return Outcome("noop", version=existing.version, record_id=rid)
        raise P.PermanentError("id_clash", f"{spec.name} {rid} already exists with different content")
    root = parent if parent is not None and parent.entity == "inspection" else (
        root_inspection(c.s, spec, data) if parent is not None else None)
    record_locked = root is not None and root.state == "signed" and P.signed_with_record(spec.name, data)
    if record_locked or _frozen_by_reinspection(c, spec, data):
        cid = add_conflict(c, entity=spec.name, rid=rid, kind="record_signed", team_id=team_id, op=m.op,
                           payload=m.payload, client=data,
                           reason="检查记录已签字，内容不能再增改" if record_locked else "复查记录已签名，证据不能再增改")
        if root is not None:
            flag_record(c, root)
        return Outcome("conflict", conflict_ids=[cid], reason="record_signed", record_id=rid)
    if spec.name == "approval":
        if root is None or root.state != "signed" or root.content_hash != data["content_hash"]:
            cid = add_conflict(c, entity=spec.name, rid=rid, kind="approval_hash_mismatch", team_id=team_id,
                               op=m.op, payload=m.payload, client=data["content_hash"],
                               server=root.content_hash if root else None,
                               reason="审核所针对的内容与已签字版本不一致")
            return Outcome("conflict", conflict_ids=[cid], reason="approval_hash_mismatch", record_id=rid)
    rec = Record(entity=spec.name, id=rid, version=1, data=data, state="draft", deleted=bool(data.get("deleted")),
                 team_id=team_id, parent_id=parent_id,
                 has_open_conflict=False, updated_hlc=m.hlc, updated_by=c.who.name)
    c.s.add(rec)
    c.s.flush()
    write_version(c, rec, m.op, {k: [None, v] for k, v in data.items()})
    _replay_backlog(c, rid)
    return Outcome("applied", version=1, record_id=rid)


def _frozen_by_reinspection(c: Ctx, spec: P.EntitySpec, data: dict[str, Any]) -> bool:
    """A signed re-inspection (content_hash set) freezes itself and the evidence taken at it."""
    if spec.name == "reinspection":
        return bool(data.get("content_hash"))
    if spec.name == "evidence" and data.get("reinspection_id"):
        rein = get_record(c.s, "reinspection", str(data["reinspection_id"]))
        return rein is not None and bool(rein.data.get("content_hash"))
    return False


def _patch(c: Ctx, spec: P.EntitySpec, m: MutationIn) -> Outcome:
    if spec.klass != "B":
        raise P.PermanentError("append_only", f"{spec.name} 只能追加，不能修改")
    fields = P.patch_fields(m.payload, m.op)
    P.validate_data(spec, {f: new for f, (_old, new) in fields.items()}, partial=True)
    rec = get_record(c.s, spec.name, m.entity_id)
    if rec is None:
        return _missing_parent(c, spec, m, m.entity_id, m.entity_id, _fallback_team(c))
    _authorise(c, rec.team_id)
    root = rec if spec.name == "inspection" else root_inspection(c.s, spec, rec.data)
    # Signing freezes the inspection's own fields (bar its workflow status) and the items signed with it; records
    # that follow the signature (documents gaining countersignatures, outcomes, rectifications) stay editable.
    locked = root is not None and root.state == "signed" and (
        bool(set(fields) - spec.workflow_fields) if spec.name == "inspection"
        else P.signed_with_record(spec.name, rec.data)) or _frozen_by_reinspection(c, spec, rec.data)
    if locked or (rec.deleted and "deleted" not in fields):
        kind = "record_signed" if locked else "edit_after_delete"
        ids = []
        for f, (old, new) in sorted(fields.items()):
            if P.same(rec.data.get(f), new):
                continue
            ids.append(add_conflict(c, entity=spec.name, rid=rec.id, kind=kind, team_id=rec.team_id, field=f,
                                    base=old, server=rec.data.get(f), client=new, op=m.op, payload=m.payload))
        if not ids:
            return Outcome("noop", version=rec.version, record_id=rec.id)
        flag_record(c, rec)
        return Outcome("conflict", conflict_ids=ids, conflict_fields=sorted(fields), reason=kind,
                       record_id=rec.id)
    result = P.apply_patch(rec.data, fields)
    ids = []
    for f, base, server, client in result.conflicts:
        ids.append(add_conflict(c, entity=spec.name, rid=rec.id, kind="concurrent_edit", team_id=rec.team_id,
                                field=f, base=base, server=server, client=client, op=m.op, payload=m.payload))
    if result.changed:
        rec.data = result.data
        rec.deleted = bool(result.data.get("deleted"))
        rec.version += 1
        rec.updated_hlc, rec.updated_by = m.hlc, c.who.name
        if ids:
            rec.has_open_conflict = True
        write_version(c, rec, m.op, {f: [fields[f][0], fields[f][1]] for f in result.applied})
    elif ids:
        flag_record(c, rec)
    if ids:
        return Outcome("conflict", version=rec.version, conflict_ids=ids,
                       conflict_fields=[x[0] for x in result.conflicts], reason="concurrent_edit", record_id=rec.id)
    return Outcome("applied" if result.changed else "noop", version=rec.version, record_id=rec.id)


def children_of(s: Session, inspection_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    rows = s.scalars(select(Record).where(Record.parent_id == inspection_id,
                                          Record.entity.in_(P.SIGNED_CHILDREN))).all()
    return [(r.entity, r.id, r.data) for r in rows]


def _sign(c: Ctx, m: MutationIn) -> Outcome:
    claimed = m.payload.get("content_hash")
    if not isinstance(claimed, str) or not P.SHA256_RE.match(claimed):
        raise P.PermanentError("invalid_payload", "sign needs content_hash (SHA-256 hex)")
    rec = get_record(c.s, "inspection", m.entity_id)
    if rec is None:
        return _missing_parent(c, P.ENTITIES["inspection"], m, m.entity_id, m.entity_id, _fallback_team(c))
    _authorise(c, rec.team_id)
    if rec.state == "signed":
        if rec.content_hash == claimed:
            return Outcome("noop", version=rec.version, record_id=rec.id)
        cid = add_conflict(c, entity="inspection", rid=rec.id, kind="record_signed", team_id=rec.team_id,
                           server=rec.content_hash, client=claimed, op="sign", payload=m.payload,
                           reason="检查记录已按另一版本签字")
        flag_record(c, rec)
        return Outcome("conflict", conflict_ids=[cid], reason="record_signed", record_id=rec.id)
    actual = P.signing_hash(rec.data, children_of(c.s, rec.id))
    if actual != claimed:
        cid = add_conflict(c, entity="inspection", rid=rec.id, kind="sign_mismatch", team_id=rec.team_id,
                           server=actual, client=claimed, op="sign", payload=m.payload,
                           reason="签字所依据的内容与服务器上的内容不一致，需人工核对")
        flag_record(c, rec)
        return Outcome("conflict", conflict_ids=[cid], reason="sign_mismatch", record_id=rec.id)
    old_status = rec.data.get("status")
    rec.data = {**rec.data, "status": "signed"}
    rec.state, rec.content_hash = "signed", actual
    rec.version += 1
    rec.updated_hlc, rec.updated_by = m.hlc, c.who.name
    write_version(c, rec, "sign", {"status": [old_status, "signed"]})
    return Outcome("applied", version=rec.version, record_id=rec.id)


def _resolve(c: Ctx, spec: P.EntitySpec, m: MutationIn) -> Outcome:
    cid = m.payload.get("conflict_id")
    if not isinstance(cid, str):
        raise P.PermanentError("invalid_payload", "resolve needs conflict_id")
    conflict = c.s.get(Conflict, cid, with_for_update=True, populate_existing=True)
    if conflict is None:
        raise P.PermanentError("unknown_conflict", f"conflict {cid} does not exist")
    if not c.who.can_write(conflict.team_id):
        raise P.PermanentError("forbidden_team", "无权处理该冲突")
    apply = bool(m.payload.get("apply")) and conflict.field is not None and conflict.kind in (
        "concurrent_edit", "edit_after_delete")
    rec = get_record(c.s, conflict.entity, conflict.id)
    if apply and rec is not None:
        f = conflict.field or ""
        value, old = m.payload.get("value"), m.payload.get("old")
        P.validate_data(P.ENTITIES[conflict.entity], {f: value}, partial=True)
        cur = rec.data.get(f)
        if P.same(cur, old) or P.same(cur, value):
            if not P.same(cur, value):
                rec.data = {**rec.data, f: value}
                rec.deleted = bool(rec.data.get("deleted"))
                rec.version += 1
                rec.updated_hlc, rec.updated_by = m.hlc, c.who.name
                write_version(c, rec, "resolve", {f: [old, value]})
        else:  # someone changed the field again meanwhile: the racing resolution is itself kept as a conflict
            new = add_conflict(c, entity=rec.entity, rid=rec.id, kind="concurrent_edit", team_id=rec.team_id,
                               field=f, base=old, server=cur, client=value, op="resolve", payload=m.payload)
            flag_record(c, rec)
            return Outcome("conflict", version=rec.version, conflict_ids=[new], conflict_fields=[f],
                           reason="concurrent_edit", record_id=rec.id)
    if conflict.status == "open":
        conflict.status, conflict.resolved_by_mutation = "resolved", c.mutation_id
        emit(c, CONFLICT_ENTITY, conflict.conflict_id, 2, conflict.team_id)
    if rec is not None:
        _refresh_flag(c, rec)
    return Outcome("applied", version=rec.version if rec else None, record_id=conflict.id)


def _refresh_flag(c: Ctx, rec: Record) -> None:
    c.s.flush()
    still = c.s.scalar(select(Conflict.conflict_id).where(Conflict.entity == rec.entity, Conflict.id == rec.id,
                                                          Conflict.status == "open").limit(1))
    if rec.has_open_conflict != (still is not None):
        rec.has_open_conflict = still is not None
        emit(c, rec.entity, rec.id, rec.version, rec.team_id)


def _replay_backlog(c: Ctx, created_id: str) -> None:
    """A record arrived: re-evaluate the mutations parked as `missing_parent` on it (ODK Central's backlog)."""
    if c.depth > 4 or not c.backlog:
        return
    c.s.flush()
    waiting = c.s.scalars(select(Conflict).where(Conflict.parent_id == created_id, Conflict.status == "open",
                                                 Conflict.kind == "missing_parent")
                          .order_by(Conflict.created_at, Conflict.conflict_id)).all()
    for conflict in waiting:
        owner = c.s.scalar(select(User).join(Client, Client.user_id == User.id)
                           .where(Client.client_id == conflict.client_id))
        if owner is None:
            continue
        sub = Ctx(c.s, principal(c.s, owner), conflict.client_id or "", conflict.mutation_id or "", c.hlc, c.now,
                  c.depth + 1, c.feed, c.backlog)
        m = MutationIn(0, conflict.mutation_id or "", conflict.entity, conflict.id, conflict.op or "",
                       conflict.payload or {})
        mark = len(c.feed)
        sp = c.s.begin_nested()
        try:
            out = apply_mutation(sub, m)
        except P.PermanentError as exc:
            sp.rollback()
            del c.feed[mark:]
            conflict.kind, conflict.reason = "rejected", f"{exc.reason}: {exc.message}"
            emit(c, CONFLICT_ENTITY, conflict.conflict_id, 2, conflict.team_id)
            continue
        sp.commit()
        if out.reason == "missing_parent":
            # still waiting (for a grandparent): drop the duplicate parking row just made, keep the original
            for dup in out.conflict_ids:
                row = c.s.get(Conflict, dup)
                if row is not None:
                    row.status, row.resolved_by_mutation = "resolved", conflict.mutation_id
            continue
        conflict.status, conflict.resolved_by_mutation = "resolved", f"auto:{out.outcome}"
        emit(c, CONFLICT_ENTITY, conflict.conflict_id, 2, conflict.team_id)


# ---------------------------------------------------------------------------------------------- endpoints

def hello(s: Session, who: Principal, client_id: str, app_version: str, schema_version: int,
          now: dt.datetime) -> dict[str, Any]:
    client = s.get(Client, client_id, with_for_update=True)
    if client is None:
        client = Client(client_id=client_id, user_id=who.user_id, last_seq=0, app_version=app_version,
                        schema_version=schema_version, created_at=now, last_seen_at=now)
        s.add(client)
    elif client.user_id != who.user_id:
        raise ApiError(403, "client_not_yours", "该设备编号已登记给另一个用户")
    else:
        client.app_version, client.schema_version, client.last_seen_at = app_version, schema_version, now
    return {"epoch": current_epoch(s), "last_seq": client.last_seq, "server_time": now.isoformat(),
            "scope_hash": P.scope_hash(who.role, who.teams), "schema_version": P.SCHEMA_VERSION,
            "user": {"id": who.user_id, "name": who.name, "role": who.role, "teams": list(who.teams)}}


def push(s: Session, who: Principal, client_id: str, epoch: str, mutations: list[MutationIn],
         now: dt.datetime, fault: Callable[[MutationIn], None] | None = None) -> dict[str, Any]:
    client = s.get(Client, client_id, with_for_update=True)
    server_epoch = current_epoch(s)
    if client is not None and client.user_id != who.user_id:
        raise ApiError(403, "client_not_yours", "该设备编号已登记给另一个用户")
    if epoch != server_epoch:
        raise ApiError(409, "epoch_mismatch", "服务器已从备份恢复或迁移，请重新握手后再同步",
                       epoch=server_epoch, last_seq=client.last_seq if client else 0)
    if client is None:
        raise ApiError(409, "unknown_client", "设备未登记，请先握手（hello）", epoch=server_epoch, last_seq=0)
    results: list[dict[str, Any]] = []
    counter_locked = False
    feed: list[list[Any]] = []
    parked = s.scalar(select(Conflict.conflict_id).where(Conflict.kind == "missing_parent",
                                                         Conflict.status == "open").limit(1)) is not None
    for m in sorted(mutations, key=lambda x: x.client_seq):
        if m.client_seq <= client.last_seq:
            prev = s.get(Mutation, (client_id, m.client_seq))
            if prev is None or prev.mutation_id != m.mutation_id:
                raise ApiError(409, "seq_reused", "客户端重复使用了序号（数据可能已损坏），请联系管理员",
                               client_seq=m.client_seq, last_seq=client.last_seq)
            results.append({**prev.result, "duplicate": True})
            continue
        if m.client_seq != client.last_seq + 1:
            break  # a gap: the client re-sends from last_seq + 1
        if s.scalar(select(Mutation.client_seq).where(Mutation.mutation_id == m.mutation_id)) is not None:
            raise ApiError(409, "mutation_id_reused", "变更编号已被使用", client_seq=m.client_seq)
        if not counter_locked:
            lock_counter(s)
            counter_locked = True
        ctx = Ctx(s, who, client_id, m.mutation_id, m.hlc, now, 0, feed, parked)
        mark = len(feed)
        sp = s.begin_nested()
        try:
            if fault is not None:
                fault(m)
            out = apply_mutation(ctx, m)
            sp.commit()
            parked = ctx.backlog
        except P.PermanentError as exc:
            sp.rollback()
            del feed[mark:]
            cid = add_conflict(ctx, entity=m.entity, rid=m.entity_id, kind="rejected", team_id=_fallback_team(ctx),
                               op=m.op, payload=m.payload, client=m.payload, reason=f"{exc.reason}: {exc.message}")
            out = Outcome("rejected", conflict_ids=[cid], reason=exc.reason, message=exc.message)
        except OperationalError:
            sp.rollback()
            del feed[mark:]
            log.warning("transient database error on %s/%s; the client retries", client_id, m.client_seq,
                        exc_info=True)
            break
        result = {"client_seq": m.client_seq, "mutation_id": m.mutation_id, **out.as_dict()}
        s.add(Mutation(client_id=client_id, client_seq=m.client_seq, mutation_id=m.mutation_id, entity=m.entity,
                       entity_id=m.entity_id, op=m.op, payload=m.payload, hlc=m.hlc, outcome=out.outcome,
                       reason=out.reason, result=result, user_id=who.user_id, received_at=now))
        client.last_seq = m.client_seq
        results.append(result)
    flush_feed(s, feed)
    client.last_seen_at = now
    return {"epoch": server_epoch, "last_seq": client.last_seq, "results": results, "server_time": now.isoformat()}


def conflict_json(c: Conflict) -> dict[str, Any]:
    return {"conflict_id": c.conflict_id, "entity": c.entity, "id": c.id, "field": c.field, "kind": c.kind,
            "base_value": c.base_value, "server_value": c.server_value, "client_value": c.client_value,
            "op": c.op, "payload": c.payload, "reason": c.reason, "mutation_id": c.mutation_id,
            "client_id": c.client_id, "status": c.status, "resolved_by_mutation": c.resolved_by_mutation,
            "created_seq": c.created_seq}


def record_json(r: Record, seq: int) -> dict[str, Any]:
    return {"seq": seq, "entity": r.entity, "id": r.id, "version": r.version, "data": r.data,
            "deleted": r.deleted, "state": r.state, "has_open_conflict": r.has_open_conflict,
            "team_id": r.team_id, "content_hash": r.content_hash}


def pull(s: Session, who: Principal, epoch: str | None, cursor: int, limit: int) -> dict[str, Any]:
    server_epoch = current_epoch(s)
    if epoch is not None and epoch != server_epoch:
        raise ApiError(409, "epoch_mismatch", "服务器已从备份恢复或迁移，请重新握手后再同步", epoch=server_epoch)
    rows = s.scalars(select(Change).where(Change.seq > cursor).order_by(Change.seq).limit(limit)).all()
    # next_cursor is the last seq *scanned*, not the last one returned after filtering (§8.2).
    next_cursor = rows[-1].seq if rows else cursor
    latest: dict[tuple[str, str], int] = {}
    for ch in rows:
        if who.can_see(ch.team_id):
            latest[(ch.entity, ch.id)] = ch.seq
    items, conflicts = [], []
    for (entity, rid), seq in sorted(latest.items(), key=lambda kv: kv[1]):
        if entity == CONFLICT_ENTITY:
            c = s.get(Conflict, rid)
            if c is not None:
                conflicts.append({**conflict_json(c), "seq": seq})
        else:
            r = s.get(Record, (entity, rid))
            if r is not None:
                items.append(record_json(r, seq))
    return {"epoch": server_epoch, "scope_hash": P.scope_hash(who.role, who.teams), "items": items,
            "conflicts": conflicts, "next_cursor": next_cursor, "has_more": len(rows) == limit,
            "schema_version": P.SCHEMA_VERSION}


def import_reference(s: Session, who: Principal, entity: str, items: list[dict[str, Any]],
                     now: dt.datetime) -> dict[str, Any]:
    """Admins publish rosters and checklist templates (class D). Each change is a new record version."""
    lock_counter(s)
    ctx = Ctx(s, who, "admin", new_id(), "", now)
    created = updated = unchanged = 0
    for item in items:
        rid, data = item["id"], item["data"]
        rec = get_record(s, entity, rid)
        if rec is None:
            rec = Record(entity=entity, id=rid, version=1, data=data, state="draft", deleted=False, team_id=None,
                         parent_id=None, has_open_conflict=False, updated_by=who.name)
            s.add(rec)
            s.flush()
            write_version(ctx, rec, "import", {k: [None, v] for k, v in data.items()})
            created += 1
        elif P.same(rec.data, data):
            unchanged += 1
        elif entity == "template":
            raise ApiError(409, "template_immutable", f"检查表版本 {rid} 已存在且内容不同：模板版本不可修改，请发布新版本")
        else:
            changed = {k: [rec.data.get(k), data.get(k)] for k in set(rec.data) | set(data)
                       if not P.same(rec.data.get(k), data.get(k))}
            rec.data = data
            rec.deleted = bool(data.get("deleted"))
            rec.version += 1
            write_version(ctx, rec, "import", changed)
            updated += 1
    flush_feed(s, ctx.feed)
    return {"created": created, "updated": updated, "unchanged": unchanged}
