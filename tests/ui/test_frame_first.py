"""The main window's frame is shown before the workspace is open (ui/launch.py `run`): nothing that needs the
services can be triggered until they are attached; calls made meanwhile wait and run once they are."""

from __future__ import annotations

from typing import Any

from tests.signin_helpers import keyed, sign_in_as_inspector  # noqa: F401 - the keyed fixture


def test_frame_waits_for_the_services_then_fills_the_list(app, roster, qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import attach_services, build_frame
    from inspector_app.ui.settings import UiSettings
    from tests.helpers import new_inspection

    o = roster["officers"][0]
    actor = Actor(o.name, o.id)
    new_inspection(app, roster)
    w = build_frame(actor, "en", UiSettings(app.paths.settings_file))
    qtbot.addWidget(w)
    w.show()
    a = w.actions_
    needs = [a.new_inspection, a.open_inspection, a.show_review, a.show_tracking, a.show_plans, a.search,
             a.refresh, a.sync_now, a.conflicts, a.about, a.lock]
    assert w.ops.app is None and not w.ops.ready
    assert not any(x.isEnabled() for x in needs)
    assert a.quit.isEnabled() and a.shortcuts.isEnabled() and a.language_zh.isEnabled()
    assert w.list_page.empty.isVisible() and w.list_page.empty.text() == "Opening the workspace…"
    got: list[Any] = []
    w.ops.read(lambda: w.ops.app.roster.officers(), got.append)  # made before the services exist: it waits
    qtbot.wait(30)
    assert got == [] and w._inspection_page is None  # the inspection page needs the services too
    sync_right = w.status_sync.geometry().right()  # laid out by now
    attach_services(w, app)
    assert all(x.isEnabled() for x in needs if x is not a.lock)
    assert not a.lock.isEnabled()  # a workspace without key slots has no password to lock with
    qtbot.waitUntil(lambda: w.list_page.model.rowCount() == 1 and len(got) == 1)
    assert not w.list_page.empty.isVisible() and o.id in {x.id for x in got[0]}
    qtbot.waitUntil(lambda: "waiting to sync" in w.status_pending.text())  # the new inspection is not synced yet
    assert w.status_sync.geometry().right() == sync_right  # the count arrived beside it; the sync state stayed put
    qtbot.waitUntil(lambda: w._inspection_page is not None)
    w.ops.runner.wait()


def test_the_list_page_is_made_after_the_frames_first_paint(app, roster, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The frame's first paint has menus, toolbar, status bar and "Opening the workspace…" in the list's place;
    the list page (its table, filters and date editors) is made on the turn after (ui/window_pages.py), before the
    workspace's worker starts (ui/opening.py), and says the same until the services come."""
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_frame
    from inspector_app.ui.opening import WorkspaceOpening
    from inspector_app.ui.settings import UiSettings

    o = roster["officers"][0]
    w = build_frame(Actor(o.name, o.id), "en", UiSettings(app.paths.settings_file))
    qtbot.addWidget(w)
    order: list[str] = []
    opening = WorkspaceOpening(w, lambda: order.append("worker") or app, lambda _w, _c: None, "t",
                               after_paint=lambda: (order.append("list page"), w.make_list_page()))
    w.show()
    assert w._list_page is None
    placeholder = w.stack.currentWidget()
    assert placeholder.objectName() == "opening_placeholder" and placeholder.text() == "Opening the workspace…"
    opening.start_after_paint()
    qtbot.waitUntil(lambda: w._list_page is not None and "worker" in order)
    assert order == ["list page", "worker"]
    from shiboken6 import isValid

    assert w.stack.currentWidget() is w.list_page
    assert not isValid(placeholder) or w.stack.indexOf(placeholder) == -1  # taken out, then deleted
    assert w.focusWidget() is w.list_page.search  # typing after the sign-in goes somewhere, as before
    qtbot.waitUntil(lambda: w.list_page.empty.isVisible())
    assert w.list_page.empty.text() == "Opening the workspace…" and not w.list_page.view.isVisible()
    opening._worker.join(30)  # the workspace is the test's own: nothing to close here
    w.collector.stop()


def test_run_shows_the_frame_before_the_workspace_is_open(app, roster, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The real entry: after the password the frame shows while the workspace is still opening (here: until the
    test lets it), with nothing that needs the services enabled and the warming held; then the list fills."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui import launch, warming
    from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog
    from inspector_app.ui.main_window import MainWindow
    from tests.helpers import new_inspection

    new_inspection(app, roster)
    may_open = threading.Event()
    seen: dict[str, Any] = {}

    def build(key: bytes | None) -> Any:
        seen["opening_started"] = True
        assert may_open.wait(30)
        return app

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, OfficerSignInDialog) and "dialog" not in seen:
            seen["dialog"] = True
            sign_in_as_inspector(modal)
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and "frame" not in seen:
            w = seen["frame"] = windows[0]
            seen["frame_state"] = (w.ops.ready, w.actions_.new_inspection.isEnabled(), w.list_page.empty.text(),
                                   w.list_page.view.isVisible())
            seen["write"] = []
            w.ops.write(lambda: "queued", seen["write"].append)  # made before the services exist: it waits
        if "frame" in seen and "released" not in seen and seen.get("opening_started"):
            seen["released"] = True
            may_open.set()
        w = seen.get("frame")
        if w is not None and w.ops.ready and w.list_page.model.rowCount() == 1 and seen["write"]:
            seen["filled"] = (w.actions_.new_inspection.isEnabled(), w.list_page.view.isVisible())
            w.ops.runner.wait()
            w.close()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    assert launch.run(build, lang="en", paths=app.paths) == 0
    assert seen["frame_state"] == (False, False, "Opening the workspace…", False)
    assert seen["filled"] == (True, True) and seen["write"] == ["queued"]
    assert warming._go.is_set()  # nothing stays held after the start
    assert [e.event_type for e in app.journal.events("session")] == ["session.sign_in", "session.sign_out"]


def test_a_workspace_that_fails_to_open_is_said_and_the_app_quits(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from inspector_app.ui import launch
    from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog

    seen: dict[str, Any] = {}

    def build(key: bytes | None) -> Any:
        raise OSError("the disk is gone")

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, OfficerSignInDialog) and "dialog" not in seen:
            seen["dialog"] = True
            sign_in_as_inspector(modal)
        if isinstance(modal, QMessageBox):
            seen["message"] = modal.text()
            modal.accept()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    assert launch.run(build, lang="en", paths=app.paths) == 2
    assert "the disk is gone" in seen["message"]


def test_warming_waits_while_held() -> None:
    import threading
    import time

    from inspector_app.ui import warming

    done = threading.Event()
    warming.hold()
    try:
        worker = threading.Thread(target=lambda: (warming._import(("json",)), done.set()), daemon=True)
        worker.start()
        time.sleep(0.2)
        assert not done.is_set()  # held: the import waits
    finally:
        warming.release()
    assert done.wait(5)


def test_a_first_window_taller_than_the_screen_opens_maximised(app, roster, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The frame's 1280×820 on a 1366×768 laptop would hang its status bar below the screen (here the offscreen
    screen is 800×600); a window that fits, or one with a saved size, is left as it is."""
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_frame, fit_to_screen
    from inspector_app.ui.settings import UiSettings

    o = roster["officers"][0]
    settings = UiSettings(app.paths.settings_file)
    w = build_frame(Actor(o.name, o.id), "en", settings)
    qtbot.addWidget(w)
    available = w.screen().availableGeometry()
    assert available.height() < 820
    fit_to_screen(w, settings)
    # it fits even where nothing maximises it (no window manager), title bar included
    assert w.width() + 16 <= available.width() and w.height() + 40 <= available.height()
    w.show()
    qtbot.waitUntil(w.isMaximized)
    small = build_frame(Actor(o.name, o.id), "en", settings)
    qtbot.addWidget(small)
    small.resize(available.width() // 2, available.height() // 2)
    fit_to_screen(small, settings)
    assert not small.isMaximized()
    settings.set_bytes("window/geometry", small.saveGeometry())  # a size saved at the last close
    again = build_frame(Actor(o.name, o.id), "en", settings)
    qtbot.addWidget(again)
    fit_to_screen(again, settings)
    assert not again.isMaximized() and again.size() == small.size()  # as it was left
    for x in (w, small, again):
        x.collector.stop()


def test_a_failure_making_the_rest_of_the_frame_still_opens_the_workspace(app, roster, qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_frame
    from inspector_app.ui.opening import WorkspaceOpening
    from inspector_app.ui.settings import UiSettings

    o = roster["officers"][0]
    w = build_frame(Actor(o.name, o.id), "en", UiSettings(app.paths.settings_file))
    qtbot.addWidget(w)
    opened: list[str] = []

    def broken() -> None:
        raise RuntimeError("a widget could not be made")
    opening = WorkspaceOpening(w, lambda: opened.append("worker") or app, lambda _w, _c: opened.append("attached"),
                               "t", after_paint=broken)
    w.show()
    opening.start_after_paint()
    qtbot.waitUntil(lambda: "attached" in opened, timeout=10000)  # the workspace opened all the same
    assert opened == ["worker", "attached"]
    w.collector.stop()
