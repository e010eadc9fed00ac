"""The server's RFC 3161 TSA as a process of its own (`inspector server tsa serve`), for agencies that run their
time-stamping authority apart from the sync server — the sync server then uses it through its TSA URL
(`--tsa-url` / INSPECTOR_SERVER_TSA_URL) like any other TSA. It also lets the test suite exercise the external-URL
path end to end against a real process on 127.0.0.1.

RFC 3161 over HTTP (RFC 3161 §3.4): POST a DER TimeStampReq with Content-Type application/timestamp-query, get a
DER TimeStampResp (application/timestamp-reply). No authentication, as for public TSAs: a token only states that
a hash existed at a time, signed by the TSA; it reveals nothing of the document. Requests are capped at 64 KiB
(a TimeStampReq is a few hundred bytes) and answered one thread each (ThreadingHTTPServer).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from inspector_app.server import tsa

log = logging.getLogger(__name__)
MAX_QUERY = 64 * 1024
QUERY_TYPE, REPLY_TYPE = "application/timestamp-query", "application/timestamp-reply"


def make_server(storage: Path, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server answering RFC 3161 requests with the TSA kept in STORAGE/tsa/ (`tsa init`)."""
    timestamper = tsa.make_timestamper(storage)
    if timestamper is None:
        raise tsa.TsaError(f"{Path(storage) / tsa.TSA_DIR} 中没有时间戳服务证书：请先运行 inspector server tsa init")

    class Handler(BaseHTTPRequestHandler):
        server_version = "inspector-tsa"

        def _reply(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802 - http.server API
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            try:
                length = int(self.headers.get("Content-Length") or "-1")
            except ValueError:
                length = -1
            if kind != QUERY_TYPE:
                self._reply(415, b"expected application/timestamp-query\n", "text/plain")
                return
            if not 0 < length <= MAX_QUERY:
                self._reply(413 if length > MAX_QUERY else 411, b"bad request length\n", "text/plain")
                return
            query = self.rfile.read(length)
            try:
                answer = tsa.respond(timestamper, query)
            except tsa.TsaError as exc:
                self._reply(400, f"{exc}\n".encode(), "text/plain")
                return
            self._reply(200, answer, REPLY_TYPE)

        def do_GET(self) -> None:  # noqa: N802 - a liveness probe for deployments and tests
            self._reply(200 if self.path == "/healthz" else 404, b"ok\n" if self.path == "/healthz" else b"",
                        "text/plain")

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server API
            log.info("tsa %s " + format, self.address_string(), *args)

    return ThreadingHTTPServer((host, port), Handler)


def serve(storage: Path, host: str, port: int, ready: Callable[[str], None] | None = None) -> None:
    httpd = make_server(storage, host, port)
    url = f"http://{httpd.server_address[0]}:{httpd.server_address[1]}/"
    if ready is not None:
        ready(url)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()
