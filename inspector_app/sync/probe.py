"""The idle round's local reads in one go (issue 17): one read transaction, Core statements built once, so a round
with nothing to push, pull or upload costs a few hundred microseconds here instead of seven ORM sessions.

The engine reads the probe at the start of a round and each step consumes its part at most once
(EngineBase._hint): any write by the engine drops what is left, so a value is only ever used while nothing the
engine did could have changed it. Writes by the user in between are picked up by the next round, exactly as if
they had happened just after the step read them itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.storage.orm import OutboxRow, SyncStateRow
from inspector_app.storage.sync_orm import BlobLocalRow, ConflictLocalRow, SyncMetaRow, SyncRecordRow
from inspector_app.sync import local
from inspector_app.sync.account import ACCOUNT_KEY

BLOB_ENTITIES = {n: spec.blob_field for n, spec in P.ENTITIES.items() if spec.blob_field}


def _meta(key: str) -> Any:
    return select(SyncMetaRow.value).where(SyncMetaRow.key == key).scalar_subquery()


# One row: everything an idle round needs to decide that there is nothing to do locally.
_ROUND = select(
    SyncStateRow.client_id, SyncStateRow.server_epoch, SyncStateRow.pull_cursor, SyncStateRow.scope_hash,
    select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending").scalar_subquery(),
    # sync.md: a resolution waiting for the server's answer, or a record waiting for its parent, needs the pull's
    # write transaction even when the page is empty (transfer._locally_settled).
    exists().where(ConflictLocalRow.status.in_(("resolving", "stale"))),
    exists().where(SyncRecordRow.materialized.is_(False)),
    _meta(ACCOUNT_KEY), _meta("blob_scan_seq"),
    select(func.max(OutboxRow.client_seq)).where(OutboxRow.entity.in_(sorted(BLOB_ENTITIES))).scalar_subquery(),
    exists().where(BlobLocalRow.upload_status != "complete"),
).where(SyncStateRow.id == 1)


@dataclass(frozen=True)
class Probe:
    client_id: str
    epoch: str | None
    cursor: int
    scope: str | None
    pending: int
    settled: bool          # no local resolution to settle, no record waiting for a parent
    token: str | None
    blob_mark: int         # outbox rows up to here were scanned for files (blob_sync.register_blobs)
    blob_top: int          # the newest outbox row of an entity with a file
    unfinished_uploads: bool
    unregistered: list[tuple[str, int]]   # evidence files without upload bookkeeping (local_keys_for_blobs)
    wanted_files: list[str] | None        # files to download, None when not read (local.missing_files)


def read(s: Session, holds: Any) -> Probe:
    """The probe in the caller's read session; `holds(sha)` tells whether the local store has a file."""
    conn = s.connection()
    row = conn.execute(_ROUND).one()
    (client_id, epoch, cursor, scope, pending, settling, waiting, acc, mark, top, unfinished) = row
    return Probe(client_id=client_id, epoch=epoch, cursor=int(cursor or 0), scope=scope, pending=int(pending or 0),
                 settled=not settling and not waiting,
                 token=(acc or {}).get("token") if isinstance(acc, dict) else None,
                 blob_mark=int(mark or 0), blob_top=int(top or 0), unfinished_uploads=bool(unfinished),
                 unregistered=local.local_keys_for_blobs(s),
                 wanted_files=local.missing_files(s, holds))
