"""Push, pull, hello and reference-data import (sync.md §6–§8). Each request is one transaction; each mutation
runs in its own savepoint so a permanent failure is recorded as `rejected` without undoing its neighbours.

The parts: feed.py (context, outcome, conflicts, versions, change feed), authorise.py (who may push what),
apply.py (one mutation). Their public names are re-exported here for the routes and the tests."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.domain.ids import new_id
from inspector_app.server import confidential
from inspector_app.server.apply import _replay_backlog, apply_mutation, children_of  # noqa: F401  (re-exported)
from inspector_app.server.auth import Principal
from inspector_app.server.authorise import _fallback_team
from inspector_app.server.db import current_epoch
from inspector_app.server.errors import ApiError
from inspector_app.server.feed import (  # noqa: F401  (re-exported)
    CONFLICT_ENTITY,
    RECORD_CACHE,
    Ctx,
    MutationIn,
    Outcome,
    add_conflict,
    add_mutation,
    drop_bulk,
    emit,
    flush_bulk,
    flush_feed,
    start_bulk,
    get_record,
    lock_counter,
    lock_scope,
    write_version,
)
from inspector_app.server.models import Change, Client, Conflict, Mutation, Record, ServerMeta

log = logging.getLogger(__name__)


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
    parked = s.scalar(select(Conflict.conflict_id).where(Conflict.kind == "missing_parent",
                                                         Conflict.status == "open").limit(1)) is not None
    batch = sorted(mutations, key=lambda x: x.client_seq)
    ids = [m.mutation_id for m in batch if m.client_seq > client.last_seq]
    taken = set(s.scalars(select(Mutation.mutation_id).where(Mutation.mutation_id.in_(ids)))) if ids else set()
    # Fast path (issue 17): the whole batch in one savepoint, with the records it touches locked and loaded in
    # one query per entity type. A mutation that fails (rejected, transient error) rolls the batch back, and
    # the batch is redone mutation by mutation, each in its own savepoint, as before.
    feed: list[list[Any]] = []
    sp = s.begin_nested()
    start_bulk(s)
    try:
        results = _apply_batch(s, who, client, batch, taken, now, fault, feed, parked, fast=True)
        flush_bulk(s, stop=True)
        sp.commit()
    except _SlowPath:
        sp.rollback()
        drop_bulk(s)
        s.info.pop(RECORD_CACHE, None)
        feed.clear()
        results = _apply_batch(s, who, client, batch, taken, now, fault, feed, parked, fast=False)
    finally:
        s.info.pop(RECORD_CACHE, None)
        drop_bulk(s)
    client.last_seen_at = now
    if feed:
        # The counter is taken last and held only for numbering and the commit (issue 17, sync.md §8.1): seq
        # order stays commit order, while the work of concurrent pushes of different clients overlaps.
        lock_counter(s)
        _late_backlog(s, who, client_id, now, feed)
    flush_feed(s, feed)
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


def _feed_page(s: Session, who: Principal, cursor: int, head: int, limit: int) -> Sequence[Any]:
    """The next `limit` changes in (cursor, head] that `who` may see, in seq order: the shared ones and those of
    each of its teams, each read as a range of the (team_id, seq) index and merged — so other teams' changes are
    never scanned (one `team IN (...) OR NULL` filter lets the planner walk the whole feed in seq order instead)."""
    cols = (Change.seq, Change.entity, Change.id, Change.team_id)
    window = (Change.seq > cursor, Change.seq <= head)
    if who.is_admin:
        return s.execute(select(*cols).where(*window).order_by(Change.seq).limit(limit)).all()
    scopes = [Change.team_id.is_(None), *(Change.team_id == t for t in sorted(set(who.teams)))]
    parts = [select(*cols).where(scope, *window).order_by(Change.seq).limit(limit).subquery() for scope in scopes]
    merged = union_all(*(select(part) for part in parts)).subquery()
    return s.execute(select(merged).order_by(merged.c.seq).limit(limit)).all()


_EPOCH_HEAD = select(select(ServerMeta.value).where(ServerMeta.key == "epoch").scalar_subquery(),
                     select(func.max(Change.seq)).scalar_subquery())


def pull(s: Session, who: Principal, epoch: str | None, cursor: int, limit: int) -> dict[str, Any]:
    # The epoch and the head in one statement (built once). The head first: every seq up to it is committed
    # (numbers are taken last and held to the commit, feed.py), so the read below, even in a later snapshot, sees
    # all of them; a change committed meanwhile is above the head.
    server_epoch, head = s.connection().execute(_EPOCH_HEAD).one()
    if server_epoch is None:
        raise RuntimeError("server database not initialised (no epoch): run migrations")
    if epoch is not None and epoch != server_epoch:
        raise ApiError(409, "epoch_mismatch", "服务器已从备份恢复或迁移，请重新握手后再同步", epoch=server_epoch)
    head = int(head or 0)
    # A client at the head (the idle round) gets its empty page without the feed being read.
    rows = _feed_page(s, who, cursor, head, limit) if cursor < head else []
    has_more = len(rows) == limit
    # next_cursor: the last seq served on a full page, else the head — other teams' changes are skipped, never
    # scanned page by page (§8.2).
    next_cursor = rows[-1].seq if has_more else max(head, cursor)
    latest: dict[tuple[str, str], int] = {}
    for ch in rows:
        if who.can_see(ch.team_id):
            latest[(ch.entity, ch.id)] = ch.seq
    # One query per entity type for the page (issue 17), not one per item.
    wanted: dict[str, list[str]] = {}
    for entity, rid in latest:
        wanted.setdefault(entity, []).append(rid)
    loaded: dict[tuple[str, str], Any] = {}
    for entity, rids in wanted.items():
        for n in range(0, len(rids), 500):
            chunk = rids[n:n + 500]
            if entity == CONFLICT_ENTITY:
                loaded.update(((entity, c.conflict_id), c) for c in s.scalars(
                    select(Conflict).where(Conflict.conflict_id.in_(chunk))))
            else:
                loaded.update(((entity, r.id), r) for r in s.scalars(
                    select(Record).where(Record.entity == entity, Record.id.in_(chunk))))
    drop = confidential.hidden(s, who, loaded)   # drafts of a draw before the visit; draws for planners only
    items, conflicts = [], []
    for key, seq in sorted(latest.items(), key=lambda kv: kv[1]):
        row = loaded.get(key)
        if row is None or key in drop:
            continue
        if key[0] == CONFLICT_ENTITY:
            conflicts.append({**conflict_json(row), "seq": seq})
        else:
            items.append(record_json(row, seq))
    return {"epoch": server_epoch, "scope_hash": P.scope_hash(who.role, who.teams), "items": items,
            "conflicts": conflicts, "next_cursor": next_cursor, "has_more": has_more,
            "schema_version": P.SCHEMA_VERSION}


def import_reference(s: Session, who: Principal, entity: str, items: list[dict[str, Any]],
                     now: dt.datetime) -> dict[str, Any]:
    """Admins publish rosters and checklist templates (class D). Each change is a new record version."""
    lock_scope(s, who)
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
            raise ApiError(409, "template_immutable",
                           f"检查表版本 {rid} 已存在且内容不同：模板版本不可修改，请发布新版本")
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


def _late_backlog(s: Session, who: Principal, client_id: str, now: dt.datetime, feed: list[list[Any]]) -> None:
    """Under the counter lock, re-check the missing-parent backlog against what other requests committed while
    this one ran (READ COMMITTED sees it now). Two pushes no longer serialise from their start, so a child can
    be parked by one while another creates its parent: whichever takes the counter second finds the other's
    committed row here — the parent (for the children this push parked) or the parked child (for the records
    this push created) — and replays the child, as the backlog does (apply._replay_backlog)."""
    ids = {e[1] for e in feed if e[4] is None and e[2] == 1 and e[0] != CONFLICT_ENTITY}
    ids |= {e[4].parent_id for e in feed if e[4] is not None and e[4].kind == "missing_parent" and e[4].parent_id}
    if not ids:
        return
    ordered = sorted(ids)
    by_entity: dict[str, set[str]] = {}   # where each awaited parent would be: its entity, by primary key
    for n in range(0, len(ordered), 500):
        for child, pid in s.execute(select(Conflict.entity, Conflict.parent_id).where(
                Conflict.kind == "missing_parent", Conflict.status == "open",
                Conflict.parent_id.in_(ordered[n:n + 500]))):
            spec = P.ENTITIES.get(child)
            for entity in {child, spec.parent_entity if spec is not None else None} - {None}:
                by_entity.setdefault(str(entity), set()).add(pid)
    present: set[str] = set()
    for entity, pids in sorted(by_entity.items()):
        present.update(s.scalars(select(Record.id).where(Record.entity == entity, Record.id.in_(sorted(pids)))))
    ctx = Ctx(s, who, client_id, new_id(), "", now, 0, feed, True)
    for pid in sorted(present):
        _replay_backlog(ctx, pid)


class _SlowPath(Exception):
    """A mutation of the fast path failed: redo the batch with a savepoint per mutation."""


def _preload_records(s: Session, batch: list[MutationIn]) -> None:
    """Lock and load, one query per entity type, the records a batch names and the parents its creates name,
    into the request's record cache (feed.get_record); absent ones are remembered as absent."""
    keys: dict[str, set[str]] = {}
    for m in batch:
        spec = P.ENTITIES.get(m.entity)
        if spec is None:
            continue
        payload = m.payload if isinstance(m.payload, dict) else {}
        data = P.create_data(payload, spec.name) if m.op in ("create", "append") else {}
        if isinstance(data, dict) and spec.id_keys:
            keys.setdefault(spec.name, set()).add(P.record_id(spec, m.entity_id, data))
        else:
            keys.setdefault(spec.name, set()).add(m.entity_id)
        if spec.parent_entity:
            parent = m.entity_id if spec.parent_is_id else (data.get(spec.parent_key) if isinstance(data, dict)
                                                            and spec.parent_key else None)
            if isinstance(parent, str):
                keys.setdefault(spec.parent_entity, set()).add(parent)
    cache: dict[tuple[str, str], Record | None] = {}
    for entity, rids in sorted(keys.items()):
        ordered = sorted(rids)
        for n in range(0, len(ordered), 500):
            chunk = ordered[n:n + 500]
            found = {r.id: r for r in s.scalars(
                select(Record).where(Record.entity == entity, Record.id.in_(chunk))
                .order_by(Record.id).with_for_update().execution_options(populate_existing=True))}
            for rid in chunk:
                cache[(entity, rid)] = found.get(rid)
    s.info[RECORD_CACHE] = cache


