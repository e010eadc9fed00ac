"""The sync engine (sync.md §9): hello, push, pull with rebase, resumable blob uploads, and a timer-driven loop
with jittered exponential backoff. Qt-free; the UI runs `run()` on a worker thread and reads `status()`.

The engine is assembled from its parts: base.py (settings, requests, handshake), transfer.py (push, pull),
blob_sync.py (uploads, downloads); this module adds sign-in, the round, the loop and the status.
Clock, sleeper and random source are injected so tests never sleep and replay exactly.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import func, select

from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import BlobLocalRow
from inspector_app.sync import account, local, probe
from inspector_app.sync.base import CLOCK_SKEW_WARN, _pending
from inspector_app.sync.blob_sync import BlobSync
from inspector_app.sync.errors import (
    AuthRequired,
    Busy,
    Offline,
    ServerRefused,
    ServerStorageFull,
    SyncError,
)
from inspector_app.sync.status import Backoff, RoundResult, SyncStatus
from inspector_app.sync.transfer import Transfer
from inspector_app.sync.transport import Request, TransportError

__all__ = ["CLOCK_SKEW_WARN", "AuthRequired", "Backoff", "Busy", "Offline", "RoundResult", "ServerRefused",
           "ServerStorageFull", "SyncEngine", "SyncError", "SyncStatus"]

log = logging.getLogger(__name__)
LAST_SYNC_PERSIST = dt.timedelta(minutes=15)


class SyncEngine(Transfer, BlobSync):
    """One per workspace: `sync_round()` (hello → push → pull → uploads) and the background `run()` loop."""

    # ------------------------------------------------------------------------------------------ account

    def sign_in(self, user: str, password: str) -> account.SignInResult:
        """Online sign-in; falls back to offline sign-in when the server cannot be reached."""
        try:
            r = self._call("POST", "/sync/v1/login", json_body={"user": user, "password": password}, auth=False)
        except Offline:
            acc = self._write(lambda s: account.verify_offline(s, user, password))
            if acc is None:
                return account.SignInResult(False, False, None,
                                            "无法连接服务器，且本机没有该用户的离线登录记录或密码错误")
            self._offline_sign_in = True
            return account.SignInResult(True, False, acc, "已离线登录；联网后将自动同步")
        if r.status != 200:
            err = self._err(r)
            return account.SignInResult(False, True, None, err.get("message") or "登录失败")
        body = r.json()
        acc = self._write(lambda s: account.store_online(s, self.server_url, user, password, body))
        self._offline_sign_in = False
        self._hello_done = False
        return account.SignInResult(True, True, acc, "已登录")

    def sign_out(self) -> None:
        """Revoke the token on the server when it can be reached (best effort), then forget it here."""
        if self._token():
            try:
                self._call("POST", "/sync/v1/logout")
            except SyncError:
                pass  # offline: the token still expires on its own; an admin can revoke it (users revoke)
        self._write(account.sign_out)

    # ------------------------------------------------------------------------------------------ rounds

    def sync_round(self) -> RoundResult:
        """hello if needed → push everything → pull to the head → upload photos. Never raises."""
        with self._lock:
            self._state = "syncing"
            result = RoundResult(ok=False)
            pending: int | None = None   # counted once when nothing changes it (the idle round)
            try:
                self._ensure_hello()
                quiet_pending = self._probe()
                writes = self._writes
                result.pushed = self.push_all()
                result.pulled = self.pull_all()
                # Nothing written since the probe found an empty outbox: it is still empty as far as this round
                # goes (a change the user makes meanwhile is pushed by the next round).
                pending = 0 if quiet_pending and writes == self._writes else self._pending_count()
                if pending:
                    pending = None
                    result.pushed += self.push_all()   # e.g. an epoch change seen by the pull
                result.uploaded = self.upload_all()   # uploads and downloads never add to the outbox
                self.fetch_documents()
                result.ok = True
                self._state, self._last_error = "idle", None
                self._note_synced(result)
            except AuthRequired as exc:
                self._failed("auth_required", exc, result)
            except ServerStorageFull as exc:
                self._failed("server_full", exc, result)
            except Offline as exc:
                self._failed("offline", exc, result)
                self._hello_done = False
            except SyncError as exc:
                self._failed("error", exc, result)
            finally:
                self._hint.clear()
            if pending is None:
                pending = self._pending_count()
            self._pending_history = (self._pending_history + [pending])[-(self.stuck_after + 1):]
            self._notify()
            return result

    def _probe(self) -> bool:
        """Read what the round's steps need locally in one read transaction (sync/probe.py) and leave it to them
        as hints. True when the outbox has nothing pending."""
        with self.ctx.read() as s:
            pr = probe.read(s, self._holds)
        self._hint = {"token": (pr.token,) if pr.token else None, "pending": pr.pending,
                      "pull": (pr.cursor, pr.epoch, pr.scope, pr.settled),
                      "register": (pr.unregistered, pr.blob_mark, pr.blob_top),
                      "no_pending_blobs": not pr.unfinished_uploads, "wanted": pr.wanted_files}
        return pr.pending == 0

    def _failed(self, state: str, exc: SyncError, result: RoundResult) -> None:
        """The round failed: the state, and the error (the UI shows it translated, logs its English text)."""
        self._state, self._last_error = state, exc
        result.error = str(exc)

    def _note_synced(self, result: RoundResult) -> None:
        """The time of the last successful round: kept in memory, persisted (for the status after a restart)
        only when the round moved something or the stored time is older than LAST_SYNC_PERSIST, so an idle
        round writes nothing."""
        now = self.clock()
        self._last_sync_at = now
        stored = self._stored_last_sync
        if stored is None:
            with self.ctx.read() as s:
                raw = local.meta_get(s, "last_sync_at")
            stored = dt.datetime.fromisoformat(raw) if raw else None
        if result.pushed or result.pulled or result.uploaded or stored is None or now - stored >= LAST_SYNC_PERSIST:
            self._write(lambda s: local.meta_set(s, "last_sync_at", now.isoformat()))
            stored = now
        self._stored_last_sync = stored

    def run(self, should_stop: Callable[[], bool], max_rounds: int | None = None) -> None:
        """The background loop: a round, then sleep (idle interval, or backoff after an error)."""
        rounds = 0
        while not should_stop() and (max_rounds is None or rounds < max_rounds):
            if self._state == "offline" and not self.reachable():
                ok = False
            else:
                ok = self.sync_round().ok
            rounds += 1
            delay = self.backoff.next_delay(ok)
            self._next_attempt = self.clock() + dt.timedelta(seconds=delay)
            self._notify()
            if should_stop():
                break
            self.sleeper(delay)

    def reachable(self) -> bool:
        try:
            r = self.transport.send(Request("GET", "/healthz"))
        except TransportError:
            self._online = False
            return False
        self._online = r.status == 200
        return self._online

    # ------------------------------------------------------------------------------------------ status

    def status(self) -> SyncStatus:
        with self.ctx.read() as s:
            pending = _pending(s)
            rejected = s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "rejected"))
            conflicts = local.open_conflict_count(s)
            total = s.scalar(select(func.count()).select_from(BlobLocalRow)) or 0
            done = s.scalar(select(func.count()).select_from(BlobLocalRow)
                            .where(BlobLocalRow.upload_status == "complete")) or 0
            new_blobs = sum(1 for sha, _ in local.local_keys_for_blobs(s) if self.ctx.blobs.has(sha))
            last = local.meta_get(s, "last_sync_at")
            acc = account.load(s)
            epoch = local.state(s).server_epoch
        hist = self._pending_history
        stuck = (self._online and len(hist) > self.stuck_after and hist[-1] > 0
                 and min(hist[:-1]) <= hist[-1])
        return SyncStatus(
            state=self._state, online=self._online, signed_in=bool(acc and acc.token) or self._offline_sign_in,
            user=acc.user if acc else None, offline_sign_in=self._offline_sign_in, pending_changes=pending,
            rejected_changes=int(rejected or 0), open_conflicts=conflicts, photos_uploaded=int(done),
            photos_total=int(total) + new_blobs,
            last_sync_at=max((t for t in (dt.datetime.fromisoformat(last) if last else None, self._last_sync_at)
                              if t is not None), default=None),
            last_error=str(self._last_error) if self._last_error else None, last_problem=self._last_error,
            next_attempt_at=self._next_attempt, stuck=stuck, server_epoch=epoch,
            clock_skew_seconds=self._clock_skew)

    def _notify(self) -> None:
        if self.on_status is not None:
            try:
                self.on_status(self.status())
            except Exception:  # a UI callback must never break the sync loop
                log.exception("status callback failed")
