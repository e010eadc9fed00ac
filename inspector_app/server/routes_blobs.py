"""Evidence blobs (read, team-scoped: blob_access.py) and resumable uploads (tus-compatible, sync.md §11)."""


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


PIECE = 1 << 20


def _pieces(request: Request) -> Iterator[bytes]:
    """The request body as it arrives, for a worker thread: up to 1 MiB gathered on the event loop per hop (the
    server receives ~64 KiB at a time; one thread hop each would cost more than the write), so a chunk goes to the
    staging file without ever being held whole in memory."""
    stream = request.stream().__aiter__()
    ended = False

    async def next_piece() -> bytes | None:
        nonlocal ended
        parts: list[bytes] = []
        size = 0
        while size < PIECE and not ended:
            try:
                part = await stream.__anext__()
            except StopAsyncIteration:
                ended = True
                break
            parts.append(part)
            size += len(part)
        return b"".join(parts) if parts else None

    while (piece := anyio.from_thread.run(next_piece)) is not None:
        if piece:
            yield piece


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
        status, offset, complete = await run_in_threadpool(uploads.patch, p, sha256, upload_offset,
                                                           _pieces(request), upload_checksum, settings.clock(),
                                                           upload_length)
        headers = {**tus, "Upload-Offset": str(offset)}
        if complete and status == 201:
            await run_in_threadpool(app.state.stamper.consider, sha256)   # a signed PDF: add its trusted time
        if complete:
            return JSONResponse({"status": "complete", "offset": offset, "sha256": sha256}, status_code=status,
                                headers=headers)
        return Response(status_code=204, headers=headers)
