"""While a window lives, cyclic garbage is collected on the GUI thread, never by a worker thread that happens to
allocate (a Qt object destroyed off its thread crashes the app)."""

from __future__ import annotations

import gc
import threading
import weakref

from inspector_app.ui.tasks import GuiGarbageCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_cycles_are_collected_on_the_gui_thread_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    before = gc.isenabled()
    collector = GuiGarbageCollector(interval_ms=20)
    collector.start()
    try:
        assert not gc.isenabled()
        node = _Node()
        gone = weakref.ref(node)
        del node

        def churn() -> None:  # a worker leaving plenty of cyclic garbage: it must not run the collector
            for _ in range(5 * gc.get_threshold()[0]):
                _Node()

        worker = threading.Thread(target=churn)
        worker.start()
        worker.join()
        assert gone() is not None
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the GUI thread's timer collected it
    finally:
        collector.stop()
    assert gc.isenabled() == before  # back as it was (on, unless another window is still open)


def test_full_collections_skip_the_frozen_survivors_and_the_lock_screen_collects_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A gen-2 collection walks only what was created since the last one (the survivors are frozen), so it is
    no longer an event-loop stall; a cycle among the frozen that became garbage goes at full_collect."""
    collector = GuiGarbageCollector(interval_ms=10)
    collector.start()
    try:
        assert gc.get_freeze_count() > 0  # start-up's objects set aside
        old = _Node()
        gone = weakref.ref(old)
        gc.freeze()
        del old
        counts_before = gc.get_freeze_count()
        while gc.get_count()[2] <= gc.get_threshold()[2]:  # drive the counters to a full collection
            gc.collect(1)
        young = _Node()
        young_gone = weakref.ref(young)
        del young
        junk = [[] for _ in range(gc.get_threshold()[0] + 10)]  # the allocation count passes the threshold
        assert gc.get_count()[0] > gc.get_threshold()[0]
        collector.collect()
        del junk
        assert young_gone() is None  # the young cycle went
        assert gone() is not None  # the frozen one waits …
        assert gc.get_freeze_count() >= counts_before  # … and the survivors were frozen again
        GuiGarbageCollector.full_collect()
        assert gone() is None  # … until the lock screen's full collection
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0  # the last window gone: nothing kept aside


def test_the_start_up_pause_is_handed_to_the_window_collector_or_undone(qtbot) -> None:  # type: ignore[no-untyped-def]
    """desktop.launch_gui pauses collection until the window's collector takes over (startup_gc.py): collection
    must come back on when that collector stops, and when no window came at all (sign-in cancelled)."""
    from inspector_app import startup_gc

    assert gc.isenabled() and not startup_gc.paused()
    startup_gc.pause()
    try:
        assert not gc.isenabled() and startup_gc.paused()
        collector = GuiGarbageCollector(interval_ms=20)
        collector.start()  # the window came: it takes over
        assert not startup_gc.paused() and not gc.isenabled()
        startup_gc.resume()  # what launch_gui's `finally` does: nothing to undo any more
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()  # it was on before start-up paused it
    finally:
        startup_gc.resume()
        gc.enable()
    startup_gc.pause()  # no window this time
    startup_gc.resume()
    assert gc.isenabled() and not startup_gc.paused()


def test_launch_gui_leaves_collection_on_when_the_sign_in_is_cancelled(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app import desktop

    seen = {}

    def run(*_a, **_k):  # type: ignore[no-untyped-def]
        seen["during"] = gc.isenabled()
        return 0  # "Sign-in cancelled"
    monkeypatch.setattr("inspector_app.ui.launch.run", run)
    assert desktop.launch_gui(None, "en") == 0
    assert seen["during"] is False and gc.isenabled()
