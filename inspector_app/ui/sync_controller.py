"""Background sync for the desktop app: rounds run on their own worker thread on a timer (with the engine's
jittered backoff), a reachability probe brings a waiting round forward, and the status is published to the
window. The engine itself is Qt-free (inspector_app.sync).

The round's network I/O runs on the controller's thread, but every local write transaction of the engine goes
through the app's single writer (`TaskRunner.call_on_writer`), so sync never writes SQLite beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal


if TYPE_CHECKING:
    from inspector_app.sync.engine import SyncEngine, SyncStatus
    from inspector_app.ui.tasks import TaskRunner


class _Run(QRunnable):
    def __init__(self, fn: Callable[[], Any], done: Signal):
        super().__init__()
        self._fn, self._done = fn, done

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - reported as a status, never raised into Qt
            result = exc
        try:
            self._done.emit(result)
        except RuntimeError:
            pass  # the controller is gone (shutdown)


def _http_engine(app: Any, url: str) -> SyncEngine:
    # Imported when a server is configured: a laptop that never syncs does not load the sync stack at start.
    from inspector_app.sync.engine import SyncEngine
    from inspector_app.sync.transport import HttpTransport

    return SyncEngine(app.ctx, HttpTransport(url), server_url=url)


class SyncController(QObject):
    status_changed = Signal(object)   # SyncStatus
    signed_in = Signal(object)        # SignInResult
    data_arrived = Signal()           # a round pushed or pulled something: views refresh
    _round_done = Signal(object)
    _sign_in_done = Signal(object)
    _probe_done = Signal(object)

    def __init__(self, app: Any, server_url: str = "", parent: QObject | None = None,
                 engine_factory: Callable[[str], SyncEngine] | None = None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.app = app
        self.server_url = server_url
        self._runner = runner
        self._factory = engine_factory or (lambda url: _http_engine(app, url))
        self.engine: SyncEngine | None = self._make_engine(server_url) if server_url else None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one round at a time
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.sync_now)
        self._probe = QTimer(self, interval=15000)  # while offline: is the server back?
        self._probe.timeout.connect(self._probe_reachability)
        self._round_done.connect(self._after_round)
        self._sign_in_done.connect(self._after_sign_in)
        self._probe_done.connect(self._after_probe)
        self._running = False

    def _make_engine(self, url: str) -> SyncEngine:
        engine = self._factory(url)
        if self._runner is not None:
            engine.write_lane = self._runner.call_on_writer   # writes queue on the app's single writer
        return engine

    def set_server(self, url: str) -> None:
        if url and url != self.server_url:
            self.server_url = url
            self.engine = self._make_engine(url)

    def start(self) -> None:
        if self.engine is not None:
            self._timer.start(1000)

    def stop(self) -> None:
        self._timer.stop()
        self._probe.stop()
        self._pool.waitForDone(10000)

    def sign_in(self, url: str, user: str, password: str) -> None:
        self.set_server(url)
        engine = self.engine
        assert engine is not None
        self._pool.start(_Run(lambda: engine.sign_in(user, password), self._sign_in_done))

    def sync_now(self) -> None:
        if self.engine is None or self._running:
            return
        self._running = True
        self._timer.stop()
        engine = self.engine
        self._pool.start(_Run(lambda: (engine.sync_round(), engine.status()), self._round_done))

    def _after_round(self, result: Any) -> None:
        self._running = False
        if isinstance(result, Exception) or self.engine is None:
            delay = self.engine.backoff.next_delay(False) if self.engine else 60.0
        else:
            round_result, status = result
            self.status_changed.emit(status)
            delay = self.engine.backoff.next_delay(round_result.ok)
            if not status.online:
                self._probe.start()
            else:
                self._probe.stop()
            if round_result.ok and (round_result.pushed or round_result.pulled):
                self.data_arrived.emit()
        self._timer.start(int(delay * 1000))

    def _after_sign_in(self, result: Any) -> None:
        self.signed_in.emit(result)
        if not isinstance(result, Exception) and getattr(result, "ok", False):
            self.sync_now()

    def _probe_reachability(self) -> None:
        engine = self.engine
        if engine is not None and not self._running:
            self._pool.start(_Run(engine.reachable, self._probe_done))

    def _after_probe(self, reachable: Any) -> None:
        if reachable is True:
            self._probe.stop()
            self.sync_now()


def describe(status: SyncStatus | None) -> str:
    if status is None:
        return QCoreApplication.translate("SyncStatus", "Sync: not set up")
    state = (QCoreApplication.translate("SyncStatus", "online") if status.online
             else QCoreApplication.translate("SyncStatus", "offline"))
    parts = [state, QCoreApplication.translate("SyncStatus", "%1 pending").replace("%1", str(status.pending_changes))]
    if status.photos_total:
        parts.append(QCoreApplication.translate("SyncStatus", "photos %1/%2").replace(
            "%1", str(status.photos_uploaded)).replace("%2", str(status.photos_total)))
    if status.open_conflicts:
        parts.append(QCoreApplication.translate("SyncStatus", "%1 conflict(s)").replace(
            "%1", str(status.open_conflicts)))
    if status.rejected_changes:
        parts.append(QCoreApplication.translate("SyncStatus", "%1 rejected").replace(
            "%1", str(status.rejected_changes)))
    if status.last_sync_at:
        parts.append(QCoreApplication.translate("SyncStatus", "last sync %1").replace(
            "%1", f"{_local(status.last_sync_at):%m-%d %H:%M}"))
    if status.stuck:
        parts.append(QCoreApplication.translate("SyncStatus", "not progressing"))
    if status.state == "server_full":
        parts.append(QCoreApplication.translate("SyncStatus", "server storage full, retrying later"))
    skew = status.clock_skew_seconds
    from inspector_app.sync.engine import CLOCK_SKEW_WARN  # the sync stack loads only when a server is set

    if skew is not None and abs(skew) > CLOCK_SKEW_WARN.total_seconds():
        parts.append(QCoreApplication.translate("SyncStatus", "this computer's clock is %1 min off the server's")
                     .replace("%1", str(round(abs(skew) / 60))))
    return " · ".join(parts)


def _local(moment: Any) -> Any:
    """In the agency's time zone. Imported here: the frame's first status line ("not set up") shows no time, and
    the zone database (zoneinfo, sysconfig: ≈ 1.5 ms) is not on the way to the first paint."""
    from inspector_app.domain.agency_time import local

    return local(moment)
