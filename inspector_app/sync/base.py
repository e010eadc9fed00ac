"""The engine's common ground: its settings and state, the one way requests go out (`_call`: auth header,
transport errors → Offline, 5xx → retried, 401 → signed out), and the handshake (`hello`), which alone adopts a
new server epoch (sync.md §9, F3). Push/pull (transfer.py) and blobs (blob_sync.py) build on it.

Clock, sleeper and random source are injected so tests never sleep and replay exactly.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app import __version__
from inspector_app import syncproto as P
from inspector_app.services.context import ServiceContext, utc_now
from inspector_app.storage.db import transaction
from inspector_app.storage.orm import OutboxRow
from inspector_app.sync import account, local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.sync.errors import AuthRequired, Offline, ServerStorageFull, SyncError, refused
from inspector_app.sync.status import Backoff, SyncStatus
from inspector_app.sync.transport import Request, Response, Transport, TransportError
from inspector_app.syncproto import wire

log = logging.getLogger(__name__)
CLOCK_SKEW_WARN = dt.timedelta(minutes=10)
T = TypeVar("T")
WriteLane = Callable[[Callable[[], Any]], Any]


def inline_lane(fn: Callable[[], T]) -> T:
    """The lane of the CLI and the tests: write transactions run on the calling thread."""
    return fn()


class EngineBase:
    def __init__(self, ctx: ServiceContext, transport: Transport, *, server_url: str = "",
                 clock: Callable[[], dt.datetime] = utc_now, sleeper: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None, chunk_size: int = 4 << 20,
                 push_batch: int = P.MAX_MUTATIONS_PER_PUSH,
                 pull_limit: int = 500, idle_interval: float = 30.0, stuck_after: int = 5,
                 write_lane: WriteLane | None = None):
        self.ctx = ctx
        # Every local write transaction goes through this lane. The desktop app passes its single writer
        # (ui/tasks.py TaskRunner.call_on_writer), so a sync round never writes SQLite around it; network I/O
        # stays on the round's own thread and only the short transactions queue behind the user's writes.
        self.write_lane: WriteLane = write_lane or inline_lane
        self.transport = transport
        self.server_url = server_url
        self.clock = clock
        self.sleeper = sleeper
        self.rng = rng or random.Random()
        self.chunk_size = chunk_size
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.backoff = Backoff(idle=idle_interval, rng=self.rng)
        self.stuck_after = stuck_after
        self._lock = threading.RLock()          # one round at a time per engine
        self._online = False
        self._state = "never"
        self._last_error: SyncError | None = None
        self._next_attempt: dt.datetime | None = None
        self._hello_done = False
        self._offline_sign_in = False
        self._pending_history: list[int] = []
        self._clock_skew: float | None = None
        self._last_sync_at: dt.datetime | None = None       # the last successful round (engine._note_synced)
        self._stored_last_sync: dt.datetime | None = None
        # Files seen in the local content-addressed store, which is only ever added to: the idle round's check for
        # files to download stats each one once per process, not once per round (blob_sync.fetch_documents).
        self._held: set[str] = set()
        # What the round's probe read (sync/probe.py), consumed once per key by the step that needs it; any write by
        # the engine drops it, so a value is only used while nothing this engine did could have changed it.
        self._hint: dict[str, Any] = {}
        self._writes = 0
        # The token for a run of uploads, read once (upload_all): a read transaction per request cost ~4 ms of a
        # ~30 ms photo upload (issue 17). Cleared when the run ends and when the server answers 401.
        self._run_token: str | None = None
        self.on_status: Callable[[SyncStatus], None] | None = None
        self.stats = {"push_requests": 0, "pull_requests": 0, "bytes_uploaded": 0, "epoch_resets": 0,
                      "hello": 0}


    # ------------------------------------------------------------------------------------------ plumbing

    def _write(self, fn: Callable[[Session], T]) -> T:
        """One local write transaction (commit on return, rollback on error) run through the write lane."""
        self._hint.clear()
        self._writes += 1

        def tx() -> T:
            with transaction(self.ctx.session_factory) as s:
                return fn(s)

        return self.write_lane(tx)  # type: ignore[no-any-return]

    def _take(self, key: str) -> Any:
        """The probe's value for `key` (once), or None when the step must read for itself."""
        return self._hint.pop(key, None)

    def _token(self) -> str | None:
        if self._run_token is not None:
            return self._run_token
        hinted = self._take("token")
        if hinted is not None:
            return hinted[0]  # type: ignore[no-any-return]
        with self.ctx.read() as s:
            acc = account.load(s)
        return acc.token if acc else None

    def _call(self, method: str, path: str, *, json_body: Any = None, content: bytes | None = None,
              headers: dict[str, str] | None = None, params: dict[str, Any] | None = None,
              auth: bool = True, sink: Callable[[Iterable[bytes]], Any] | None = None) -> Response:
        h = dict(headers or {})
        if auth:
            token = self._token()
            if not token:
                raise AuthRequired("sync.sign_in_needed", QT_TRANSLATE_NOOP(
                    "Errors", "Sign in to the sync server first."))
            h["Authorization"] = f"Bearer {token}"
        try:
            r = self.transport.send(Request(method, path, json=json_body, content=content, headers=h,
                                            params=params or {}, sink=sink))
        except TransportError as exc:
            self._online = False
            raise Offline("sync.unreachable", QT_TRANSLATE_NOOP(
                "Errors", "Cannot connect to the sync server: {reason}"), reason=str(exc)) from exc
        self._online = True
        if r.status == 507:
            raise ServerStorageFull("sync.server_full", QT_TRANSLATE_NOOP(
                "Errors", "The server's storage is full; the sync will be retried automatically."), body=r.json())
        if r.status >= 500:
            raise Offline("sync.server_error", QT_TRANSLATE_NOOP("Errors", "Server error {status}"), body=r.json(),
                          status=r.status)
        if r.status == 401:
            self._run_token = None
            self._write(account.forget_token)
            raise AuthRequired("sync.session_expired", QT_TRANSLATE_NOOP(
                "Errors", "The sign-in has expired; sign in again."), body=r.json())
        return r

    @staticmethod
    def _err(r: Response) -> dict[str, Any]:
        body = r.json()
        return body if isinstance(body, dict) else {"error": f"http_{r.status}", "message": r.content[:200].decode(
            "utf-8", "replace")}

    # ------------------------------------------------------------------------------------------ protocol

    def hello(self) -> dict[str, Any]:
        with self.ctx.read() as s:
            st = local.state(s)
            client_id = st.client_id
        r = self._call("POST", "/sync/v1/hello", json_body=wire.hello_request(client_id, __version__))
        if r.status != 200:
            err = self._err(r)
            raise refused(err, f"hello refused ({r.status})")
        body = r.json()
        self._note_server_time(body.get("server_time"), self.clock())
        self.stats["hello"] += 1

        def adopt(s: Session) -> None:
            st = local.state(s)
            if st.server_epoch != body["epoch"]:
                if st.server_epoch is not None:
                    self.stats["epoch_resets"] += 1
                local.adopt_epoch(s, body["epoch"], int(body["last_seq"]))
            else:
                local.repend_above(s, int(body["last_seq"]))
            if body.get("scope_hash") and st.scope_hash != body["scope_hash"]:
                if st.scope_hash is not None:
                    st.pull_cursor = 0      # roster change: re-pull our (new) scope from zero, once
                st.scope_hash = body["scope_hash"]
            acc = local.meta_get(s, account.ACCOUNT_KEY)
            if acc and body.get("user"):
                local.meta_set(s, account.ACCOUNT_KEY, {**acc, "teams": body["user"].get("teams", []),
                                                        "role": body["user"].get("role")})

        self._write(adopt)
        self._hello_done = True
        return body

    def _note_server_time(self, server_time: Any, local_now: dt.datetime) -> None:
        """Server clock minus ours (issue 11 item 5): the UI warns beyond CLOCK_SKEW_WARN; signature times on
        this laptop come from this clock, so a wrong date must be visible before anyone signs."""
        try:
            server = dt.datetime.fromisoformat(str(server_time))
        except ValueError:
            return
        if server.tzinfo is None:
            return
        self._clock_skew = (server - local_now).total_seconds()

    def clock_skewed(self) -> bool:
        return self._clock_skew is not None and abs(self._clock_skew) > CLOCK_SKEW_WARN.total_seconds()

    def _ensure_hello(self) -> None:
        if not self._hello_done:
            self.hello()

    def _pending_count(self) -> int:
        hinted = self._take("pending")
        if hinted is not None:
            return hinted  # type: ignore[no-any-return]
        with self.ctx.read() as s:
            return _pending(s)


def _pending(s: Any) -> int:
    return int(s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending")) or 0)
