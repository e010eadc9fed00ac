"""The seam between the sync engine and the network (sync.md §14.1): `send(request) -> response`.

* `HttpTransport`: real HTTP (httpx) to a server URL;
* `ASGITransport`: the FastAPI app in-process (tests), no sockets;
* `FaultyTransport`: wraps either and injects the failures the protocol must survive, following a plan that
  tests (Hypothesis) draw, so a failure shrinks and replays exactly.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol


class TransportError(Exception):
    """The request may or may not have reached the server (network down, reset, lost response)."""


@dataclass
class Request:
    method: str
    path: str
    json: Any = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    timeout: float | None = None
    # A download (issue 17): a 200 body goes piece by piece to `sink` instead of into memory; its return value
    # is the response's `streamed`. Any other status is read whole as usual (an error body is small).
    sink: Callable[[Iterable[bytes]], Any] | None = None


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    content: bytes
    streamed: Any = None

    def json(self) -> Any:
        if not self.content:
            return None
        try:
            return json.loads(self.content)
        except ValueError:
            return None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class Transport(Protocol):
    def send(self, request: Request) -> Response: ...
    def close(self) -> None: ...


class HttpTransport:
    """httpx against a real server. Connection failures and timeouts become TransportError."""

    concurrent = True   # httpx.Client is thread-safe: uploads may run side by side (blob_sync.UPLOAD_STREAMS)

    def __init__(self, base_url: str, timeout: float = 60.0, verify: bool | str = True):
        import httpx

        self._httpx = httpx
        self.base_url = base_url.rstrip("/")
        # Keep-alive pool (httpx's default); `retries` covers failed connects, `send` a dropped idle connection.
        self._client = httpx.Client(base_url=self.base_url, timeout=timeout, verify=verify,
                                    transport=httpx.HTTPTransport(retries=1))
        self.retries = 0   # requests re-sent after a dropped keep-alive connection

    def send(self, request: Request) -> Response:
        """One request on the kept-alive connection pool. A connection the server dropped while idle (uvicorn
        closes idle keep-alive connections after a few seconds) fails the next request sent on it before any
        response: that request is sent once more on a fresh connection instead of failing the round (issue 17).
        Every sync request is safe to repeat: push is de-duplicated by client_seq, PATCH is checked against the
        offset, upload creation is idempotent (sync.md §6, §11)."""
        httpx = self._httpx
        for attempt in (1, 2):
            try:
                return _via_httpx(self._client, request, timeout=request.timeout if request.timeout is not None
                                  else httpx.USE_CLIENT_DEFAULT)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                if attempt == 1 and not isinstance(exc, httpx.TimeoutException):
                    self.retries += 1
                    continue
                raise TransportError(f"{type(exc).__name__}: {exc}") from exc
            except httpx.HTTPError as exc:  # connect, timeouts, other protocol errors
                raise TransportError(f"{type(exc).__name__}: {exc}") from exc
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._client.close()


class ASGITransport:
    """The server app in-process through Starlette's TestClient (sync, no sockets).

    Every transport runs its requests on one shared event loop (`_shared_portal`): a TestClient on its own starts
    a thread and an event loop for each request, 2–3 ms of CPU that a real server never spends, which made
    the in-process figures (the idle round's, issue 17) mostly measure the test client."""

    def __init__(self, app: Any):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        self._client = TestClient(app, raise_server_exceptions=True)
        self._client.portal = _shared_portal()

    def send(self, request: Request) -> Response:
        return _via_httpx(self._client, request)

    def close(self) -> None:
        self._client.close()


_PORTAL: Any = None
_PORTAL_LOCK = threading.Lock()


def _shared_portal() -> Any:
    """One anyio blocking portal for the process, on a daemon thread (it never keeps the interpreter from exiting;
    a transport that is never closed leaves nothing behind). Requests from any thread are handed to its loop."""
    global _PORTAL
    with _PORTAL_LOCK:
        if _PORTAL is None:
            import anyio
            from anyio.from_thread import BlockingPortal

            ready = threading.Event()
            box: list[Any] = []

            async def serve() -> None:
                async with BlockingPortal() as portal:
                    box.append(portal)
                    ready.set()
                    await portal.sleep_until_stopped()

            threading.Thread(target=anyio.run, args=(serve,), name="asgi-transport-loop", daemon=True).start()
            ready.wait()
            _PORTAL = box[0]
        return _PORTAL


def _via_httpx(client: Any, request: Request, **kw: Any) -> Response:
    """One request on an httpx-style client (httpx.Client or Starlette's TestClient)."""
    args = dict(json=request.json, content=request.content, headers=request.headers,
                params=request.params or None, **kw)
    if request.sink is None:
        r = client.request(request.method, request.path, **args)
        return Response(r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content)
    with client.stream(request.method, request.path, **args) as r:
        headers = {k.lower(): v for k, v in r.headers.items()}
        if r.status_code != 200:
            return Response(r.status_code, headers, r.read())
        return Response(200, headers, b"", request.sink(r.iter_bytes()))


# ---------------------------------------------------------------------------------------------- faults

FAULTS = ("ok", "drop_request", "drop_response", "duplicate", "delay_and_replay", "http_500", "truncate_body")


@dataclass
class Fault:
    kind: str
    arg: int = 0


class FaultyTransport:
    """Applies one planned fault per request, in order; `ok` once the plan runs out (or `offline` is set).

    * drop_request: raise before sending; drop_response: send, then raise (the lost acknowledgement);
    * duplicate: send twice, return the second response; delay_and_replay: send, and re-send the same request
      later (before the next request);
    * http_500: answer 500 without sending; truncate_body(n): send only the first n bytes of an upload body
      and then fail, as a cut connection does.
    """

    def __init__(self, inner: Transport, plan: Iterable[Fault | str] = ()):
        self.inner = inner
        self.plan: deque[Fault] = deque(f if isinstance(f, Fault) else Fault(f) for f in plan)
        self.offline = False
        self.delayed: list[Request] = []
        self.log: list[tuple[str, str, str]] = []
        self.on_send: Callable[[Request], None] | None = None

    def add(self, *faults: Fault | str) -> None:
        self.plan.extend(f if isinstance(f, Fault) else Fault(f) for f in faults)

    def replay_delayed(self) -> None:
        while self.delayed:
            req = self.delayed.pop(0)
            try:
                self.inner.send(req)
            except TransportError:
                pass

    def send(self, request: Request) -> Response:
        if self.offline:
            self.log.append(("offline", request.method, request.path))
            raise TransportError("offline")
        self.replay_delayed()
        fault = self.plan.popleft() if self.plan else Fault("ok")
        self.log.append((fault.kind, request.method, request.path))
        if self.on_send:
            self.on_send(request)
        if fault.kind == "drop_request":
            raise TransportError("request dropped")
        if fault.kind == "http_500":
            return Response(500, {"content-type": "application/json"}, b'{"error": "injected"}')
        if fault.kind == "truncate_body" and request.content:
            cut = Request(request.method, request.path, request.json, request.content[:max(0, fault.arg)],
                          dict(request.headers), dict(request.params))
            # A cut connection: the server sees a short body whose checksum cannot match; the client sees nothing.
            try:
                self.inner.send(cut)
            except TransportError:
                pass
            raise TransportError("connection cut mid-body")
        response = self.inner.send(request)
        if fault.kind == "drop_response":
            raise TransportError("response lost")
        if fault.kind == "duplicate":
            response = self.inner.send(request)
        if fault.kind == "delay_and_replay":
            self.delayed.append(request)
        return response

    def close(self) -> None:
        self.inner.close()
