"""FastAPI application factory. Handlers keep no per-session state (F13): every request carries client_id,
epoch and cursor, and tokens live in the database, so several processes can serve one PostgreSQL database."""


import datetime as dt
import errno
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inspector_app import __version__
from inspector_app.server import auth, routes_account, routes_blobs, tsa
from inspector_app.server.throttle import Policy as ThrottlePolicy
from inspector_app import syncproto as P
from inspector_app.server import sync_service as svc
from inspector_app.server.db import Database
from inspector_app.server.errors import ApiError
from inspector_app.server.storage import Staging, make_blob_storage
from inspector_app.server.timestamping import DocumentStamper
from inspector_app.server.uploads import UploadService

log = logging.getLogger(__name__)
SHA_PATTERN = r"^[0-9a-f]{64}$"
ID_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z:._-]{0,199}$"
UPLOAD_PATH = re.compile(r"^/sync/v1/uploads/")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class ServerSettings:
    db_url: str
    storage_dir: Path
    token_ttl: dt.timedelta = dt.timedelta(hours=12)
    clock: Callable[[], dt.datetime] = utc_now
    argon2_memory_kib: int = 65536
    argon2_time_cost: int = 3
    max_json_body: int = P.MAX_PUSH_BYTES + (64 << 10)
    max_chunk: int = 16 << 20
    max_blob: int = 8 << 30
    upload_expiry: dt.timedelta = dt.timedelta(days=7)
    push_delay: float = 0.0           # test knob: seconds spent per mutation (lets a test SIGKILL mid-push)
    push_fault: Callable[[svc.MutationIn], None] | None = field(default=None, repr=False)
    run_migrations: bool = True
    login_throttle: ThrottlePolicy = field(default_factory=ThrottlePolicy)
    api_docs: str = "signed_in"       # signed_in | off | public (routes_account.py)
    tsa_url: str | None = None        # the agency's RFC 3161 TSA; else the server's own (tsa.py), if set up
    blob_store: str | None = None     # s3://bucket/prefix?endpoint=... (s3_storage.py); None: files in storage_dir
    s3_part_size: int = 16 << 20      # multipart part size when publishing to S3 (peak memory ≈ part × concurrency)
    s3_concurrency: int = 4
    s3_multipart_threshold: int = 64 << 20


# ---------------------------------------------------------------------------------------------- bodies

class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class HelloRequest(Strict):
    client_id: str = Field(pattern=ID_PATTERN, max_length=64)
    user: str | None = Field(default=None, max_length=100)
    app_version: str = Field(default="", max_length=40)
    schema_version: int = Field(ge=0, le=1_000_000)


class MutationBody(Strict):
    client_seq: int = Field(ge=1, le=2**62)
    mutation_id: str = Field(pattern=ID_PATTERN, max_length=64)
    entity: str = Field(min_length=1, max_length=40)
    entity_id: str = Field(pattern=ID_PATTERN, max_length=200)
    op: str = Field(min_length=1, max_length=20)
    payload: dict[str, Any]
    hlc: str = Field(default="", max_length=120)


class PushRequest(Strict):
    client_id: str = Field(pattern=ID_PATTERN, max_length=64)
    epoch: str = Field(max_length=64)
    schema_version: int = Field(default=P.SCHEMA_VERSION, ge=0, le=1_000_000)
    mutations: list[MutationBody] = Field(max_length=P.MAX_MUTATIONS_PER_PUSH)


class ReferenceItem(Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=200)
    data: dict[str, Any]


class ReferenceImport(Strict):
    entity: Literal["institution", "officer", "template"]
    items: list[ReferenceItem] = Field(max_length=5000)


# ---------------------------------------------------------------------------------------------- middleware

class BodyLimit:
    """Refuse oversized bodies with 413 before any handler runs (also bodies sent without Content-Length)."""

    def __init__(self, app: ASGIApp, json_limit: int, chunk_limit: int):
        self.app, self.json_limit, self.chunk_limit = app, json_limit, chunk_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.chunk_limit + 4096 if UPLOAD_PATH.match(scope["path"]) else self.json_limit
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _send_json(send, 400, {"error": "bad_content_length", "message": "Content-Length 无效"})
                return
            if int(declared) > limit:
                await _send_json(send, 413, {"error": "body_too_large", "message": f"请求体过大（上限 {limit} 字节）",
                                             "limit": limit})
                return
        if UPLOAD_PATH.match(scope["path"]):
            # Upload chunks stream to the staging file (uploads.py): counted here, never buffered. Past the limit
            # the handler's read fails with 413 and the chunk is cut back off the staging file.
            seen = 0

            async def counted() -> Message:
                nonlocal seen
                message = await receive()
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise ApiError(413, "body_too_large", f"请求体过大（上限 {limit} 字节）", limit=limit)
                return message

            await self.app(scope, counted, send)
            return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client went away mid-body: nothing reaches a handler, nothing is written
            body = message.get("body", b"")
            total += len(body)
            if total > limit:
                await _send_json(send, 413, {"error": "body_too_large", "message": f"请求体过大（上限 {limit} 字节）",
                                             "limit": limit})
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        delivered = False

        async def replay() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    import json

    raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]})
    await send({"type": "http.response.body", "body": raw})


