"""The app's sync in a real window: sign in, background round, status bar, offline sign-in, conflicts view."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from inspector_app.services.context import Actor
from inspector_app.storage.orm import AnswerRow
from inspector_app.ui.dialogs.conflicts_dialog import ConflictsDialog
from tests.sync.harness import OFFICERS, PASSWORD
from tests.sync.test_engine_e2e import LEAD, create_inspection


def window_for(client: Any, qtbot: Any) -> Any:
    from inspector_app.ui.launch import qt_app
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.operations import Operations
    from inspector_app.ui.settings import UiSettings
    from inspector_app.ui.sync_controller import SyncController
    from inspector_app.ui.tasks import TaskRunner

    app = qt_app()
    runner = TaskRunner(app)
    ops = Operations(client.app, runner, Actor(OFFICERS[0][1], OFFICERS[0][0]), app)
    sync = SyncController(client.app, "", app, engine_factory=lambda _url: client.engine)
    w = MainWindow(ops, UiSettings(client.app.paths.settings_file), "en", sync=sync)
    qtbot.addWidget(w)
    w.show()
    return w


def test_sign_in_sync_status_and_offline_sign_in(sqlite_world, qtbot) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice", sign_in=False)
    w = window_for(a, qtbot)
    assert "not set up" in w.status_sync.text()
    with qtbot.waitSignal(w.sync.status_changed, timeout=20000) as blocker:
        w.sync.sign_in("inproc", "alice", PASSWORD)
    status = blocker.args[0]
    assert status.online and status.signed_in and status.pending_changes == 0
    assert "online" in w.status_sync.text()
    iid = create_inspection(a)  # work done in the app is pushed by the next round
    with qtbot.waitSignal(w.sync.status_changed, timeout=20000) as blocker:
        w.sync.sync_now()
    assert blocker.args[0].pending_changes == 0
    # no network: the round fails softly, the status says offline and the work waits
    a.transport.offline = True
    with a.ctx.read() as s:
        answer_id = s.scalars(select(AnswerRow.id).where(AnswerRow.inspection_id == iid)).first()
    a.app.inspections.answer(LEAD, answer_id, "yes")
    with qtbot.waitSignal(w.sync.status_changed, timeout=20000) as blocker:
        w.sync.sync_now()
    assert not blocker.args[0].online and blocker.args[0].pending_changes >= 1
    assert "offline" in w.status_sync.text()
    # offline sign-in after the earlier online one
    with qtbot.waitSignal(w.sync.signed_in, timeout=20000) as blocker:
        w.sync.sign_in("inproc", "alice", PASSWORD)
    assert blocker.args[0].ok and not blocker.args[0].online
    with qtbot.waitSignal(w.sync.signed_in, timeout=20000) as blocker:
        w.sync.sign_in("inproc", "alice", "wrong password")
    assert not blocker.args[0].ok
    a.transport.offline = False
    w.sync.stop()
    w.close()


def test_conflicts_view_shows_both_values_and_the_choice_syncs(sqlite_world, qtbot) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice")
    b = sqlite_world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    with a.ctx.read() as s:
        answer_id = s.scalars(select(AnswerRow.id).where(AnswerRow.inspection_id == iid,
                                                         AnswerRow.item_id == "T-03")).one()
    a.app.inspections.answer(LEAD, answer_id, "5")
    b.app.inspections.answer(LEAD, answer_id, "7")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    w = window_for(b, qtbot)
    dialog = ConflictsDialog(w.ops, w)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    assert dialog.model.index(0, 1).data() == "5" and dialog.model.index(0, 2).data() == "7"
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    dialog.take_mine.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=10000)
    assert b.engine.sync_round().ok and a.engine.sync_round().ok
    with a.ctx.read() as s:
        assert s.get(AnswerRow, answer_id).value == 7  # the choice itself synced as a change
    w.sync.stop()
    w.close()
