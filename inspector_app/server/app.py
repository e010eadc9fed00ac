"""FastAPI application factory. Handlers keep no per-session state (F13): every request carries client_id,
epoch and cursor, and tokens live in the database, so several processes can serve one PostgreSQL database."""


import datetime as dt
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from inspector_app import __version__
from inspector_app.server import auth
from inspector_app.server import protocol as P
from inspector_app.server import sync_service as svc
from inspector_app.server.db import Database
from inspector_app.server.errors import ApiError
from inspector_app.server.storage import FileBlobStorage, Staging, iter_file
from inspector_app.server.uploads import TUS_VERSION, UploadService

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


# ---------------------------------------------------------------------------------------------- bodies

class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class LoginRequest(Strict):
    user: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


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


class UploadCreate(Strict):
    sha256: str = Field(pattern=SHA_PATTERN)
    size: int = Field(ge=0, le=2**53)


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

def create_app(settings: ServerSettings) -> FastAPI:
    db = Database(settings.db_url, run_migrations=settings.run_migrations)
    storage = FileBlobStorage(settings.storage_dir)
    staging = Staging(settings.storage_dir)
    uploads = UploadService(db, storage, staging, expiry=settings.upload_expiry, max_chunk=settings.max_chunk,
                            max_size=settings.max_blob)
    hasher = auth.make_hasher(settings.argon2_memory_kib, settings.argon2_time_cost)
    app = FastAPI(title="inspector sync server", version=__version__,
                  description="Sync v1 (offline-first sync for 医保基金现场检查). All bodies JSON; errors are "
                              '{"error": code, "message": text}.')
    app.state.db, app.state.uploads, app.state.settings, app.state.hasher = db, uploads, settings, hasher
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

    def who(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> auth.Principal:
        if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
            raise ApiError(401, "unauthenticated", "需要登录（Authorization: Bearer <token>）",
                           headers={"WWW-Authenticate": "Bearer"})
        with db.read() as s:
            p = auth.authenticate(s, creds.credentials, settings.clock())
        if p is None:
            raise ApiError(401, "invalid_token", "登录已过期或无效，请重新登录", headers={"WWW-Authenticate": "Bearer"})
        return p

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

    @app.post("/sync/v1/login")
    def login(body: LoginRequest) -> dict[str, Any]:
        with db.write() as s:
            got = auth.login(s, hasher, body.user, body.password, settings.clock(), settings.token_ttl)
        if got is None:
            raise ApiError(401, "bad_credentials", "用户名或密码错误")
        token, expires, p = got
        return {"token": token, "expires_at": expires.isoformat(),
                "user": {"id": p.user_id, "name": p.name, "role": p.role, "teams": list(p.teams)},
                "scope_hash": P.scope_hash(p.role, p.teams)}

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
            return svc.push(s, p, body.client_id, body.epoch, muts, settings.clock(), fault)

    @app.get("/sync/v1/pull")
    def pull(p: Who, cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
             limit: Annotated[int, Query(ge=1, le=P.MAX_PULL_LIMIT)] = 500,
             x_sync_epoch: Annotated[str | None, Header(max_length=64)] = None) -> dict[str, Any]:
        with db.read() as s:
            return svc.pull(s, p, x_sync_epoch, cursor, limit)

    @app.post("/sync/v1/admin/reference")
    def import_reference(body: ReferenceImport, p: Annotated[auth.Principal, Depends(admin)]) -> dict[str, Any]:
        for item in body.items:
            if not P._no_floats(item.data):
                raise ApiError(422, "invalid_value", f"{item.id}: 参考数据中不允许浮点数（请用字符串表示小数）")
        with db.write() as s:
            return svc.import_reference(s, p, body.entity, [i.model_dump() for i in body.items], settings.clock())

    # ---------------------------------------------------------------------------------------- blobs

    Sha = Annotated[str, PathParam(pattern=SHA_PATTERN, description="SHA-256 of the whole file, lowercase hex")]
    tus = {"Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store"}

    @app.head("/sync/v1/blobs/{sha256}")
    def head_blob(sha256: Sha, p: Who) -> Response:
        if not uploads.blob_present(sha256):
            return Response(status_code=404, headers=tus)
        return Response(status_code=200, headers={**tus, "Content-Length": str(uploads.blob_size(sha256) or 0)})

    @app.get("/sync/v1/blobs/{sha256}", response_model=None)
    def get_blob(sha256: Sha, p: Who, range_: Annotated[str | None, Header(alias="range")] = None) -> Response:
        if not uploads.blob_present(sha256):
            raise ApiError(404, "unknown_blob", "服务器上没有这个文件")
        size = uploads.blob_size(sha256) or 0
        start, end, status = 0, size, 200
        if range_:
            m = re.fullmatch(r"bytes=(\d*)-(\d*)", range_.strip())
            if not m or (not m.group(1) and not m.group(2)):
                raise ApiError(416, "bad_range", "Range 格式无效", headers={"Content-Range": f"bytes */{size}"})
            if m.group(1):
                start = int(m.group(1))
                end = min(size, int(m.group(2)) + 1) if m.group(2) else size
            else:
                start = max(0, size - int(m.group(2)))
            if start >= size or start >= end:
                raise ApiError(416, "bad_range", "Range 超出文件大小", headers={"Content-Range": f"bytes */{size}"})
            status = 206
        headers = {"Content-Length": str(end - start), "Accept-Ranges": "bytes", "ETag": f'"{sha256}"'}
        if status == 206:
            headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
        return StreamingResponse(iter_file(uploads.storage.open(sha256), start, end), status_code=status,
                                 media_type="application/octet-stream", headers=headers)

    @app.post("/sync/v1/uploads")
    def create_upload(body: UploadCreate, p: Who) -> JSONResponse:
        out = uploads.create(p, body.sha256, body.size, settings.clock())
        return JSONResponse(out, headers={**tus, "Upload-Offset": str(out["offset"]),
                                          "Upload-Length": str(body.size)})

    @app.head("/sync/v1/uploads/{sha256}")
    def head_upload(sha256: Sha, p: Who) -> Response:
        try:
            offset, size, expires, _complete = uploads.offset(sha256, settings.clock())
        except ApiError as exc:
            return Response(status_code=exc.status, headers=tus)
        headers = {**tus, "Upload-Offset": str(offset), "Upload-Length": str(size)}
        if expires is not None:
            headers["Upload-Expires"] = expires.strftime("%a, %d %b %Y %H:%M:%S GMT")
        return Response(status_code=200, headers=headers)

    @app.patch("/sync/v1/uploads/{sha256}", status_code=204, response_model=None,
               openapi_extra={"requestBody": {"required": True, "content": {
                   "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def patch_upload(sha256: Sha, request: Request, p: Who,
                           upload_offset: Annotated[int, Header(ge=0, le=2**53)],
                           content_type: Annotated[str, Header()],
                           upload_checksum: Annotated[str | None, Header(max_length=200)] = None) -> Response:
        if content_type.split(";")[0].strip().lower() != "application/offset+octet-stream":
            raise ApiError(415, "bad_content_type", "分块须以 application/offset+octet-stream 发送")
        body = await request.body()
        status, offset, complete = await run_in_threadpool(uploads.patch, sha256, upload_offset, body,
                                                           upload_checksum, settings.clock())
        headers = {**tus, "Upload-Offset": str(offset)}
        if complete:
            return JSONResponse({"status": "complete", "offset": offset, "sha256": sha256}, status_code=status,
                                headers=headers)
        return Response(status_code=204, headers=headers)

    return app
