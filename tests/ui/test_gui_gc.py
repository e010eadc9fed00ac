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
