"""The client side of the protocol inside the local SQLite store: sync meta and state, outcomes of a push, the
epoch handshake's effects, and the counts the status shows. The rebase (visible = server_data + pending ops,
sync.md §8.3) lives in sync/rebase.py, the projection into the domain tables in sync/project.py; both are
re-exported here for the engine and the tests.

Every function here takes an open session and never commits: callers put a pulled page, its cursor and the
resulting domain rows in one transaction (F1).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, select, union, update
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.storage.campaign_orm import SelfCheckReturnRow
from inspector_app.storage.orm import EvidenceRow, OutboxRow, SyncStateRow
from inspector_app.storage.records_orm import DocumentRow, SignatureCaptureRow
from inspector_app.storage.docs_orm import ServiceReceiptRow
from inspector_app.storage.sync_orm import BlobLocalRow, ConflictLocalRow, SyncMetaRow, SyncRecordRow
from inspector_app.sync.project import (  # noqa: F401  (re-exported)
    apply_conflicts,
    apply_items,
    mappings,
    materialize,
    materialize_pending,
)
from inspector_app.sync.rebase import (  # noqa: F401  (re-exported)
    ACKED_WITH_EFFECT,
    inspection_children,
    outbox_for,
    parent_of,
    server_key,
    signing_hash,
    visible,
)

log = logging.getLogger(__name__)

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


# ---------------------------------------------------------------------------------------------- push results

def apply_push_results(s: Session, results: list[dict[str, Any]], last_seq: int,
                       now: dt.datetime) -> set[tuple[str, str]]:
    """Record outcomes on the outbox rows; re-pend anything the server does not have (gap or restore).

    One executemany UPDATE for the batch (issue 17), not an ORM object per row; callers run this in a fresh
    transaction, so no loaded outbox row goes stale. Only the rows whose outcome changes what the user sees
    (noop, conflict, rejected) are loaded, to name the records to re-project."""
    touched: set[tuple[str, str]] = set()
    params = [{"k": int(r["client_seq"]), "st": r.get("outcome"), "oc": r, "sv": r.get("version"), "at": now}
              for r in results if r.get("outcome") in P.TERMINAL]
    if params:
        t = OutboxRow.__table__
        s.execute(update(t).where(t.c.client_seq == bindparam("k")).values(
            status=bindparam("st"), outcome=bindparam("oc", type_=t.c.outcome.type), server_version=bindparam("sv"),
            acked_at=bindparam("at", type_=t.c.acked_at.type)), params)
        shown = [p["k"] for p in params if p["st"] in ("rejected", "noop", "conflict")]
        for n in range(0, len(shown), 500):
            touched.update(server_key(row) for row in s.scalars(
                select(OutboxRow).where(OutboxRow.client_seq.in_(shown[n:n + 500]))))
    # The re-pend below is rare (a gap, a restored server): look for it through the status index first.
    if s.scalar(select(OutboxRow.client_seq).where(OutboxRow.status.in_(sorted(P.TERMINAL)),
                                                   OutboxRow.client_seq > last_seq).limit(1)) is not None:
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


# Evidence files referenced by local rows that have no upload bookkeeping yet. The idle round runs this and the
# next statement each time: built once, run as plain rows on the session's connection (sync/probe.py).
UNREGISTERED_FILES = select(EvidenceRow.sha256, EvidenceRow.size).where(
    EvidenceRow.sha256.not_in(select(BlobLocalRow.sha256))).distinct()

# Files this laptop may need to hold: pulled signed documents, signature captures, and the evidence of signed
# records and their re-inspections (what a lead reviews and a case file must contain), and the self-inspection
# returns pulled. Evidence of records still being worked on stays on the teammate's laptop until it is signed.
WANTED_FILES = union(
    select(DocumentRow.pdf_sha256), select(SignatureCaptureRow.png_sha256),
    select(ServiceReceiptRow.photo_sha256),  # a 留置送达 photo belongs to its signed receipt
    select(EvidenceRow.sha256).where(EvidenceRow.inspection_id.in_(
        select(DocumentRow.inspection_id).where(DocumentRow.kind == "record")), EvidenceRow.deleted_at.is_(None)),
    # The self-inspection returns of the team's institutions, as received (small XLSX files checked on site).
    select(SelfCheckReturnRow.sha256))


def local_keys_for_blobs(s: Session) -> list[tuple[str, int]]:
    """Evidence files referenced by local rows that have no upload bookkeeping yet."""
    return [(sha, size) for sha, size in s.connection().execute(UNREGISTERED_FILES)]


def missing_files(s: Session, holds: Callable[[str], bool]) -> list[str]:
    """The WANTED_FILES this laptop does not hold yet."""
    shas = {row[0] for row in s.connection().execute(WANTED_FILES)}
    return sorted(sha for sha in shas if sha and not holds(sha))
