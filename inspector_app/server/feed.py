"""What applying a mutation works with (sync.md §7): the request context, the outcome, the records it locks,
the conflicts and versions it writes, and the change feed.

Change feed (§8.1, issue 17): `seq` order must equal commit order, or a reader polling `seq > cursor` skips a
change that was numbered early and committed late (F2). Each writer therefore numbers its changes from the single
counter row as the **last step** of its transaction (`flush_feed`): the counter's row lock is held only from that
short numbering step to the commit, so writers are serialised for a few statements, not for their whole work
(which cost ≈150 mutations/s on PostgreSQL however many workers ran). A writer that numbered and then commits late
blocks the next numbering until it ends, so no later commit can take a lower number; one that rolls back returns
its numbers with the counter update, so the feed stays gap-free.

What the whole-transaction counter lock also serialised, `lock_scope` keeps per team: racing creates of the same
id-keyed record, and a child parked as missing_parent while its parent arrives, happen within one team (a
principal only writes in its own teams). Lock order of every writer: client row → scope (shared "all", then its
teams in sorted order; admins exclusive "all") → records → counter. Nothing takes a lock after the counter: no
deadlocks. Because pushes overlap, the missing-parent backlog is also re-checked under the counter lock
(sync_service._late_backlog). Conflicts also emit a change so every client sees the flag.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.domain.ids import new_id
from inspector_app.server import blob_access
from inspector_app.server.auth import Principal
from inspector_app.server.models import Change, Conflict, Mutation, Record, RecordVersion, SyncCounter

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
    # Taken last by every writer (records → counter), just before the changes are numbered; held to the commit.
    s.execute(select(SyncCounter.seq).where(SyncCounter.id == 1).with_for_update()).scalar_one()


_ALL_TEAMS = "*"   # scope key every writer holds: shared by team writers, exclusive for admins (any team)


def scope_key(team: str) -> int:
    """A stable signed 64-bit advisory-lock key for a team (a hash collision only serialises two teams)."""
    return int.from_bytes(hashlib.blake2b(f"inspector.scope:{team}".encode(), digest_size=8).digest(), "big",
                          signed=True)


def lock_scope(s: Session, who: Principal) -> None:
    """Serialise writers of the same teams for the rest of the transaction, and no one else (see the module
    docstring). PostgreSQL transaction-scoped advisory locks; SQLite has one writer from BEGIN IMMEDIATE on."""
    if s.get_bind().dialect.name != "postgresql":
        return
    if who.is_admin or not who.teams:
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": scope_key(_ALL_TEAMS)})
        return
    s.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": scope_key(_ALL_TEAMS)})
    for team in sorted(set(who.teams)):
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": scope_key(team)})


def emit(c: Ctx, entity: str, rid: str, version: int, team_id: str | None, conflict: Conflict | None = None) -> None:
    """Queue a change row; `flush_feed` numbers the whole request's rows with one counter update."""
    c.feed.append([entity, rid, version, team_id, conflict])


def flush_feed(s: Session, feed: list[list[Any]]) -> None:
    """Number all queued changes from the counter row and insert them in the order they happened. Call it as the
    last step before the commit: from here to the commit this writer holds the counter's row lock, so the
    numbers follow commit order (module docstring). The session's pending work is flushed first, outside the
    lock; what remains under it is the counter update, one multi-row insert and the conflicts' created_seq."""
    if not feed:
        return
    s.flush()
    top = s.execute(update(SyncCounter).where(SyncCounter.id == 1).values(seq=SyncCounter.seq + len(feed))
                    .returning(SyncCounter.seq)).scalar_one()
    first = top - len(feed) + 1
    rows = []
    for n, (entity, rid, version, team_id, conflict) in enumerate(feed):
        rows.append({"seq": first + n, "entity": entity, "id": rid, "version": version, "team_id": team_id})
        if conflict is not None and conflict.created_seq is None:
            conflict.created_seq = first + n
    # One executemany, not a unit-of-work object per change (issue 17): nothing reads these rows back here.
    s.execute(insert(Change.__table__), rows)
    feed.clear()


BULK = "sync_bulk_rows"   # Session.info key: insert-only rows of a push batch's fast path, written in bulk


def start_bulk(s: Session) -> None:
    """Buffer the batch's insert-only rows (record versions, mutation outcomes) and insert them with one
    executemany each at the end of the batch instead of one ORM object each (issue 17). Only the fast path
    buffers: it runs in one savepoint that is rolled back whole, so the buffer is dropped whole with it
    (`drop_bulk`). Anything that needs a nested savepoint first writes the buffer out and stops buffering
    (`flush_bulk(stop=True)`)."""
    s.info[BULK] = {"versions": {}, "mutations": []}


def drop_bulk(s: Session) -> None:
    s.info.pop(BULK, None)


def flush_bulk(s: Session, stop: bool = False) -> None:
    buf = s.info.get(BULK)
    if buf is None:
        return
    if buf["versions"]:
        s.execute(insert(RecordVersion.__table__), list(buf["versions"].values()))
    if buf["mutations"]:
        s.execute(insert(Mutation.__table__), buf["mutations"])
    buf["versions"], buf["mutations"] = {}, []
    if stop:
        s.info.pop(BULK, None)


def add_mutation(s: Session, row: dict[str, Any]) -> None:
    """A mutation's stored outcome: buffered on the fast path, else an ORM row in the current savepoint."""
    buf = s.info.get(BULK)
    if buf is not None:
        buf["mutations"].append(row)
    else:
        s.add(Mutation(**row))


def buffered_version(s: Session, entity: str, rid: str, version: int) -> dict[str, Any] | None:
    """A record version written by this batch and not yet inserted (the buffer above)."""
    buf = s.info.get(BULK)
    return None if buf is None else buf["versions"].get((entity, rid, version))


RECORD_CACHE = "sync_record_cache"   # Session.info key: records a push batch locked and loaded up front


def get_record(s: Session, entity: str, rid: str) -> Record | None:
    """The record, locked for the rest of the transaction. Within a push batch, the records were locked and
    loaded up front (sync_service._preload_records) and come from the request's cache without a query."""
    cache = s.info.get(RECORD_CACHE)
    if cache is not None and (entity, rid) in cache:
        return cache[(entity, rid)]  # type: ignore[no-any-return]
    rec = s.get(Record, (entity, rid), with_for_update=True, populate_existing=True)
    if cache is not None:
        cache[(entity, rid)] = rec
    return rec


def remember_record(s: Session, rec: Record) -> None:
    """A record created in this request: later mutations of the batch find it in the cache."""
    cache = s.info.get(RECORD_CACHE)
    if cache is not None:
        cache[(rec.entity, rec.id)] = rec


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
    row = {"entity": rec.entity, "id": rec.id, "version": rec.version, "data": rec.data,
           "mutation_id": c.mutation_id, "client_id": c.client_id, "op": op, "changed_fields": changed, "at": c.now}
    buf = c.s.info.get(BULK)
    if buf is not None:
        buf["versions"][(rec.entity, rec.id, rec.version)] = row
    else:
        c.s.add(RecordVersion(**row))
    spec = P.ENTITIES.get(rec.entity)
    sha = rec.data.get(spec.blob_field) if spec is not None and spec.blob_field else None
    if isinstance(sha, str) and P.SHA256_RE.match(sha):   # every blob a record ever pointed at (countersigned PDFs)
        blob_access.add_ref(c.s, c.who, rec.entity, rec.id, sha, c.now)
    emit(c, rec.entity, rec.id, rec.version, rec.team_id)
