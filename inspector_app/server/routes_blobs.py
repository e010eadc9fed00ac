"""Evidence blobs (read, team-scoped: blob_access.py) and resumable uploads (tus-compatible, sync.md §11)."""


import asyncio
import re
from collections.abc import Callable, Iterator

import anyio
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from inspector_app.server import auth
from inspector_app.server.errors import ApiError
from inspector_app.server.uploads import TUS_VERSION

SHA_PATTERN = r"^[0-9a-f]{64}$"


class UploadCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    sha256: str = Field(pattern=SHA_PATTERN)
    size: int = Field(ge=0, le=2**53)


# What the event loop gathers for the worker thread per hop (issue 17): uvicorn hands the body over in events of
# 64–256 KiB; a hop per event (or per MiB) cost more CPU than hashing and writing the bytes.
PIECE = 4 << 20
AHEAD = 1   # gathered pieces waiting for the thread: at most AHEAD + 2 pieces held per request (12 MiB)


class _Body:
    """The request body as it arrives, for the worker thread that stages it: a task on the event loop reads the
    body and gathers up to `PIECE` bytes per hand-over into a small queue, so the socket is read while the
    thread hashes and writes the previous piece (hashlib and file writes release the GIL). The parts are handed
    on as received, never joined (no copy of the body in this process besides the write itself)."""

    def __init__(self, request: Request):
        self.request = request
        self.queue: asyncio.Queue[list[bytes] | BaseException | None] = asyncio.Queue(AHEAD)

    async def fill(self) -> None:
        parts: list[bytes] = []
        size = 0
        try:
            async for part in self.request.stream():
                if part:
                    parts.append(part)
                    size += len(part)
                if size >= PIECE:
                    await self.queue.put(parts)
                    parts, size = [], 0
            if parts:
                await self.queue.put(parts)
            await self.queue.put(None)
        except Exception as exc:   # a dropped connection: the thread raises it and cuts the chunk back off
            await self.queue.put(exc)

    def pieces(self) -> Iterator[bytes]:
        """For the worker thread: one hop to the event loop per gathered piece."""
        while (got := anyio.from_thread.run(self.queue.get)) is not None:
            if isinstance(got, BaseException):
                raise got
            yield from got


def register(app: FastAPI, who: Callable[..., auth.Principal]) -> None:
    uploads, settings = app.state.uploads, app.state.settings
    Who = Annotated[auth.Principal, Depends(who)]
    Sha = Annotated[str, PathParam(pattern=SHA_PATTERN, description="SHA-256 of the whole file, lowercase hex")]
    tus = {"Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store"}

    @app.head("/sync/v1/blobs/{sha256}")
    def head_blob(sha256: Sha, p: Who) -> Response:
        # A blob this account may not read answers exactly like a missing one: a probe learns nothing.
        if not uploads.readable(p, sha256):
            return Response(status_code=404, headers=tus)
        return Response(status_code=200, headers={**tus, "Content-Length": str(uploads.blob_size(sha256) or 0)})

    @app.get("/sync/v1/blobs/{sha256}", response_model=None)
    def get_blob(sha256: Sha, p: Who, range_: Annotated[str | None, Header(alias="range")] = None) -> Response:
        if not uploads.readable(p, sha256):
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
        return StreamingResponse(uploads.storage.iter_range(sha256, start, end), status_code=status,
                                 media_type="application/octet-stream", headers=headers)

    @app.post("/tsa", response_model=None, openapi_extra={"requestBody": {"required": True, "content": {
        "application/timestamp-query": {"schema": {"type": "string", "format": "binary"}}}}})
    async def time_stamp(request: Request, p: Who) -> Response:
        """RFC 3161 over HTTP (the server's own TSA, tsa.py), for signed-in accounts and the agency's tools."""
        from inspector_app.server import tsa

        if app.state.stamper.timestamper is None or settings.tsa_url:
            raise ApiError(404, "no_tsa", "本服务器未设置自己的时间戳服务（inspector server tsa init）")
        body = await request.body()
        try:
            answer = await run_in_threadpool(tsa.respond, app.state.stamper.timestamper, body)
        except tsa.TsaError as exc:
            raise ApiError(400, "bad_timestamp_query", str(exc)) from None
        return Response(answer, media_type="application/timestamp-reply")

    @app.post("/sync/v1/uploads")
    def create_upload(body: UploadCreate, p: Who) -> JSONResponse:
        out = uploads.create(p, body.sha256, body.size, settings.clock())
        return JSONResponse(out, headers={**tus, "Upload-Offset": str(out["offset"]),
                                          "Upload-Length": str(body.size)})

    @app.head("/sync/v1/uploads/{sha256}")
    def head_upload(sha256: Sha, p: Who) -> Response:
        try:
            offset, size, expires, _complete = uploads.offset(p, sha256, settings.clock())
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
                           upload_checksum: Annotated[str | None, Header(max_length=200)] = None,
                           upload_length: Annotated[int | None, Header(ge=0, le=2**53)] = None) -> Response:
        if content_type.split(";")[0].strip().lower() != "application/offset+octet-stream":
            raise ApiError(415, "bad_content_type", "分块须以 application/offset+octet-stream 发送")
        body = _Body(request)
        reader = asyncio.ensure_future(body.fill())
        try:
            status, offset, complete = await run_in_threadpool(uploads.patch, p, sha256, upload_offset,
                                                               body.pieces(), upload_checksum, settings.clock(),
                                                               upload_length)
        finally:
            # Answered before the body was read (409, 423…) or failed: stop reading. The reader never outlives
            # the request, so nothing touches a finished request's stream.
            reader.cancel()
            await asyncio.wait([reader])
        headers = {**tus, "Upload-Offset": str(offset)}
        if complete and status == 201 and app.state.stamper.timestamper is not None:
            # A signed PDF: add its trusted time. Without a time-stamping key there is nothing to consider, and no
            # thread hop per photo for it.
            await run_in_threadpool(app.state.stamper.consider, sha256)
        if complete:
            return JSONResponse({"status": "complete", "offset": offset, "sha256": sha256}, status_code=status,
                                headers=headers)
        return Response(status_code=204, headers=headers)
