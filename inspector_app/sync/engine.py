"""The sync engine (sync.md §9): hello, push, pull with rebase, resumable blob uploads, and a timer-driven loop
with jittered exponential backoff. Qt-free; the UI runs `run()` on a worker thread and reads `status()`.

Clock, sleeper and random source are injected so tests never sleep and replay exactly.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from inspector_app import __version__
from inspector_app import syncproto as P
from inspector_app.services.context import ServiceContext, utc_now
from inspector_app.storage.db import transaction
from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import BlobLocalRow, ConflictLocalRow
from inspector_app.sync import account, local
from inspector_app.sync.transport import Request, Response, Transport, TransportError

log = logging.getLogger(__name__)
CLOCK_SKEW_WARN = dt.timedelta(minutes=10)


class SyncError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None, body: Any = None):
        super().__init__(message)
        if code:
            self.code = code
        self.body = body


class Offline(SyncError):
    """Network unreachable, connection cut, server 5xx: transient, retried with backoff."""
    code = "offline"


class ServerStorageFull(Offline):
    """507: the server's disk is full. Transient for us (retried with backoff) but not "cannot connect"."""
    code = "server_full"


class AuthRequired(SyncError):
    code = "auth_required"


class Busy(SyncError):
    code = "busy"


class ServerRefused(SyncError):
    """A 4xx the engine cannot fix by itself (upgrade required, malformed request). Nothing is discarded."""
    code = "refused"


@dataclass(frozen=True)
class SyncStatus:
    state: str                      # never | idle | syncing | offline | server_full | auth_required | error
    online: bool
    signed_in: bool
    user: str | None
    offline_sign_in: bool
    pending_changes: int
    rejected_changes: int
    open_conflicts: int
    photos_uploaded: int
    photos_total: int
    last_sync_at: dt.datetime | None
    last_error: str | None
    next_attempt_at: dt.datetime | None
    stuck: bool
    server_epoch: str | None
    clock_skew_seconds: float | None = None   # server clock minus this laptop's, from the last server_time seen


@dataclass
class RoundResult:
    ok: bool
    pushed: int = 0
    pulled: int = 0
    uploaded: int = 0
    error: str | None = None


@dataclass
class Backoff:
    """Jittered exponential backoff: 1 s doubling to 5 min on errors; a short idle interval otherwise."""

    base: float = 1.0
    cap: float = 300.0
    idle: float = 30.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self, ok: bool) -> float:
        if ok:
            self.failures = 0
            return self.idle * self.rng.uniform(0.8, 1.2)
        self.failures += 1
        raw = min(self.cap, self.base * 2 ** (self.failures - 1))
        return raw * self.rng.uniform(0.5, 1.0)


