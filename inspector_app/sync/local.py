"""The client side of the protocol inside the local SQLite store: server state per record, rebase of pending
outbox ops on top of it (visible = server_data + pending ops, sync.md §8.3), and projection of the visible state
into the domain tables the services and the UI read.

Every function here takes an open session and never commits: callers put a pulled page, its cursor and the
resulting domain rows in one transaction (F1).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, Integer, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app.server import protocol as P
from inspector_app.storage.orm import (
    AnswerRow,
    EvidenceLinkRow,
    EvidenceRow,
    FindingRow,
    InspectionRow,
    InspectionTemplateRow,
    InstitutionRow,
    OfficerRow,
    OutboxRow,
    SyncStateRow,
    TeamMemberRow,
    TemplateVersionRow,
)
from inspector_app.storage.records_orm import DocumentRow, PartySignoffRow, SignatureCaptureRow
from inspector_app.storage.review_orm import OutcomeRow, RectificationRow, ReinspectionRow, ReviewEventRow
from inspector_app.storage.sync_orm import BlobLocalRow, ConflictLocalRow, SyncMetaRow, SyncRecordRow
from inspector_app.storage.types import JSONText, Money, UTCDateTime

log = logging.getLogger(__name__)

ACKED_WITH_EFFECT = ("applied", "conflict")

# entity -> (row class, [(data key, parent row class, required)])
MAPPINGS: dict[str, tuple[type[Any], list[tuple[str, type[Any], bool]]]] = {
    "institution": (InstitutionRow, []),
    "officer": (OfficerRow, []),
    "template": (TemplateVersionRow, []),
    "inspection": (InspectionRow, [("institution_id", InstitutionRow, True)]),
    "team_member": (TeamMemberRow, [("inspection_id", InspectionRow, True), ("officer_id", OfficerRow, True)]),
    "inspection_template": (InspectionTemplateRow, [("inspection_id", InspectionRow, True),
                                                    ("template_hash", TemplateVersionRow, True)]),
    "answer": (AnswerRow, [("inspection_id", InspectionRow, True), ("template_hash", TemplateVersionRow, True)]),
    "finding": (FindingRow, [("inspection_id", InspectionRow, True), ("answer_id", AnswerRow, False)]),
    "evidence": (EvidenceRow, [("inspection_id", InspectionRow, True)]),
    "evidence_link": (EvidenceLinkRow, [("evidence_id", EvidenceRow, True)]),
    # The record's signing and review trail, so a team lead's laptop can review and an inspector's laptop sees a
    # return for correction (their files — signature PNGs, signed PDFs — are fetched after the pull).
    "signature_capture": (SignatureCaptureRow, [("inspection_id", InspectionRow, True)]),
    "party_signoff": (PartySignoffRow, [("inspection_id", InspectionRow, True)]),
    "document": (DocumentRow, [("inspection_id", InspectionRow, True)]),
    "review_event": (ReviewEventRow, [("inspection_id", InspectionRow, True)]),
    "outcome": (OutcomeRow, [("inspection_id", InspectionRow, True)]),
    "rectification": (RectificationRow, [("inspection_id", InspectionRow, True)]),
    "reinspection": (ReinspectionRow, [("inspection_id", InspectionRow, True),
                                       ("rectification_id", RectificationRow, True)]),
}


# ---------------------------------------------------------------------------------------------- meta

def meta_get(s: Session, key: str, default: Any = None) -> Any:
    row = s.get(SyncMetaRow, key)
    return default if row is None else row.value


def meta_set(s: Session, key: str, value: Any) -> None:
    row = s.get(SyncMetaRow, key)
    if row is None:
        s.add(SyncMetaRow(key=key, value=value))
    else:
        row.value = value


def state(s: Session) -> SyncStateRow:
    row = s.get(SyncStateRow, 1)
    if row is None:
        raise RuntimeError("sync_state is not initialised")
    return row


# ---------------------------------------------------------------------------------------------- rebase

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


# ---------------------------------------------------------------------------------------------- apply pull

def _preload(s: Session, cls: type[Any], column: Any, ids: list[str]) -> None:
    """Load many rows into the identity map in a few queries, so per-record session.get() costs nothing."""
    for n in range(0, len(ids), 500):
        s.scalars(select(cls).where(column.in_(ids[n:n + 500]))).all()


def apply_items(s: Session, items: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    items = list(items)
    _preload(s, SyncRecordRow, SyncRecordRow.entity_id, sorted({str(i["id"]) for i in items}))
    with s.no_autoflush:
        return _apply_items(s, items)


def _apply_items(s: Session, items: list[dict[str, Any]]) -> set[tuple[str, str]]:
    touched: set[tuple[str, str]] = set()
    for item in items:
        key = (str(item["entity"]), str(item["id"]))
        rec = s.get(SyncRecordRow, key)
        if rec is not None and rec.server_version is not None and rec.server_version > int(item["version"]):
            continue  # stale: we already hold a newer state
        if rec is None:
            rec = SyncRecordRow(entity=key[0], entity_id=key[1])
            s.add(rec)
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
    wanted.update((r.entity, r.entity_id) for r in s.scalars(
        select(SyncRecordRow).where(SyncRecordRow.materialized.is_(False))))
    if not wanted:
        return 0
    cache = _preload_outbox(s, wanted)
    # Fast path: the whole set in one savepoint and one flush; on a local constraint clash, redo it record by
    # record so only the clashing record stays unmaterialized.
    sp = s.begin_nested()
    try:
        with s.no_autoflush:
            done = _materialize_all(s, wanted, cache, per_record=False)
        s.flush()
        sp.commit()
        return done
    except IntegrityError:
        sp.rollback()
    with s.no_autoflush:
        return _materialize_all(s, wanted, cache, per_record=True)


def _materialize_all(s: Session, wanted: set[tuple[str, str]], cache: dict[tuple[str, str], list[OutboxRow]],
                     per_record: bool) -> int:
    done = 0
    # Parents before children: reference data, inspections, their items, then links (FKs are checked).
    order = {e: n for n, e in enumerate(MAPPINGS)}
    groups: dict[int, list[tuple[str, str]]] = {}
    for key in wanted:
        groups.setdefault(order.get(key[0], 99), []).append(key)
    by_entity: dict[str, list[str]] = {}
    for entity, rid in wanted:
        by_entity.setdefault(entity, []).append(rid)
    for entity, ids in by_entity.items():
        mapping = MAPPINGS.get(entity)
        if mapping is not None and entity not in ("inspection_template", "template"):
            pk = next(iter(mapping[0].__table__.primary_key.columns))  # outcomes are keyed by inspection_id
            _preload(s, mapping[0], getattr(mapping[0], pk.key), ids)
    _preload(s, SyncRecordRow, SyncRecordRow.entity_id, [rid for _e, rid in wanted])
    for _round in range(3):
        progressed = False
        for _n, keys in sorted(groups.items()):
            for entity, rid in sorted(keys):
                rec = s.get(SyncRecordRow, (entity, rid))
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
    mapping = MAPPINGS.get(entity)
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
        if s.get(parent_cls, value) is None:
            return _unmaterialized(rec, f"waiting for {parent_cls.__tablename__} {value}")
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


def _pk(entity: str, rid: str, data: dict[str, Any]) -> Any:
    if entity == "inspection_template":
        return (data["inspection_id"], data["template_hash"])
    return rid  # outcome rows are keyed by their inspection id, which is also their record id


def _write_row(s: Session, entity: str, rid: str, row_cls: type[Any], data: dict[str, Any],
               rec: SyncRecordRow | None) -> None:
    now = dt.datetime.now(dt.timezone.utc)
    row = s.get(row_cls, _pk(entity, rid, data))
    if entity == "template":
        if row is None:
            s.add(TemplateVersionRow(content_hash=rid, template_id=data.get("template_id", ""),
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
        if entity == "inspection_template":
            row = row_cls(inspection_id=data["inspection_id"], template_hash=data["template_hash"])
        elif entity == "outcome":
            row = row_cls(inspection_id=rid)  # keyed by its inspection
        else:
            row = row_cls(id=rid)
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


# ---------------------------------------------------------------------------------------------- push results

def apply_push_results(s: Session, results: list[dict[str, Any]], last_seq: int,
                       now: dt.datetime) -> set[tuple[str, str]]:
    """Record outcomes on the outbox rows; re-pend anything the server does not have (gap or restore)."""
    touched: set[tuple[str, str]] = set()
    by_seq = {int(r["client_seq"]): r for r in results}
    for row in s.scalars(select(OutboxRow).where(OutboxRow.client_seq.in_(list(by_seq)))):
        r = by_seq[row.client_seq]
        outcome = r.get("outcome")
        if outcome not in P.TERMINAL:
            continue
        row.status, row.outcome = outcome, r
        row.server_version = r.get("version")
        row.acked_at = now
        if outcome in ("rejected", "noop", "conflict"):
            touched.add(server_key(row))
    repend_above(s, last_seq)
    return touched


def repend_above(s: Session, last_seq: int) -> int:
    """Rows the server has not recorded go back to pending, whatever we believed before (I9)."""
    res = s.execute(update(OutboxRow).where(OutboxRow.client_seq > last_seq, OutboxRow.status != "pending")
                    .values(status="pending", outcome=None, server_version=None, acked_at=None))
    return res.rowcount or 0


def adopt_epoch(s: Session, epoch: str, last_seq: int) -> int:
    """A restored or migrated server (F3): re-send what it lost, forget versions of the old epoch, re-pull from
    zero, re-check uploads. Kept data stays for display. Returns the number of re-pended mutations."""
    st = state(s)
    previous = st.server_epoch
    st.server_epoch = epoch
    if previous is None:
        return repend_above(s, last_seq)
    n = repend_above(s, last_seq)
    st.pull_cursor = 0
    s.execute(update(SyncRecordRow).values(server_version=None))
    s.execute(update(ConflictLocalRow).where(ConflictLocalRow.status != "resolving").values(status="stale"))
    s.execute(update(BlobLocalRow).where(BlobLocalRow.upload_status == "complete")
              .values(upload_status="pending", upload_offset=0))
    seen = list(meta_get(s, "epochs_seen", []) or [])
    seen.append({"from": previous, "to": epoch, "repended": n})
    meta_set(s, "epochs_seen", seen[-20:])
    log.warning("server epoch changed %s → %s: %d mutations re-sent, pulling from 0", previous, epoch, n)
    return n


def open_conflict_count(s: Session) -> int:
    return len(s.scalars(select(ConflictLocalRow.conflict_id).where(
        ConflictLocalRow.status == "open", ConflictLocalRow.kind != "rejected")).all())


def unresolved_stale(s: Session) -> None:
    s.execute(update(ConflictLocalRow).where(ConflictLocalRow.status == "stale").values(status="resolved"))


def pending_rows(s: Session, limit: int) -> list[OutboxRow]:
    return list(s.scalars(select(OutboxRow).where(OutboxRow.status == "pending")
                          .order_by(OutboxRow.client_seq).limit(limit)))


def local_keys_for_blobs(s: Session) -> list[tuple[str, int]]:
    """Evidence files referenced by local rows that have no upload bookkeeping yet."""
    known = select(BlobLocalRow.sha256)
    return [(sha, size) for sha, size in s.execute(
        select(EvidenceRow.sha256, EvidenceRow.size).where(EvidenceRow.sha256.not_in(known)).distinct())]


def missing_files(s: Session, blobs: Any) -> list[str]:
    """Files this laptop does not hold yet of pulled signed documents, signature captures, and the evidence of
    signed records and their re-inspections (what a lead reviews and a case file must contain). Evidence of
    records still being worked on stays on the teammate's laptop until it is signed."""
    shas = set(s.scalars(select(DocumentRow.pdf_sha256))) | set(s.scalars(select(SignatureCaptureRow.png_sha256)))
    signed = select(DocumentRow.inspection_id).where(DocumentRow.kind == "record")
    shas |= set(s.scalars(select(EvidenceRow.sha256).where(EvidenceRow.inspection_id.in_(signed),
                                                           EvidenceRow.deleted_at.is_(None))))
    return sorted(sha for sha in shas if sha and not blobs.has(sha))