# ---------------------------------------------------------------------------------------------- factory

def _document_pdfs(db: Database, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    from inspector_app.server.models import Record

    with db.read() as s:
        recs = [s.get(Record, ("document", i)) for i in ids]
    return {r.data["pdf_sha256"] for r in recs if r is not None and isinstance(r.data.get("pdf_sha256"), str)}


DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _storage_full() -> JSONResponse:
    return JSONResponse({"error": "storage_full", "message": "服务器存储空间已满，请稍后重试（本机数据不受影响）"},
                        status_code=507, headers={"Retry-After": "300"})


def create_app(settings: ServerSettings) -> FastAPI:
    db = Database(settings.db_url, run_migrations=settings.run_migrations)
    storage = make_blob_storage(settings.blob_store, settings.storage_dir, part_size=settings.s3_part_size,
                                multipart_threshold=settings.s3_multipart_threshold,
                                max_concurrency=settings.s3_concurrency)
    staging = Staging(settings.storage_dir)
    uploads = UploadService(db, storage, staging, expiry=settings.upload_expiry, max_chunk=settings.max_chunk,
                            max_size=settings.max_blob)
    hasher = auth.make_hasher(settings.argon2_memory_kib, settings.argon2_time_cost)
    public_docs = settings.api_docs == "public"
    app = FastAPI(title="inspector sync server", version=__version__,
                  docs_url="/docs" if public_docs else None, redoc_url=None,
                  openapi_url="/openapi.json" if public_docs else None,
                  description="Sync v1 (offline-first sync for 医保基金现场检查). All bodies JSON; errors are "
                              '{"error": code, "message": text}.')
    app.state.db, app.state.uploads, app.state.settings, app.state.hasher = db, uploads, settings, hasher
    timestamper = tsa.make_timestamper(settings.storage_dir, settings.tsa_url)
    app.state.stamper = stamper = DocumentStamper(db, storage, staging.dir, timestamper, settings.clock)
    app.add_middleware(BodyLimit, json_limit=settings.max_json_body, chunk_limit=settings.max_chunk)
    bearer = HTTPBearer(auto_error=False)

    @app.exception_handler(ApiError)
    async def _api_error(_req: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))} for e in exc.errors()]
        first = details[0] if details else {"loc": [], "msg": ""}
        return JSONResponse({"error": "invalid_request",
                             "message": f"请求格式错误：{'.'.join(first['loc'])} {first['msg']}".strip(),
                             "details": details}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse({"error": code, "message": str(exc.detail)}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    # A full disk (evidence storage or the database) is the operator's problem, not the client's: 507 with the
    # usual JSON error, so the laptop says "server storage full" and retries later instead of "cannot connect".
    @app.exception_handler(OSError)
    async def _os_error(_req: Request, exc: OSError) -> JSONResponse:
        if exc.errno not in DISK_FULL_ERRNOS:
            raise exc
        log.error("storage full: %s", exc)
        return _storage_full()

    @app.exception_handler(OperationalError)
    async def _db_error(_req: Request, exc: OperationalError) -> JSONResponse:
        orig = getattr(exc, "orig", None)
        if getattr(orig, "sqlstate", None) != "53100" and "database or disk is full" not in str(orig):
            raise exc
        log.error("database storage full: %s", orig)
        return _storage_full()

    @app.exception_handler(PoolTimeout)
    async def _pool_exhausted(_req: Request, exc: PoolTimeout) -> JSONResponse:
        # Every connection of this worker's bounded pool stayed busy (db.PoolLimits): transient, retried later.
        log.warning("database pool exhausted: %s", exc)
        return JSONResponse({"error": "busy", "message": "服务器繁忙，稍后自动重试"}, status_code=503,
                            headers={"Retry-After": "5"})

    Creds = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]

    def signed_in(creds: HTTPAuthorizationCredentials | None, s: Session) -> auth.Principal:
        if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
            raise ApiError(401, "unauthenticated", "需要登录（Authorization: Bearer <token>）",
                           headers={"WWW-Authenticate": "Bearer"})
        p = auth.authenticate(s, creds.credentials, settings.clock())
        if p is None:
            raise ApiError(401, "invalid_token", "登录已过期或无效，请重新登录", headers={"WWW-Authenticate": "Bearer"})
        return p

    def who(creds: Creds) -> auth.Principal:
        with db.read() as s:
            return signed_in(creds, s)

    def admin(p: Annotated[auth.Principal, Depends(who)]) -> auth.Principal:
        if not p.is_admin:
            raise ApiError(403, "forbidden_role", "只有管理员可以导入花名册和检查表")
        return p

    Who = Annotated[auth.Principal, Depends(who)]

    def check_schema(version: int) -> None:
        if version > P.SCHEMA_VERSION:
            raise ApiError(400, "unsupported_schema", "客户端版本比服务器新，服务器无法处理；请升级服务器",
                           server_schema=P.SCHEMA_VERSION, client_schema=version)
        if version < P.MIN_CLIENT_SCHEMA:
            raise ApiError(426, "upgrade_required", "客户端版本过旧，请升级后再同步（本地未同步的修改会保留）",
                           min_schema=P.MIN_CLIENT_SCHEMA)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/sync/v1/me")
    def me(p: Who) -> dict[str, Any]:
        return {"id": p.user_id, "name": p.name, "role": p.role, "teams": list(p.teams),
                "scope_hash": P.scope_hash(p.role, p.teams)}

    @app.post("/sync/v1/hello")
    def hello(body: HelloRequest, p: Who) -> dict[str, Any]:
        check_schema(body.schema_version)
        if body.user is not None and body.user != p.name:
            raise ApiError(403, "user_mismatch", "请求中的用户与登录用户不一致")
        with db.write() as s:
            return svc.hello(s, p, body.client_id, body.app_version, body.schema_version, settings.clock())

    @app.post("/sync/v1/push")
    def push(body: PushRequest, p: Who) -> dict[str, Any]:
        check_schema(body.schema_version)
        seen: set[int] = set()
        muts = []
        for m in body.mutations:
            spec = P.ENTITIES.get(m.entity)
            if spec is None:
                raise ApiError(422, "unknown_entity", f"未知的实体类型 {m.entity!r}", client_seq=m.client_seq)
            if m.op not in spec.ops():
                raise ApiError(422, "unknown_op", f"{m.entity} 不支持操作 {m.op!r}", client_seq=m.client_seq)
            if m.client_seq in seen:
                raise ApiError(422, "duplicate_seq", "同一批次中序号重复", client_seq=m.client_seq)
            seen.add(m.client_seq)
            muts.append(svc.MutationIn(m.client_seq, m.mutation_id, m.entity, m.entity_id, m.op, m.payload, m.hlc))
        fault = settings.push_fault
        if settings.push_delay and fault is None:
            def fault(_m: svc.MutationIn) -> None:
                time.sleep(settings.push_delay)
        with db.write() as s:
            out = svc.push(s, p, body.client_id, body.epoch, muts, settings.clock(), fault)
        if timestamper is not None:  # a signed document whose file is already here gets its trusted time now
            for sha in _document_pdfs(db, {m.entity_id for m in muts if m.entity == "document"}):
                stamper.consider(sha)
        return out

    # The idle round's one request (issue 17): the token is checked in the pull's own read transaction, not in a
    # dependency of its own (a second session and a second trip to the thread pool per request). Query and header
    # checks therefore come first: a malformed pull without a token gets 422, not 401.
    @app.get("/sync/v1/pull")
    def pull(creds: Creds, cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
             limit: Annotated[int, Query(ge=1, le=P.MAX_PULL_LIMIT)] = 500,
             x_sync_epoch: Annotated[str | None, Header(max_length=64)] = None) -> JSONResponse:
        with db.read() as s:
            page = svc.pull(s, signed_in(creds, s), x_sync_epoch, cursor, limit)
        # The page is JSON already (stored JSON and plain values): serialised once, without FastAPI walking it
        # through its encoder and an output check of `dict[str, Any]` first.
        return JSONResponse(page)

    @app.post("/sync/v1/admin/reference")
    def import_reference(body: ReferenceImport, p: Annotated[auth.Principal, Depends(admin)]) -> dict[str, Any]:
        for item in body.items:
            if not P._no_floats(item.data):
                raise ApiError(422, "invalid_value", f"{item.id}: 参考数据中不允许浮点数（请用字符串表示小数）")
        with db.write() as s:
            return svc.import_reference(s, p, body.entity, [i.model_dump() for i in body.items], settings.clock())

    routes_blobs.register(app, who)
    routes_account.register(app, who, admin, bearer)
    return app
