"""The app's sync controller writes SQLite only through the app's single writer (ui/tasks.py): the round's
network I/O runs on the controller's thread, every local write statement runs inside a writer job."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import event

from inspector_app.ui import tasks
from tests.sync.test_engine_e2e import create_inspection

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _record_writes(engine: Any) -> list[tuple[str, bool, int]]:
    seen: list[tuple[str, bool, int]] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            seen.append((statement.split()[0].upper() + " " + statement.split()[2 if statement.upper()
                         .startswith(("INSERT", "DELETE")) else 1], bool(getattr(tasks._on_writer, "active", False)),
                         threading.get_ident()))

    event.listen(engine, "before_cursor_execute", before)
    return seen


def test_a_sync_round_writes_only_on_the_writer(sqlite_world, qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.launch import qt_app
    from inspector_app.ui.sync_controller import SyncController
    from inspector_app.ui.tasks import TaskRunner

    a = sqlite_world.make_client("a", "alice")
    assert a.engine.sync_round().ok   # the roster and templates arrive
    create_inspection(a)   # something to push, then something to pull back
    app = qt_app()
    runner = TaskRunner(app)
    sync = SyncController(a.app, "inproc", app, engine_factory=lambda _url: a.engine, runner=runner)
    writes = _record_writes(a.ctx.engine)
    with qtbot.waitSignal(sync.status_changed, timeout=30000) as blocker:
        sync.sync_now()
    status = blocker.args[0]
    assert status.online and status.pending_changes == 0, status
    sync.stop()
    assert runner.wait()
    tables = {w[0] for w in writes}
    assert any(t.startswith("UPDATE outbox") for t in tables), tables   # outcomes recorded
    assert any("sync_records" in t for t in tables), tables             # pulled state kept
    off_lane = [w for w in writes if not w[1]]
    assert not off_lane, f"written beside the single writer: {sorted({w[0] for w in off_lane})}"
    gui = threading.get_ident()
    assert all(w[2] != gui for w in writes)          # and never on the GUI thread


def test_call_on_writer_refuses_the_gui_thread_and_runs_inline_on_the_writer(qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.launch import qt_app
    from inspector_app.ui.tasks import TaskRunner

    runner = TaskRunner(qt_app())
    with pytest.raises(RuntimeError):
        runner.call_on_writer(lambda: 1)
    results: list[Any] = []

    def on_worker() -> None:
        # from a worker thread: waits for the writer; nested on the writer it runs inline (no deadlock)
        results.append(runner.call_on_writer(lambda: runner.call_on_writer(lambda: threading.get_ident())))
        try:
            runner.call_on_writer(lambda: 1 / 0)
        except ZeroDivisionError as exc:
            results.append(exc)

    t = threading.Thread(target=on_worker)
    t.start()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10000)
    t.join(5)
    assert isinstance(results[0], int) and results[0] != t.ident
    assert isinstance(results[1], ZeroDivisionError)
