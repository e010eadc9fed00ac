"""A small task runner: work runs on worker threads, results and errors always come back on the GUI thread.

Two pools: `run` for reads, file work and rendering (parallel); `write` for service calls that write the database
(one thread, so writes stay in order and never contend). Callbacks are invoked through a queued signal, so they
run on the thread that owns the runner (the GUI thread).
"""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot

from inspector_app import startup_gc

log = logging.getLogger(__name__)
T = TypeVar("T")
_on_writer = threading.local()   # set while a job runs on the writer thread


class _Call(QRunnable):
    """A writer job whose result goes to a Future the calling worker thread waits on."""

    def __init__(self, fn: Callable[[], Any], future: Future[Any]):
        super().__init__()
        self._fn, self._future = fn, future

    def run(self) -> None:
        if not self._future.set_running_or_notify_cancel():
            return
        _on_writer.active = True
        try:
            self._future.set_result(self._fn())
        except BaseException as exc:  # noqa: BLE001 - re-raised on the waiting thread
            self._future.set_exception(exc)
        finally:
            _on_writer.active = False


class _Relay(QObject):
    done = Signal(object, object)  # (callback, result)
    failed = Signal(object, object)  # (errback, exception)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None, writer: bool = False):
        super().__init__()
        self._fn, self._relay, self._on_done, self._on_error = fn, relay, on_done, on_error
        self._writer = writer

    def run(self) -> None:
        try:
            try:
                _on_writer.active = self._writer
                try:
                    result = self._fn()
                finally:
                    _on_writer.active = False
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                log.debug("task failed: %s", "".join(traceback.format_exception(exc)))
                self._relay.failed.emit(self._on_error, exc)
                return
            self._relay.done.emit(self._on_done, result)
        except RuntimeError:
            # The relay is gone: the application is shutting down and nobody is left to tell.
            log.debug("task finished after shutdown; result dropped")


class TaskRunner(QObject):
    error = Signal(object)  # exceptions without an errback: the window shows them

    def __init__(self, parent: QObject | None = None, workers: int = 4):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, workers))
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._background = QThreadPool(self)  # long one-off jobs (font build): never waited for at shutdown
        self._background.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._fail)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        self._pool.start(_Job(fn, self._relay, on_done, on_error))

    def write(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        self._writer.start(_Job(fn, self._relay, on_done, on_error, writer=True))

    def call_on_writer(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the writer thread and wait for its result (or exception), from another worker thread.

        For work that runs on its own thread but writes the database in steps, such as a sync round: its
        network I/O stays on its thread while each write transaction queues behind the user's writes, so no
        write ever runs beside the single writer. Called on the writer thread itself it runs inline; the GUI
        thread must never wait on disk, so calling it there is an error."""
        if getattr(_on_writer, "active", False):
            return fn()
        if QThread.currentThread() is self.thread():
            raise RuntimeError("call_on_writer would block the GUI thread; use write() with a callback")
        future: Future[T] = Future()
        self._writer.start(_Call(fn, future))
        return future.result()

    def background(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[BaseException], None] | None = None) -> None:
        self._background.start(_Job(fn, self._relay, on_done, on_error))

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None] | None, result: Any) -> None:
        if callback is not None:
            callback(result)

    @Slot(object, object)
    def _fail(self, errback: Callable[[BaseException], None] | None, exc: BaseException) -> None:
        if errback is not None:
            errback(exc)
        else:
            self.error.emit(exc)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work is finished (shutdown and tests only)."""
        return self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs)


class GuiGarbageCollector(QObject):
    """Python's cyclic garbage collector runs in whichever thread happens to allocate. When a worker thread collects
    a cycle that holds Qt objects (a closed dialog and the callbacks it connected), they are destroyed off the GUI
    thread and the process can crash. While the window lives, automatic collection is off and the generations are
    collected on the GUI thread instead, as their allocation counts pass the usual thresholds.

    A full (generation 2) collection walks every tracked object — with the ORM, the checklist library, ReportLab and
    pyHanko loaded that took 0.3–1 s on a loaded 2-core machine, an event-loop stall every few dozen actions. So the
    survivors of a full collection are frozen (gc.freeze: moved to the permanent generation, which collections
    skip): the next full collection only walks what was created since, a few milliseconds. Frozen objects are still
    freed by reference counting; only a reference cycle among them that becomes garbage later waits for
    `full_collect`, which the lock screen runs (the officer is away) — a bounded delay, not a leak."""

    _active = 0
    _was_enabled = True
    # Running collectors are held here: a signal connection does not keep its receiver alive, so a collector made
    # and connected in build_window was garbage as soon as it returned — its timer gone, automatic collection
    # left off, no cycle ever collected for the rest of the session.
    _running_set: set[GuiGarbageCollector] = set()

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._running = False

    def start(self) -> None:
        if self._running:
            return
        if GuiGarbageCollector._active == 0:
            # collection may be paused by the start-up (startup_gc.py): what counts is whether it was on before
            GuiGarbageCollector._was_enabled = startup_gc.hand_over()
            gc.disable()
            # Start-up's modules and caches set aside without a collection first: a full collection here walked
            # the whole heap on the GUI thread before the window showed (~0.1 s, a quarter of the window's
            # build). What start-up left as cyclic garbage waits for `full_collect` (the lock screen): bounded.
            gc.freeze()
        GuiGarbageCollector._active += 1
        GuiGarbageCollector._running_set.add(self)
        self._running = True
        self._timer.start()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        GuiGarbageCollector._running_set.discard(self)
        GuiGarbageCollector._active -= 1
        if GuiGarbageCollector._active == 0:
            gc.unfreeze()  # back to the interpreter's own collection, nothing kept aside
            if GuiGarbageCollector._was_enabled:
                gc.enable()
        gc.collect()

    @Slot()
    def collect(self) -> None:
        counts, limits = gc.get_count(), gc.get_threshold()
        if counts[0] <= limits[0]:
            return
        generation = 2 if counts[2] > limits[2] else 1 if counts[1] > limits[1] else 0
        gc.collect(generation)
        if generation == 2:
            gc.freeze()  # what survived a full collection is long-lived: not walked again (see the class doc)

    @staticmethod
    def stop_all() -> None:
        """Stop every running collector: the windows are gone (a process that outlives them, like a test run,
        whose window's close may still be flushing when the next starts) — collection back to the interpreter."""
        for collector in list(GuiGarbageCollector._running_set):
            collector.stop()

    @staticmethod
    def full_collect() -> None:
        """Everything, the frozen survivors included (a stall of a second at most: when nobody is working)."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
