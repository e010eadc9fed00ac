"""No event-loop stall on the checklist's busiest path: a scripted run over a real window (offscreen) — every item
answered from the keyboard (each answer is a save, a tree update and the next item's editor built), findings added
(each a reload of the inspection: checklist model, tree, editor, findings and evidence rebuilt) — with the heap of a
real session (PDF and signing libraries loaded, so a full garbage collection is as costly as in the field).

The GUI thread is watched by tests/stall_sampler.py (a 10 ms heartbeat; a stall is a tick's lateness); on failure
the stacks seen during the stalls are printed. Bound: 150 ms offscreen, on a shared 2-core machine."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import Qt

from inspector_app.domain.findings import FindingData
from inspector_app.ui.tasks import GuiGarbageCollector
from tests.helpers import lead, new_inspection, start_on_site
from tests.stall_sampler import StallSampler

MAX_STALL_MS = 150


def idle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Wait, with the event loop running (never blocking it: that would be a stall of the test's own making),
    until the writer and the pool have nothing queued or running."""
    runner = window.ops.runner
    qtbot.waitUntil(lambda: runner._writer.activeThreadCount() == 0 and runner._pool.activeThreadCount() == 0,
                    timeout=20000)
    qtbot.wait(30)


def test_answering_every_item_and_adding_findings_never_stalls_the_event_loop(app, roster, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    import pyhanko.sign.signers  # noqa: F401 - a session that has signed: the heap the collector walks
    import reportlab.platypus  # noqa: F401

    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    window.open_inspection(iid)
    page = window.inspection_page
    checklist = page.checklist
    qtbot.waitUntil(lambda: page.detail is not None and len(checklist.model.item_indexes()) == 11, timeout=20000)
    page.tabs.setCurrentWidget(checklist)
    window.ops.runner.wait()
    qtbot.wait(50)
    # What a full collection of everything would cost (the figure the old collector paid every few dozen actions);
    # then frozen again, as the window's collector leaves the heap after its start-up collection.
    gc.unfreeze()
    objects = len(gc.get_objects())
    t0 = time.perf_counter()
    gc.collect()
    full_ms = (time.perf_counter() - t0) * 1000
    gc.freeze()
    assert not gc.isenabled() and GuiGarbageCollector._running_set, "the window's collector is alive"
    print(f"a full collection of this heap ({objects} objects): {full_ms:.0f} ms")
    # allocation counters as mid-session: a full collection due at the collector's next tick
    while gc.get_count()[2] <= gc.get_threshold()[2]:
        gc.collect(1)
    full: list[float] = []  # the full collections during the sequence, ms
    started: list[float] = []

    def watch(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if info["generation"] == 2:
            if phase == "start":
                started.append(time.perf_counter())
            else:
                full.append((time.perf_counter() - started.pop()) * 1000)

    gc.callbacks.append(watch)
    sampler = StallSampler(threshold_ms=MAX_STALL_MS / 2)
    sampler.start()
    try:
        actor = lead(roster)
        sampler.label = "the rest of the first section compliant"
        checklist.select(checklist.model.item_indexes()[0], focus_editor=False)
        section = checklist.model.section_answer_ids(checklist.tree.currentIndex())
        checklist.mark_section_compliant()  # one write; the tree, the panel and the progress updated once
        yes_no = [ix for ix in checklist.model.item_indexes() if checklist.model.item_at(ix)[1].id in section
                  and checklist._answers_key(checklist.model.item_at(ix)[0], "yes")]
        assert yes_no
        qtbot.waitUntil(lambda: all(checklist.model.item_at(ix)[1].state == "compliant" for ix in yes_no),
                        timeout=20000)  # numbers and texts are left for a value
        idle(qtbot, window)
        counts = checklist.model.counts()
        assert checklist.progress.value() == sum(counts.values()) - counts["unanswered"] >= len(yes_no)
        for round_ in range(3):
            checklist.select(checklist.model.item_indexes()[0], focus_editor=False)
            checklist.tree.setFocus()
            for n, index in enumerate(checklist.model.item_indexes()):
                item, answer = checklist.model.item_at(index)
                sampler.label = f"round {round_} answer {item.id}"
                if checklist._answers_key(item, "yes"):
                    qtbot.waitUntil(lambda index=index: checklist.tree.currentIndex() == index, timeout=10000)
                    key = Qt.Key.Key_N if (n + round_) % 2 else Qt.Key.Key_Y
                    qtbot.keyClick(checklist.tree, key)
                else:
                    checklist.next_item()
                idle(qtbot, window)
            sampler.label = f"round {round_} finding"
            data = FindingData(description=f"抽查病历{round_ + 1}份，发现超标准收费。")
            window.ops.write(lambda data=data: app.findings.add(actor, iid, data))
            qtbot.waitUntil(lambda r=round_: page.findings.model.rowCount() == r + 1, timeout=20000)
            idle(qtbot, window)
            for _ in range(3):  # allocations as a session makes them, the collector's timer at work
                junk = [[] for _ in range(5000)]  # kept over the tick: freeing them would undo the count
                qtbot.wait(600)
                del junk
    finally:
        sampler.stop()
        gc.callbacks.remove(watch)
    print(sampler.report())
    assert all(checklist.model.item_at(ix)[1].state != "unanswered" for ix in checklist.model.item_indexes()
               if checklist._answers_key(checklist.model.item_at(ix)[0], "yes")), "every yes/no item answered"
    print("full collections during the sequence (ms):", [round(f) for f in full])
    assert full, "the sequence reaches a full collection, as a session does"
    assert sampler.max_stall_ms <= MAX_STALL_MS, sampler.report()
