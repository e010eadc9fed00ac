"""Push and pull (sync.md §7–§9): send pending outbox rows in batches and record the server's outcomes; fetch
pages of the change feed and apply each page with its cursor in one local transaction (F1)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import ConflictLocalRow, SyncRecordRow
from inspector_app.sync import local
from inspector_app.sync.base import EngineBase, _pending
from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.sync.errors import ServerRefused, refused
from inspector_app.syncproto import wire


class Transfer(EngineBase):
    def _batch(self) -> list[OutboxRow]:
        with self.ctx.read() as s:
            rows = local.pending_rows(s, self.push_batch)
        out, size = [], 0
        for row in rows:
            n = len(json.dumps(row.payload, ensure_ascii=False)) + 300
            if out and size + n > P.MAX_PUSH_BYTES - (64 << 10):
                break
            out.append(row)
            size += n
        return out

    def push_once(self) -> int:
        """Send one batch of pending mutations. Returns how many left the pending state."""
        self._ensure_hello()
        batch = self._batch()
        if not batch:
            return 0
        with self.ctx.read() as s:
            st = local.state(s)
            client_id, epoch = st.client_id, st.server_epoch
        body = wire.push_request(client_id, epoch, [
            wire.mutation(r.client_seq, r.mutation_id, r.entity, r.entity_id, r.op, r.payload, r.hlc)
            for r in batch])
        self.stats["push_requests"] += 1
        r = self._call("POST", "/sync/v1/push", json_body=body)
        if r.status == 409:
            err = self._err(r)
            if err.get("error") in ("epoch_mismatch", "unknown_client"):
                self.hello()     # adopts the epoch and re-pends what the server lost; the next push re-sends
                return 0
            if err.get("error") == "seq_reused":
                raise ServerRefused("sync.seq_reused", QT_TRANSLATE_NOOP(
                    "Errors", "The server reports a sequence number used twice: the sync data on this computer may "
                    "be damaged; contact the administrator."), server_code="seq_reused", body=err)
            raise refused(err, "push refused")
        if r.status != 200:
            err = self._err(r)
            raise refused(err, f"push refused ({r.status})")
        resp = r.json()
        now = self.clock()
        self._note_server_time(resp.get("server_time"), now)

        def record(s: Session) -> int:
            before = _pending(s)
            touched = local.apply_push_results(s, resp.get("results") or [], int(resp["last_seq"]), now)
            local.materialize_pending(s, touched)
            for key in touched:
                local.materialize(s, *key)
            return before - _pending(s)

        return self._write(record)

    def push_all(self, max_batches: int | None = None) -> int:
        """Push until nothing is pending. A request that moves nothing (the hello after an epoch change, a
        re-pended gap) is allowed once in a row; a second one ends the loop (bounded, F6)."""
        total = 0
        pending = self._pending_count()
        if not pending:   # the idle round: one count, no request
            return 0
        limit = max_batches if max_batches is not None else pending // max(1, self.push_batch) + 5
        stalls = 0
        for k in range(max(1, limit)):
            if k and not self._pending_count():
                break
            n = self.push_once()
            total += n
            stalls = stalls + 1 if n == 0 else 0
            if stalls >= 2:
                break
        return total

    def pull_once(self) -> tuple[int, bool]:
        """Fetch and apply one page. Returns (items applied, has_more)."""
        self._ensure_hello()
        hinted = self._take("pull")
        if hinted is not None:
            cursor, epoch, scope, quiet = hinted
        else:
            with self.ctx.read() as s:
                st = local.state(s)
                cursor, epoch, scope = st.pull_cursor, st.server_epoch, st.scope_hash
                quiet = _locally_settled(s)   # read with the cursor: one read session per idle pull
        self.stats["pull_requests"] += 1
        r = self._call("GET", "/sync/v1/pull", params={"cursor": cursor, "limit": self.pull_limit},
                       headers={"X-Sync-Epoch": epoch or ""})
        if r.status == 409:
            # Only the handshake adopts a new epoch (sync.md §9): hello, then the caller pushes and re-pulls.
            self.hello()
            return 0, True
        if r.status != 200:
            err = self._err(r)
            raise refused(err, f"pull refused ({r.status})")
        page = r.json()
        if quiet and _empty_page_at(page, cursor, epoch, scope):
            return 0, False

        def apply(s: Session) -> tuple[int, bool]:
            st = local.state(s)
            if st.pull_cursor != cursor or st.server_epoch != page.get("epoch"):
                return 0, True   # state moved under us (epoch adopted meanwhile): fetch again
            touched = local.apply_items(s, page.get("items") or [])
            local.apply_conflicts(s, page.get("conflicts") or [])
            _settle_resolving(s)
            local.materialize_pending(s, touched)
            st.pull_cursor = int(page["next_cursor"])          # same transaction as the data (F1)
            if page.get("scope_hash") and page["scope_hash"] != st.scope_hash:
                if st.scope_hash is not None:
                    st.pull_cursor = 0
                st.scope_hash = page["scope_hash"]
                return len(touched), True
            if not page.get("has_more"):
                local.unresolved_stale(s)
            return len(touched), bool(page.get("has_more"))

        return self._write(apply)

    def pull_all(self, max_pages: int = 10_000) -> int:
        total = 0
        for _ in range(max_pages):
            n, more = self.pull_once()
            total += n
            if not more:
                break
        return total


def _settle_resolving(s: Any) -> None:
    """A local resolution whose mutation the server has answered stops hiding the conflict: the pulled status
    (resolved, or still open after a racing resolution) is the truth from then on."""
    with s.no_autoflush:   # the page's rows are flushed once, after projection (project.PULLED)
        rows = s.scalars(select(ConflictLocalRow).where(ConflictLocalRow.status == "resolving")).all()
    for row in rows:
        if row.resolution_mutation is None or row.status != "resolving":
            continue
        ob = s.scalar(select(OutboxRow).where(OutboxRow.mutation_id == row.resolution_mutation))
        if ob is None or ob.status != "pending":
            row.status = "open" if ob is not None and ob.status in ("rejected", "conflict") else row.status


def _empty_page_at(page: dict[str, Any], cursor: int, epoch: str | None, scope: str | None) -> bool:
    """An empty last page at our own cursor, epoch and scope: applying it would change nothing."""
    if page.get("items") or page.get("conflicts") or page.get("has_more"):
        return False
    if int(page.get("next_cursor", -1)) != cursor or page.get("epoch") != epoch:
        return False
    return not (page.get("scope_hash") and page["scope_hash"] != scope)


def _locally_settled(s: Session) -> bool:
    """No local conflict resolution to settle and no record waiting for a parent: with an empty page, the idle
    round opens no write transaction (issue 17)."""
    settling = s.scalar(select(ConflictLocalRow.conflict_id).where(
        ConflictLocalRow.status.in_(("resolving", "stale"))).limit(1))
    waiting = s.scalar(select(SyncRecordRow.entity_id).where(SyncRecordRow.materialized.is_(False)).limit(1))
    return settling is None and waiting is None