class SyncEngine:
    def __init__(self, ctx: ServiceContext, transport: Transport, *, server_url: str = "",
                 clock: Callable[[], dt.datetime] = utc_now, sleeper: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None, chunk_size: int = 4 << 20, push_batch: int = P.MAX_MUTATIONS_PER_PUSH,
                 pull_limit: int = 500, idle_interval: float = 30.0, stuck_after: int = 5):
        self.ctx = ctx
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
        self._last_error: str | None = None
        self._next_attempt: dt.datetime | None = None
        self._hello_done = False
        self._offline_sign_in = False
        self._pending_history: list[int] = []
        self._clock_skew: float | None = None
        self.on_status: Callable[[SyncStatus], None] | None = None
        self.stats = {"push_requests": 0, "pull_requests": 0, "bytes_uploaded": 0, "epoch_resets": 0,
                      "hello": 0}

    # ------------------------------------------------------------------------------------------ plumbing

    def _token(self) -> str | None:
        with self.ctx.read() as s:
            acc = account.load(s)
        return acc.token if acc else None

    def _call(self, method: str, path: str, *, json_body: Any = None, content: bytes | None = None,
              headers: dict[str, str] | None = None, params: dict[str, Any] | None = None,
              auth: bool = True) -> Response:
        h = dict(headers or {})
        if auth:
            token = self._token()
            if not token:
                raise AuthRequired("请先登录同步服务器")
            h["Authorization"] = f"Bearer {token}"
        try:
            r = self.transport.send(Request(method, path, json=json_body, content=content, headers=h,
                                            params=params or {}))
        except TransportError as exc:
            self._online = False
            raise Offline(f"无法连接同步服务器：{exc}") from exc
        self._online = True
        if r.status == 507:
            raise ServerStorageFull("服务器存储空间已满，稍后自动重试", body=r.json())
        if r.status >= 500:
            raise Offline(f"服务器错误 {r.status}", body=r.json())
        if r.status == 401:
            with transaction(self.ctx.session_factory) as s:
                account.forget_token(s)
            raise AuthRequired("登录已过期，请重新登录", body=r.json())
        return r

    @staticmethod
    def _err(r: Response) -> dict[str, Any]:
        body = r.json()
        return body if isinstance(body, dict) else {"error": f"http_{r.status}", "message": r.content[:200].decode(
            "utf-8", "replace")}

    # ------------------------------------------------------------------------------------------ account

    def sign_in(self, user: str, password: str) -> account.SignInResult:
        """Online sign-in; falls back to offline sign-in when the server cannot be reached."""
        try:
            r = self._call("POST", "/sync/v1/login", json_body={"user": user, "password": password}, auth=False)
        except Offline:
            with transaction(self.ctx.session_factory) as s:
                acc = account.verify_offline(s, user, password)
            if acc is None:
                return account.SignInResult(False, False, None, "无法连接服务器，且本机没有该用户的离线登录记录或密码错误")
            self._offline_sign_in = True
            return account.SignInResult(True, False, acc, "已离线登录；联网后将自动同步")
        if r.status != 200:
            err = self._err(r)
            return account.SignInResult(False, True, None, err.get("message") or "登录失败")
        with transaction(self.ctx.session_factory) as s:
            acc = account.store_online(s, self.server_url, user, password, r.json())
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
        with transaction(self.ctx.session_factory) as s:
            account.sign_out(s)

    # ------------------------------------------------------------------------------------------ protocol

    def hello(self) -> dict[str, Any]:
        with self.ctx.read() as s:
            st = local.state(s)
            client_id = st.client_id
        r = self._call("POST", "/sync/v1/hello", json_body={"client_id": client_id, "app_version": __version__,
                                                           "schema_version": P.SCHEMA_VERSION})
        if r.status != 200:
            err = self._err(r)
            raise ServerRefused(err.get("message", "hello refused"), err.get("error"), err)
        body = r.json()
        self._note_server_time(body.get("server_time"), self.clock())
        self.stats["hello"] += 1
        with transaction(self.ctx.session_factory) as s:
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
        body = {"client_id": client_id, "epoch": epoch, "schema_version": P.SCHEMA_VERSION,
                "mutations": [{"client_seq": r.client_seq, "mutation_id": r.mutation_id, "entity": r.entity,
                               "entity_id": r.entity_id, "op": r.op, "payload": r.payload, "hlc": r.hlc}
                              for r in batch]}
        self.stats["push_requests"] += 1
        r = self._call("POST", "/sync/v1/push", json_body=body)
        if r.status == 409:
            err = self._err(r)
            if err.get("error") in ("epoch_mismatch", "unknown_client"):
                self.hello()     # adopts the epoch and re-pends what the server lost; the next push re-sends
                return 0
            if err.get("error") == "seq_reused":
                raise ServerRefused("服务器报告序号被重复使用：本机同步数据可能已损坏，请联系管理员", "seq_reused", err)
            raise ServerRefused(err.get("message", "push refused"), err.get("error"), err)
        if r.status != 200:
            err = self._err(r)
            raise ServerRefused(err.get("message", f"push refused ({r.status})"), err.get("error"), err)
        resp = r.json()
        now = self.clock()
        self._note_server_time(resp.get("server_time"), now)
        with transaction(self.ctx.session_factory) as s:
            before = _pending(s)
            touched = local.apply_push_results(s, resp.get("results") or [], int(resp["last_seq"]), now)
            local.materialize_pending(s, touched)
            for key in touched:
                local.materialize(s, *key)
            return before - _pending(s)

    def push_all(self, max_batches: int | None = None) -> int:
        """Push until nothing is pending. A request that moves nothing (the hello after an epoch change, a
        re-pended gap) is allowed once in a row; a second one ends the loop (bounded, F6)."""
        total = 0
        limit = max_batches if max_batches is not None else self._pending_count() // max(1, self.push_batch) + 5
        stalls = 0
        for _ in range(max(1, limit)):
            if not self._pending_count():
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
        with self.ctx.read() as s:
            st = local.state(s)
            cursor, epoch = st.pull_cursor, st.server_epoch
        self.stats["pull_requests"] += 1
        r = self._call("GET", "/sync/v1/pull", params={"cursor": cursor, "limit": self.pull_limit},
                       headers={"X-Sync-Epoch": epoch or ""})
        if r.status == 409:
            # Only the handshake adopts a new epoch (sync.md §9): hello, then the caller pushes and re-pulls.
            self.hello()
            return 0, True
        if r.status != 200:
            err = self._err(r)
            raise ServerRefused(err.get("message", f"pull refused ({r.status})"), err.get("error"), err)
        page = r.json()
        with transaction(self.ctx.session_factory) as s:
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

    def pull_all(self, max_pages: int = 10_000) -> int:
        total = 0
        for _ in range(max_pages):
            n, more = self.pull_once()
            total += n
            if not more:
                break
        return total

    # ------------------------------------------------------------------------------------------ blobs

    def register_blobs(self) -> int:
        """Give every local file that a record references (evidence photos, signature images, signed PDFs)
        upload bookkeeping. Outbox rows are scanned once each, from a persisted high-water mark."""
        blob_entities = {n: spec.blob_field for n, spec in P.ENTITIES.items() if spec.blob_field}
        with transaction(self.ctx.session_factory) as s:
            # Only files this device holds: photos pulled from teammates are fetched on demand, not uploaded.
            rows = [(sha, size) for sha, size in local.local_keys_for_blobs(s) if self.ctx.blobs.has(sha)]
            mark = int(local.meta_get(s, "blob_scan_seq", 0) or 0)
            top = mark
            for ob in s.scalars(select(OutboxRow).where(OutboxRow.client_seq > mark,
                                                        OutboxRow.entity.in_(list(blob_entities)))):
                top = max(top, ob.client_seq)
                field_name = blob_entities[ob.entity]
                payload = ob.payload if isinstance(ob.payload, dict) else {}
                data = P.create_data(payload) if ob.op in ("create", "append") else {
                    f: pair[1] for f, pair in (payload.get("fields") or {}).items() if isinstance(pair, list)}
                sha = data.get(field_name) if isinstance(data, dict) else None
                if isinstance(sha, str) and P.SHA256_RE.match(sha) and self.ctx.blobs.has(sha):
                    rows.append((sha, self.ctx.blobs.size(sha)))
            if top != mark:
                local.meta_set(s, "blob_scan_seq", top)
            seen = set()
            rows = [(sha, size) for sha, size in rows
                    if not (sha in seen or seen.add(sha)) and s.get(BlobLocalRow, sha) is None]  # type: ignore[func-returns-value]
            for sha, size in rows:
                s.add(BlobLocalRow(sha256=sha, size=size, rel_path=f"{sha[:2]}/{sha[2:4]}/{sha}",
                                   upload_status="pending", upload_offset=0, attempts=0, created_at=self.clock()))
            return len(rows)

    def pending_blobs(self) -> list[str]:
        with self.ctx.read() as s:
            return list(s.scalars(select(BlobLocalRow.sha256).where(BlobLocalRow.upload_status != "complete")
                                  .order_by(BlobLocalRow.created_at, BlobLocalRow.sha256)))

    def _blob_update(self, sha: str, **values: Any) -> None:
        with transaction(self.ctx.session_factory) as s:
            row = s.get(BlobLocalRow, sha)
            if row is not None:
                for k, v in values.items():
                    setattr(row, k, v)

    def upload_blob(self, sha: str) -> bool:
        """Upload one blob to completion (resuming from the server's offset). True once the server has it."""
        if not self.ctx.blobs.has(sha):
            self._blob_update(sha, last_error="本地文件缺失")
            return False
        size = self.ctx.blobs.size(sha)  # the plaintext: the server stores and hashes what the records print
        tus = {"Tus-Resumable": "1.0.0"}
        r = self._call("HEAD", f"/sync/v1/blobs/{sha}")
        if r.status == 200:
            self._blob_update(sha, upload_status="complete", upload_offset=size, last_error=None)
            return True
        self._blob_update(sha, upload_status="uploading")
        offset = self._create_upload(sha, size)
        if offset is None:
            return True
        restarts = 0
        with self.ctx.blobs.open(sha) as f:
            for _ in range(size // max(1, self.chunk_size) + 50):
                f.seek(offset)
                chunk = f.read(self.chunk_size)
                checksum = "sha256 " + base64.b64encode(hashlib.sha256(chunk).digest()).decode()
                try:
                    r = self._call("PATCH", f"/sync/v1/uploads/{sha}", content=chunk, headers={
                        **tus, "Upload-Offset": str(offset), "Upload-Checksum": checksum,
                        "Content-Type": "application/offset+octet-stream"})
                except ServerStorageFull as exc:
                    self._blob_update(sha, upload_offset=offset, last_error=str(exc))
                    raise   # nothing to learn from the offset: wait for the operator to free space
                except Offline:
                    # Lost connection or response: the server's staged length is the truth.
                    try:
                        h = self._call("HEAD", f"/sync/v1/uploads/{sha}")
                    except Offline:
                        self._blob_update(sha, upload_offset=offset, last_error="网络中断")
                        raise
                    if h.status == 200 and h.header("upload-offset") is not None:
                        offset = int(h.header("upload-offset") or 0)
                        if offset >= size and self._call("HEAD", f"/sync/v1/blobs/{sha}").status == 200:
                            self._blob_update(sha, upload_status="complete", upload_offset=size, last_error=None)
                            return True
                        continue
                    created = self._create_upload(sha, size)
                    if created is None:
                        return True
                    offset = created
                    continue
                if r.status in (200, 201):
                    self.stats["bytes_uploaded"] += len(chunk)
                    self._blob_update(sha, upload_status="complete", upload_offset=size, last_error=None)
                    return True
                if r.status == 204:
                    self.stats["bytes_uploaded"] += len(chunk)
                    offset = int(r.header("upload-offset") or offset + len(chunk))
                    self._blob_update(sha, upload_offset=offset)
                elif r.status == 409:
                    offset = int((self._err(r)).get("offset", r.header("upload-offset") or 0))
                elif r.status == 460:
                    continue
                elif r.status == 423:
                    raise Busy("该文件正在由另一台设备上传")
                elif r.status in (404, 410) or (r.status == 422 and self._err(r).get("error") == "digest_mismatch"):
                    restarts += 1
                    if restarts > 3:
                        raise ServerRefused("文件上传反复失败（摘要不符）", "digest_mismatch")
                    created = self._create_upload(sha, size)
                    if created is None:
                        return True
                    offset = created
                else:
                    err = self._err(r)
                    self._blob_update(sha, last_error=err.get("message"))
                    raise ServerRefused(err.get("message", f"upload refused ({r.status})"), err.get("error"), err)
        raise Offline("上传未能在限定次数内完成")

    def _create_upload(self, sha: str, size: int) -> int | None:
        """POST /uploads (idempotent). None when the server already has the whole blob."""
        r = self._call("POST", "/sync/v1/uploads", json_body={"sha256": sha, "size": size})
        if r.status != 200:
            err = self._err(r)
            self._blob_update(sha, last_error=err.get("message"))
            raise ServerRefused(err.get("message", "upload refused"), err.get("error"), err)
        body = r.json()
        if body.get("status") == "complete":
            self._blob_update(sha, upload_status="complete", upload_offset=size, last_error=None)
            return None
        return int(body.get("offset", 0))

    def fetch_documents(self) -> int:
        """Download the signed PDFs and signature images pulled records point at (needed to review and sign)."""
        with self.ctx.read() as s:
            wanted = local.missing_files(s, self.ctx.blobs)
        return sum(1 for sha in wanted if self.fetch_blob(sha))

    def fetch_blob(self, sha: str) -> bool:
        """Download a teammate's evidence file into the local content-addressed store (verified by its hash)."""
        if self.ctx.blobs.has(sha):
            return True
        r = self._call("GET", f"/sync/v1/blobs/{sha}")
        if r.status == 404:
            return False
        if r.status != 200:
            err = self._err(r)
            raise ServerRefused(err.get("message", f"download refused ({r.status})"), err.get("error"), err)
        if hashlib.sha256(r.content).hexdigest() != sha:
            raise Offline("下载的文件与摘要不符，稍后重试")
        self.ctx.blobs.put_bytes(r.content)
        return True

    def upload_all(self) -> int:
        self.register_blobs()
        done = 0
        for sha in self.pending_blobs():
            with transaction(self.ctx.session_factory) as s:
                row = s.get(BlobLocalRow, sha)
                if row is not None:
                    row.attempts += 1
            if self.upload_blob(sha):
                done += 1
        return done

    # ------------------------------------------------------------------------------------------ rounds

    def sync_round(self) -> RoundResult:
        """hello if needed → push everything → pull to the head → upload photos. Never raises."""
        with self._lock:
            self._state = "syncing"
            result = RoundResult(ok=False)
            try:
                self._ensure_hello()
                result.pushed = self.push_all()
                result.pulled = self.pull_all()
                if self._pending_count():
                    result.pushed += self.push_all()   # e.g. an epoch change seen by the pull
                result.uploaded = self.upload_all()
                self.fetch_documents()
                result.ok = True
                self._state, self._last_error = "idle", None
                with transaction(self.ctx.session_factory) as s:
                    local.meta_set(s, "last_sync_at", self.clock().isoformat())
            except AuthRequired as exc:
                self._state, self._last_error = "auth_required", str(exc)
                result.error = str(exc)
            except ServerStorageFull as exc:
                self._state, self._last_error = "server_full", str(exc)
                result.error = str(exc)
            except Offline as exc:
                self._state, self._last_error = "offline", str(exc)
                self._hello_done = False
                result.error = str(exc)
            except SyncError as exc:
                self._state, self._last_error = "error", str(exc)
                result.error = str(exc)
            self._pending_history = (self._pending_history + [self._pending_count()])[-(self.stuck_after + 1):]
            self._notify()
            return result

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

    def _pending_count(self) -> int:
        with self.ctx.read() as s:
            return _pending(s)

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
            photos_total=int(total) + new_blobs, last_sync_at=dt.datetime.fromisoformat(last) if last else None,
            last_error=self._last_error, next_attempt_at=self._next_attempt, stuck=stuck, server_epoch=epoch,
            clock_skew_seconds=self._clock_skew)

    def _notify(self) -> None:
        if self.on_status is not None:
            try:
                self.on_status(self.status())
            except Exception:  # a UI callback must never break the sync loop
                log.exception("status callback failed")


def _pending(s: Any) -> int:
    return int(s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending")) or 0)


def _settle_resolving(s: Any) -> None:
    """A local resolution whose mutation the server has answered stops hiding the conflict: the pulled status
    (resolved, or still open after a racing resolution) is the truth from then on."""
    rows = s.scalars(select(ConflictLocalRow).where(ConflictLocalRow.status == "resolving")).all()
    for row in rows:
        if row.resolution_mutation is None:
            continue
        ob = s.scalar(select(OutboxRow).where(OutboxRow.mutation_id == row.resolution_mutation))
        if ob is None or ob.status != "pending":
            row.status = "open" if ob is not None and ob.status in ("rejected", "conflict") else row.status
