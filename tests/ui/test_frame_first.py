"""The main window's frame is shown before the workspace is open (ui/launch.py `run`): nothing that needs the
services can be triggered until they are attached; calls made meanwhile wait and run once they are."""

from __future__ import annotations

from typing import Any


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
    attach_services(w, app)
    assert all(x.isEnabled() for x in needs if x is not a.lock)
    assert not a.lock.isEnabled()  # a workspace without key slots has no password to lock with
    qtbot.waitUntil(lambda: w.list_page.model.rowCount() == 1 and len(got) == 1)
    assert not w.list_page.empty.isVisible() and o.id in {x.id for x in got[0]}
    qtbot.waitUntil(lambda: w._inspection_page is not None)
    w.ops.runner.wait()
