"""Projection of pulled records into the domain tables the services and the UI read, and the bookkeeping of a
pulled page (sync_records, conflicts_local).

The client table of each entity and the local rows it needs first come from the entity's declaration
(syncproto.entities: `table`, `refs`); the row class is found in the ORM by that table name. Every function
takes an open session and never commits: callers put a pulled page, its cursor and the resulting domain rows in
one transaction (F1).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Integer, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.storage.orm import Base, OutboxRow
from inspector_app.storage.sync_orm import ConflictLocalRow, SyncRecordRow
from inspector_app.storage.types import JSONText, Money, UTCDateTime
from inspector_app.sync.rebase import _effective_ops, parent_of, server_key, visible

log = logging.getLogger(__name__)

Mapping_ = tuple[type[Any], list[tuple[str, type[Any], bool]]]


@cache
def _row_classes() -> dict[str, type[Any]]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if getattr(m.class_, "__tablename__", None)}


@cache
def mappings() -> dict[str, Mapping_]:
    """entity -> (row class, [(data key, parent row class, required)]), parents before children; derived from
    the entity declarations, so a new synced entity needs no entry here."""
    rows = _row_classes()
    out: dict[str, Mapping_] = {}
    for name in P.materialize_order():
        spec = P.ENTITIES[name]
        assert spec.table is not None
        parents = [(r.key, rows[P.ENTITIES[r.entity].table or ""], r.required) for r in spec.refs]
        out[name] = (rows[spec.table], parents)
    return out


KEEP = "sync_preloaded"   # Session.info key: strong references to rows loaded in bulk for this transaction


def _hold(s: Session, objs: Iterable[Any]) -> None:
    """The session's identity map holds unmodified rows weakly: without a strong reference a row loaded in bulk
    is dropped at once and every later session.get() queries again (five single-row SELECTs per pulled item,
    issue 17). The references live as long as the session (one transaction)."""
    s.info.setdefault(KEEP, {}).update((id(o), o) for o in objs)


def _preload(s: Session, cls: type[Any], column: Any, ids: list[str]) -> list[Any]:
    """Load many rows into the identity map in a few queries, so per-record session.get() costs nothing."""
    out: list[Any] = []
    for n in range(0, len(ids), 500):
        out.extend(s.scalars(select(cls).where(column.in_(ids[n:n + 500]))).all())
    _hold(s, out)
    return out


ABSENT = "sync_absent"   # Session.info key: (row class, primary key) known not to exist locally


def _get(s: Session, cls: type[Any], ident: Any) -> Any:
    """session.get() that skips the query for a row a bulk load just found missing."""
    if (cls, ident) in s.info.get(ABSENT, ()):
        return None
    return s.get(cls, ident)


def apply_items(s: Session, items: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    items = list(items)
    held = _preload(s, SyncRecordRow, SyncRecordRow.entity_id, sorted({str(i["id"]) for i in items}))
    known = {(r.entity, r.entity_id): r for r in held}
    s.info[PULLED] = known   # new rows stay unflushed until projected: one INSERT each, not INSERT + UPDATE
    with s.no_autoflush:
        return _apply_items(s, items, known)


PULLED = "sync_pulled"   # Session.info key: the page's sync_records rows by key, new (unflushed) ones included
NEW_PULLED = "sync_pulled_new"   # Session.info key: the page's new sync_records rows, not yet in the session


def _insert_new(s: Session) -> None:
    new = s.info.pop(NEW_PULLED, None)
    if not new:
        return
    cols = [c.key for c in SyncRecordRow.__table__.columns]
    s.execute(insert(SyncRecordRow.__table__), [{c: getattr(r, c) for c in cols} for r in new])
    for r in new:   # later lookups in this transaction find the stored row
        s.info[PULLED].pop((r.entity, r.entity_id), None)


def _sync_record(s: Session, key: tuple[str, str]) -> SyncRecordRow | None:
    rec = s.info.get(PULLED, {}).get(key)
    return rec if rec is not None else s.get(SyncRecordRow, key)


def _apply_items(s: Session, items: list[dict[str, Any]],
                 known: dict[tuple[str, str], SyncRecordRow]) -> set[tuple[str, str]]:
    touched: set[tuple[str, str]] = set()
    for item in items:
        key = (str(item["entity"]), str(item["id"]))
        rec = known.get(key)
        if rec is not None and rec.server_version is not None and rec.server_version > int(item["version"]):
            continue  # stale: we already hold a newer state
        if rec is None:
            # Not added to the session: written with one executemany after projection (_insert_new), so it
            # is neither flushed by the projection's savepoint nor updated again once projected.
            rec = SyncRecordRow(entity=key[0], entity_id=key[1])
            s.info.setdefault(NEW_PULLED, []).append(rec)
            known[key] = rec
        rec.server_version = int(item["version"])
        rec.server_data = item.get("data")
        rec.server_state = item.get("state")
        rec.deleted = bool(item.get("deleted"))
        rec.has_open_conflict = bool(item.get("has_open_conflict"))
        rec.team_id = item.get("team_id")
        rec.content_hash = item.get("content_hash")
        rec.parent_id = parent_of(key[0], rec.server_data)
        rec.seq = int(item.get("seq") or 0)
        rec.materialized = False
        touched.add(key)
    return touched


def apply_conflicts(s: Session, conflicts: Iterable[dict[str, Any]]) -> None:
    for c in conflicts:
        row = s.get(ConflictLocalRow, c["conflict_id"])
        if row is None:
            row = ConflictLocalRow(conflict_id=c["conflict_id"])
            s.add(row)
        row.entity, row.entity_id, row.field, row.kind = c["entity"], c["id"], c.get("field"), c["kind"]
        row.base_value, row.server_value, row.client_value = (c.get("base_value"), c.get("server_value"),
                                                              c.get("client_value"))
        row.payload, row.reason, row.mutation_id = c.get("payload"), c.get("reason"), c.get("mutation_id")
        row.seq = c.get("seq")
        if c.get("status") == "resolved":
            row.status = "resolved"
        elif row.status != "resolving":   # our own resolution is on its way: keep it out of the open list
            row.status = "open"


def _preload_outbox(s: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[OutboxRow]]:
    """The outbox rows of many records in a few queries (a pulled page touches up to a thousand records)."""
    ids = sorted({rid.split(":", 1)[0] for _e, rid in keys})
    out: dict[tuple[str, str], list[OutboxRow]] = {}
    for n in range(0, len(ids), 500):
        for row in s.scalars(select(OutboxRow).where(OutboxRow.entity_id.in_(ids[n:n + 500]))
                             .order_by(OutboxRow.client_seq)):
            out.setdefault(server_key(row), []).append(row)
    return out


def materialize_pending(s: Session, keys: Iterable[tuple[str, str]] = ()) -> int:
    """Project the given records, and every record still waiting for a parent, into the domain tables."""
    wanted = set(keys)
    with s.no_autoflush:   # the page's new rows are in `keys`; flushing them now would cost an UPDATE later
        wanted.update((r.entity, r.entity_id) for r in s.scalars(
            select(SyncRecordRow).where(SyncRecordRow.materialized.is_(False))))
    if not wanted:
        _insert_new(s)
        return 0
    with s.no_autoflush:
        cache = _preload_outbox(s, wanted)
    # Fast path: the whole set in one savepoint and one flush; on a local constraint clash, redo it record by
    # record so only the clashing record stays unmaterialized.
    sp = s.begin_nested()
    try:
        with s.no_autoflush:
            done = _materialize_all(s, wanted, cache, per_record=False)
        s.flush()
        sp.commit()
        _insert_new(s)
        return done
    except IntegrityError:
        sp.rollback()
    for rec in s.info.get(NEW_PULLED, ()):
        rec.materialized, rec.materialize_error = False, None   # the rolled-back attempt's marks
    with s.no_autoflush:
        done = _materialize_all(s, wanted, cache, per_record=True)
    _insert_new(s)
    return done


def _materialize_all(s: Session, wanted: set[tuple[str, str]], cache: dict[tuple[str, str], list[OutboxRow]],
                     per_record: bool) -> int:
    done = 0
    # Parents before children: reference data, inspections, their items, then links (FKs are checked).
    maps = mappings()
    order = {e: n for n, e in enumerate(maps)}
    groups: dict[int, list[tuple[str, str]]] = {}
    for key in wanted:
        groups.setdefault(order.get(key[0], 99), []).append(key)
    by_entity: dict[str, list[str]] = {}
    for entity, rid in wanted:
        by_entity.setdefault(entity, []).append(rid)
    for entity, ids in by_entity.items():
        mapping = maps.get(entity)
        pks = list(mapping[0].__table__.primary_key.columns) if mapping is not None else []
        if len(pks) == 1 and entity != "template":   # outcomes are keyed by inspection_id
            held = _preload(s, mapping[0], getattr(mapping[0], pks[0].key), ids)
            present = {getattr(r, pks[0].key) for r in held}
            s.info.setdefault(ABSENT, set()).update((mapping[0], i) for i in ids if i not in present)
    _preload(s, SyncRecordRow, SyncRecordRow.entity_id, [rid for _e, rid in wanted])
    for _round in range(3):
        progressed = False
        for _n, keys in sorted(groups.items()):
            for entity, rid in sorted(keys):
                rec = _sync_record(s, (entity, rid))
                if rec is None or rec.materialized:
                    continue
                if materialize(s, entity, rid, rec, ops=cache.get((entity, rid), []), savepoint=per_record):
                    done += 1
                    progressed = True
            if not per_record:
                s.flush()   # parents become visible to the next group's existence checks
        if not progressed:
            break
    return done


def materialize(s: Session, entity: str, rid: str, rec: SyncRecordRow | None = None,
                ops: list[OutboxRow] | None = None, savepoint: bool = True) -> bool:
    """Write the visible state of one record into its domain row. False: a parent is missing (retried later)."""
    rec = rec if rec is not None else s.get(SyncRecordRow, (entity, rid))
    mapping = mappings().get(entity)
    if mapping is None:
        if rec is not None:
            rec.materialized = True  # no domain table yet (comments, approvals, signatures): sync_records only
        return True
    if ops is None:
        data = visible(s, entity, rid)
    else:
        eff, skip = _effective_ops(rec, ops)
        data = P.fold(rec.server_data if rec is not None else None, eff, skip, entity)
    if data is None:
        if rec is not None:
            rec.materialized = True
        return True
    row_cls, parents = mapping
    for key, parent_cls, required in parents:
        value = data.get(key)
        if value is None:
            if required:
                return _unmaterialized(rec, f"{key} missing")
            continue
        parent = s.get(parent_cls, value)
        if parent is None:
            return _unmaterialized(rec, f"waiting for {parent_cls.__tablename__} {value}")
        _hold(s, (parent,))   # the next record of the page has the same parent
    if not savepoint:
        _write_row(s, entity, rid, row_cls, data, rec)
    else:
        sp = s.begin_nested()
        try:
            _write_row(s, entity, rid, row_cls, data, rec)
            s.flush()
        except IntegrityError as exc:
            sp.rollback()
            return _unmaterialized(rec, f"local constraint: {exc.orig}")
        sp.commit()
    if rec is not None:
        rec.materialized, rec.materialize_error = True, None
    return True


def _unmaterialized(rec: SyncRecordRow | None, why: str) -> bool:
    if rec is not None:
        rec.materialized, rec.materialize_error = False, why
    return False


def _convert(column: Any, value: Any) -> Any:
    if value is None:
        return None
    t = column.type
    if isinstance(t, UTCDateTime):
        d = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        return d if d.tzinfo else d.replace(tzinfo=dt.timezone.utc)
    if isinstance(t, Money):
        return Decimal(str(value))
    if isinstance(t, JSONText):
        return value
    if isinstance(t, Date):
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(t, Boolean):
        return bool(value)
    if isinstance(t, Integer):
        return int(value)
    return value if isinstance(value, str) else str(value)


def _pk_values(row_cls: type[Any], rid: str, data: dict[str, Any]) -> dict[str, Any]:
    """The local primary key of a record: its record id, or for a composite key (a template pinned to an
    inspection) the key columns from its data. Outcome rows are keyed by their inspection id, which is also
    their record id."""
    cols = [c.key for c in row_cls.__table__.primary_key.columns]
    if len(cols) == 1:
        return {cols[0]: rid}
    return {c: data[c] for c in cols}


def _write_row(s: Session, entity: str, rid: str, row_cls: type[Any], data: dict[str, Any],
               rec: SyncRecordRow | None) -> None:
    now = dt.datetime.now(dt.timezone.utc)
    pk = _pk_values(row_cls, rid, data)
    ident = tuple(pk.values()) if len(pk) > 1 else rid
    row = _get(s, row_cls, ident)
    s.info.get(ABSENT, set()).discard((row_cls, ident))   # from here on the session knows the row
    if entity == "template":
        if row is None:
            s.add(row_cls(content_hash=rid, template_id=data.get("template_id", ""),
                          version=str(data.get("version", "")), title=data.get("title", ""),
                          source=data.get("source")))
        return  # template versions are immutable
    columns = {c.key: c for c in row_cls.__table__.columns}
    values: dict[str, Any] = {}
    for key, value in data.items():
        col = columns.get(key)
        if col is not None and not col.primary_key:
            values[key] = _convert(col, value)
    if "deleted_at" in columns:
        if data.get("deleted"):
            values["deleted_at"] = (row.deleted_at if row is not None and row.deleted_at else now)
        else:
            values["deleted_at"] = None
    if "server_version" in columns and rec is not None:
        values["server_version"] = rec.server_version
    if entity == "answer":
        values.update(_answer_state(s, data))
    if row is None:
        row = row_cls(**pk)
        for name, col in columns.items():
            if name in values or col.primary_key or col.nullable:
                continue
            values.setdefault(name, _default_for(col, now))
        for k, v in values.items():
            setattr(row, k, v)
        s.add(row)
    else:
        for k, v in values.items():
            if getattr(row, k) != v:
                setattr(row, k, v)


def _default_for(col: Any, now: dt.datetime) -> Any:
    if isinstance(col.type, UTCDateTime):
        return now
    if isinstance(col.type, Money):
        return Decimal("0.00")
    if isinstance(col.type, Integer):
        return 0
    if isinstance(col.type, Boolean):
        return False
    if isinstance(col.type, Date):
        return dt.date(1970, 1, 1)
    return ""


def _answer_state(s: Session, data: dict[str, Any]) -> dict[str, Any]:
    """The derived columns of an answer (item state, position) recomputed from the pinned template."""
    from inspector_app.domain.checklist import item_state
    from inspector_app.services import templates

    out: dict[str, Any] = {}
    try:
        template = templates.pinned(s, data["template_hash"])
        item = template.item(data["item_id"])
        out["state"] = item_state(item, data.get("value"), data.get("verdict")).value
        if data.get("position") is None:
            ids = [i.id for i in template.items()]
            out["position"] = ids.index(item.id) if item.id in ids else 0
    except (KeyError, ValueError) as exc:  # template not pulled yet or item unknown: keep what we have
        log.debug("answer state not derived: %s", exc)
    return out


