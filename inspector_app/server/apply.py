"""Applying one mutation (sync.md §7): create/append, per-field compare-and-set patches and deletes, sign,
resolve, and the missing-parent backlog replayed when a parent arrives. The caller (sync_service.push) wraps each
mutation in a savepoint; a PermanentError becomes a recorded `rejected` outcome (F4)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.server import confidential
from inspector_app.server.auth import principal
from inspector_app.server.authorise import (
    _authorise,
    _authorise_intake,
    _fallback_team,
    _require_reviewer,
    assigned_team,
)
from inspector_app.server.feed import (
    CONFLICT_ENTITY,
    RECORD_CACHE,
    Ctx,
    MutationIn,
    Outcome,
    add_conflict,
    buffered_version,
    emit,
    flush_bulk,
    flag_record,
    get_record,
    remember_record,
    root_inspection,
    write_version,
)
from inspector_app.server.models import Client, Conflict, Record, RecordVersion, User


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
    elif spec.team_scope == "shared":
        team_id = None  # every team sees it (a campaign); only intake roles create it
    elif spec.team_scope == "institution":
        team_id = assigned_team(c, data.get("institution_id")) or _fallback_team(c)
        if team_id is None:
            raise P.PermanentError("no_team", "该机构未分配检查组，账号也未分配检查组：请管理员先分配机构")
    else:
        wanted = data.get("team_id")
        if wanted is not None and not c.who.can_write(wanted):
            raise P.PermanentError("forbidden_team", f"你不在检查组 {wanted} 中")
        team_id = wanted or _fallback_team(c)
        if team_id is None:
            raise P.PermanentError("no_team", "账号未分配检查组，不能新建检查")
    _authorise_intake(c, spec, team_id)
    existing = get_record(c.s, spec.name, rid)
    if existing is not None:
        pending = buffered_version(c.s, spec.name, rid, 1)
        first = c.s.get(RecordVersion, (spec.name, rid, 1)) if pending is None else None
        original = pending["data"] if pending is not None else first.data if first is not None else existing.data
        if P.same(original, data):
            return Outcome("noop", version=existing.version, record_id=rid)
        raise P.PermanentError("id_clash", f"{spec.name} {rid} already exists with different content")
    root = parent if parent is not None and parent.entity == "inspection" else (
        root_inspection(c.s, spec, data) if parent is not None else None)
    confidential.check_access(c, root)
    record_locked = root is not None and root.state == "signed" and P.signed_with_record(spec.name, data)
    if record_locked or _frozen_by_reinspection(c, spec, data):
        cid = add_conflict(c, entity=spec.name, rid=rid, kind="record_signed", team_id=team_id, op=m.op,
                           payload=m.payload, client=data,
                           reason="检查记录已签字，内容不能再增改" if record_locked
                           else "复查记录已签名，证据不能再增改")
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
    # No flush per record (issue 17): the batch's inserts go out together at the next query or the savepoint's
    # end; the unit of work orders them by the tables' foreign keys.
    remember_record(c.s, rec)
    confidential.on_created(c, rec)
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


DRAW_STEPS = {"seeded": frozenset({"drawn", "abandoned"}), "drawn": frozenset({"accepted", "abandoned"})}


def _draw_frozen(spec: P.EntitySpec, rec: Record, fields: dict[str, list[Any]]) -> bool:
    """A draw cannot be silently repeated until the result suits (issue 14): once drawn, its seed, rules, pool and
    result are fixed and only its workflow moves on (seeded → drawn → accepted, or abandoned with a reason); it is
    never deleted. Anything else is kept as a `record_signed` conflict, like an edit of a signed record."""
    if spec.name != "draw":
        return False
    current = rec.data.get("status")
    status = fields.get("status")
    if status is not None and not P.same(status[1], current) and status[1] not in DRAW_STEPS.get(current, ()):
        return True
    return "deleted" in fields or (current != "seeded" and bool(set(fields) - spec.workflow_fields))


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
    confidential.check_access(c, root)
    # Signing freezes the inspection's own fields (bar its workflow status) and the items signed with it; records
    # that follow the signature (documents gaining countersignatures, outcomes, rectifications) stay editable.
    locked = root is not None and root.state == "signed" and (
        bool(set(fields) - spec.workflow_fields) if spec.name == "inspection"
        else P.signed_with_record(spec.name, rec.data)) or _frozen_by_reinspection(c, spec, rec.data) \
        or _draw_frozen(spec, rec, fields)
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
        if "status" in result.applied:
            confidential.on_status_change(c, rec, fields["status"][0])
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
    if waiting:
        flush_bulk(c.s, stop=True)   # nested savepoints follow: from here on rows go into them (feed.start_bulk)
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
            c.s.info.pop(RECORD_CACHE, None)   # it may hold records the rollback just undid
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
