"""A persistent child process for PDF rendering and PAdES signing, started on first use.

Why a process and not a thread: ReportLab and pyHanko are pure Python for most of their work and hold the GIL for
seconds. On a worker thread of the desktop app that starved the GUI thread — every repaint, event filter and model
call needs the GIL — so the window froze for up to 0.8 s at a time while a record was signed. In a child process the
work runs beside the GUI instead of against it, and a cancel is a kill: nothing the child does writes the workspace
(it returns bytes; the caller stores them and records the row), so killing it mid-signature leaves nothing behind.

Protocol over one `multiprocessing` pipe (spawn context, so no Qt state is forked):
    parent → child: (target "package.module:function", args, kwargs) | None to stop
    child  → parent: ("progress", percent, text)* then ("ok", result) | ("error", exception)
The target is called with `progress=` as a keyword. One job at a time (a lock): the caller is a worker thread of
the app, never the GUI thread (`call` blocks until the result).

The private signing key crosses the pipe (see pki.portable): an OS pipe between the app's own processes, memory
only, never written anywhere.
"""

from __future__ import annotations

import atexit
import importlib
import logging
import pickle
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)
POLL_S = 0.05


class Cancelled(Exception):
    """The caller cancelled the job; the child process was stopped and is started afresh on the next call."""


class ChildDied(RuntimeError):
    """The child process ended without an answer (killed from outside, out of memory…)."""


def _serve(conn: Any) -> None:
    """The child's loop: one job after another until told to stop or the parent goes away."""
    logging.basicConfig(level=logging.WARNING)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        target, args, kwargs = job
        try:
            module, name = target.split(":")
            fn = getattr(importlib.import_module(module), name)
            result = fn(*args, progress=lambda p, t: conn.send(("progress", p, t)), **kwargs)
            conn.send(("ok", result))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
            conn.send(("error", _portable_error(exc)))


def _portable_error(exc: BaseException) -> BaseException:
    """The exception itself when it survives a pickle round trip (the app's coded errors do), else its text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - an exception class whose constructor cannot be replayed
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _warm(*, progress: Callable[[int, str], None]) -> None:
    """Import the PDF and signing libraries ahead of the first signature."""
    importlib.import_module("inspector_app.records.signing")
    importlib.import_module("inspector_app.records.render")


class WorkerProcess:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None
        self.started = 0  # processes started so far (tests: a cancel restarts it)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None and self._proc.is_alive() else None

    def _ensure(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self._drop()
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child,), name="inspector-signing", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        self.started += 1

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(5)
        self._proc = self._conn = None

    def call(self, target: str, *args: Any, progress: Callable[[int, str], None] | None = None,
             cancel: threading.Event | None = None, **kwargs: Any) -> Any:
        """Run `target(*args, progress=…, **kwargs)` in the child and return its result (or raise its error).
        Blocks the calling thread; progress is called on it. `cancel` set → the child is killed, Cancelled."""
        with self._lock:
            self._ensure()
            self._conn.send((target, args, kwargs))
            while True:
                if cancel is not None and cancel.is_set():
                    self._drop()
                    raise Cancelled()
                try:
                    if not self._conn.poll(POLL_S):
                        if not self._proc.is_alive():
                            self._drop()
                            raise ChildDied("the signing process ended unexpectedly")
                        continue
                    message = self._conn.recv()
                except (EOFError, OSError) as exc:
                    self._drop()
                    raise ChildDied("the signing process ended unexpectedly") from exc
                if message[0] == "progress":
                    if progress is not None:
                        progress(message[1], message[2])
                elif message[0] == "ok":
                    return message[1]
                else:
                    raise message[1]

    def warm(self) -> None:
        """Start the child and import its libraries in the background (a daemon thread; errors only logged)."""

        def work() -> None:
            try:
                self.call("inspector_app.records.worker_process:_warm")
            except Exception:  # noqa: BLE001 - only a head start; the real call reports its own failure
                log.debug("warming the signing process failed", exc_info=True)

        threading.Thread(target=work, name="warm-signing-process", daemon=True).start()

    def close(self) -> None:
        """Stop the child (at exit): asked first, killed if it does not go."""
        if not self._lock.acquire(timeout=0.5):  # a job is running: the kill below ends it
            self._drop()
            return
        try:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                    self._proc.join(2)
                except (OSError, ValueError):
                    pass
            self._drop()
        finally:
            self._lock.release()


_shared: WorkerProcess | None = None


def enable() -> WorkerProcess:
    """Turn on signing in a child process for this process (the desktop app does; the CLI signs inline)."""
    global _shared
    if _shared is None:
        _shared = WorkerProcess()
        atexit.register(_shared.close)
    return _shared


def shared() -> WorkerProcess | None:
    return _shared


def disable() -> None:
    """Back to inline signing, the child stopped (tests: one test's app must not leave the next test signing in a
    child process it never asked for)."""
    global _shared
    if _shared is not None:
        atexit.unregister(_shared.close)
        _shared.close()
        _shared = None
