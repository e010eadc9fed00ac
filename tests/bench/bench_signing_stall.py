"""The GUI thread's event loop while a record is signed (issue 13: no stall over 100 ms; path (b) of the stalls).

The same signature — render the 现场检查笔录 with ReportLab, certify it with pyHanko — made the two ways, alternating
so a burst of load from elsewhere hits both alike:
- baseline: on a worker thread of the GUI process (how the app signed before: the GIL-bound work starves the GUI
  thread);
- subject: in the signing child process (records/worker_process.py, warmed as the signing dialog does).
A 10 ms heartbeat timer on the GUI thread measures the lateness of each tick; the figures are the longest stall and
the number of stalls over 100 ms per signature, medians of the repeats.

    .venv/bin/python tests/bench/bench_signing_stall.py [repeats]
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _workspace(root: Path) -> tuple[Any, dict[str, Any]]:
    """The test suite's mini template, roster and certificates; the suite's font build (no 40 s build here)."""
    from inspector_app.app import build_context
    from inspector_app.records import pki
    from tests.conftest import FIXTURES, Clock, _font_cache, make_roster
    from tests.services.test_signing_service import EPOCH, with_keys

    os.environ["INSPECTOR_FORMS"] = str(FIXTURES / "forms")
    os.environ.setdefault("INSPECTOR_FONT_CACHE", str(_font_cache()))
    app = build_context(str(root), clock=Clock(dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.timezone.utc)))
    roster = make_roster(app)
    with_keys(app, roster, pki.create_ca("测试市医疗保障局", not_before=EPOCH))
    return app, roster


def _sign_watched(app: Any, qt: Any, fn: Any) -> tuple[float, int, float]:
    """Run `fn` on a worker thread while a 10 ms heartbeat runs on the GUI thread: (longest stall ms, stalls over
    100 ms, seconds)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    last = [time.perf_counter()]
    worst, over = [0.0], [0]

    def tick() -> None:
        now = time.perf_counter()
        late = (now - last[0]) * 1000 - 10
        last[0] = now
        worst[0] = max(worst[0], late)
        if late > 100:
            over[0] += 1

    beat = QTimer()
    beat.setInterval(10)
    beat.setTimerType(Qt.TimerType.PreciseTimer)
    beat.timeout.connect(tick)
    loop = QEventLoop()
    errors: list[BaseException] = []

    cpu = [0.0]

    def work() -> None:
        c0 = time.thread_time()
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        cpu[0] = time.thread_time() - c0

    thread = threading.Thread(target=work)
    t0 = time.perf_counter()
    last[0] = t0
    beat.start()
    thread.start()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if not thread.is_alive() else None)
    poll.start()
    loop.exec()
    beat.stop()
    poll.stop()
    if errors:
        raise errors[0]
    print(f"  stall {worst[0]:.0f} ms, {over[0]} over 100 ms; the signing thread's own CPU {cpu[0] * 1000:.0f} ms")
    return worst[0], over[0], time.perf_counter() - t0


def main(repeats: int = 3) -> dict[str, float]:
    from inspector_app.records import worker_process
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import qt_app
    from inspector_app.ui.tasks import GuiGarbageCollector
    from tests.services.test_signing_service import PASSWORD, ready_to_sign

    qt = qt_app()
    sys.setswitchinterval(0.001)  # as build_window sets it
    collector = GuiGarbageCollector()
    collector.start()
    child = worker_process.WorkerProcess()
    inline: list[tuple[float, int, float]] = []
    in_child: list[tuple[float, int, float]] = []
    with tempfile.TemporaryDirectory(prefix="inspector-sign-stall-") as tmp:
        app, roster = _workspace(Path(tmp) / "ws")
        o1 = roster["officers"][0]
        actor = Actor(o1.name, o1.id)
        iids = [ready_to_sign(app, roster) for _ in range(2 * repeats + 1)]
        app.signing.sign_record(actor, iids.pop(), o1.id, PASSWORD)  # warm: fonts registered, libraries imported
        child.call("inspector_app.records.worker_process:_warm")  # as the signing dialog warms it
        for _ in range(repeats):
            worker_process._shared = None
            iid = iids.pop()
            inline.append(_sign_watched(app, qt, lambda iid=iid: app.signing.sign_record(
                actor, iid, o1.id, PASSWORD)))
            worker_process._shared = child
            iid = iids.pop()
            in_child.append(_sign_watched(app, qt, lambda iid=iid: app.signing.sign_record(
                actor, iid, o1.id, PASSWORD)))
        worker_process._shared = None
        child.close()
        app.close()
    collector.stop()
    med = {name: (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
                  statistics.median(r[2] for r in rows)) for name, rows in (("inline", inline), ("child", in_child))}
    load = os.getloadavg()[0]
    for name, (worst, over, secs) in med.items():
        print(f"signing {name}: longest GUI stall {worst:.0f} ms, stalls over 100 ms {over:.0f}, "
              f"signature {secs:.2f} s (medians of {repeats}); load average {load:.1f}")
    ratio = med["child"][0] / med["inline"][0] if med["inline"][0] else float("nan")
    print(f"BENCH signing_stall subject_s={med['child'][0] / 1000:.3f} baseline_s={med['inline'][0] / 1000:.3f} "
          f"ratio={ratio:.2f} size=longest-gui-stall-while-signing-child-vs-thread")
    return {"child_ms": med["child"][0], "inline_ms": med["inline"][0], "ratio": ratio}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    sys.stdout.flush()
    os._exit(0)