def _apply_batch(s: Session, who: Principal, client: Client, batch: list[MutationIn], taken: set[str],
                 now: dt.datetime, fault: Callable[[MutationIn], None] | None, feed: list[list[Any]],
                 parked: bool, *, fast: bool) -> list[dict[str, Any]]:
    client_id = client.client_id
    results: list[dict[str, Any]] = []
    used = set(taken)
    preloaded = False
    for m in batch:
        if m.client_seq <= client.last_seq:
            flush_bulk(s)   # a seq repeated within this batch: its outcome may still be in the buffer
            prev = s.get(Mutation, (client_id, m.client_seq))
            if prev is None or prev.mutation_id != m.mutation_id:
                raise ApiError(409, "seq_reused", "客户端重复使用了序号（数据可能已损坏），请联系管理员",
                               client_seq=m.client_seq, last_seq=client.last_seq)
            results.append({**prev.result, "duplicate": True})
            continue
        if m.client_seq != client.last_seq + 1:
            break  # a gap: the client re-sends from last_seq + 1
        if m.mutation_id in used:
            raise ApiError(409, "mutation_id_reused", "变更编号已被使用", client_seq=m.client_seq)
        used.add(m.mutation_id)
        if not preloaded:
            preloaded = True
            lock_scope(s, who)   # its teams, then records; the counter last (feed.py: the writers' lock order)
            if fast:
                _preload_records(s, batch)
        ctx = Ctx(s, who, client_id, m.mutation_id, m.hlc, now, 0, feed, parked)
        if fast:
            try:
                if fault is not None:
                    fault(m)
                out = apply_mutation(ctx, m)
            except (P.PermanentError, OperationalError) as exc:
                raise _SlowPath() from exc
            parked = ctx.backlog
        else:
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
                cid = add_conflict(ctx, entity=m.entity, rid=m.entity_id, kind="rejected",
                                   team_id=_fallback_team(ctx), op=m.op, payload=m.payload, client=m.payload,
                                   reason=f"{exc.reason}: {exc.message}")
                out = Outcome("rejected", conflict_ids=[cid], reason=exc.reason, message=exc.message)
            except OperationalError:
                sp.rollback()
                del feed[mark:]
                log.warning("transient database error on %s/%s; the client retries", client_id, m.client_seq,
                            exc_info=True)
                break
        result = {"client_seq": m.client_seq, "mutation_id": m.mutation_id, **out.as_dict()}
        add_mutation(s, {"client_id": client_id, "client_seq": m.client_seq, "mutation_id": m.mutation_id,
                         "entity": m.entity, "entity_id": m.entity_id, "op": m.op, "payload": m.payload,
                         "hlc": m.hlc, "outcome": out.outcome, "reason": out.reason, "result": result,
                         "user_id": who.user_id, "received_at": now})
        client.last_seq = m.client_seq
        results.append(result)
    return results
