"""Find what blocks the GUI thread: a heartbeat timer on the event loop plus a watchdog thread that samples the GUI
thread's Python stack while a heartbeat is late (a sampling profiler limited to the stalls).

    sampler = StallSampler(threshold_ms=60)
    sampler.start()           # on the GUI thread, before the sequence
    ...                       # the scripted sequence
    sampler.stop()
    sampler.max_stall_ms, sampler.report()   # the longest stall; the stacks seen most often during stalls

The watchdog only reads `sys._current_frames()` (no signal, no tracing), so it costs nothing while the loop runs;
Qt's C++ work between Python frames is attributed to the innermost Python caller.
The watchdog needs the GIL to sample: while the GUI thread runs Python it holds it, so the samples lean towards
the moments the GUI thread is in C++ or waiting (a Python-heavy turn is under-sampled; `perf` or a per-turn
cProfile sees it better). The other threads' frames show what ran beside the GUI thread during each stall.
"""

from __future__ import annotations

import collections
import sys
import threading
import time

from PySide6.QtCore import QObject, Qt, QTimer


class StallSampler(QObject):
    def __init__(self, interval_ms: int = 10, threshold_ms: float = 60.0, sample_ms: float = 5.0,
                 depth: int = 14, parent: QObject | None = None):
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.threshold_ms = threshold_ms
        self.sample_s = sample_ms / 1000
        self.depth = depth
        self.max_stall_ms = 0.0
        self.stalls: list[float] = []  # lateness of every heartbeat over the threshold, ms
        self.samples: collections.Counter[str] = collections.Counter()
        # the stacks of each stall apart, keyed by when it began (the last punctual heartbeat)
        self.by_stall: dict[float, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        # the other threads' innermost frames seen during each stall (what held the GIL, or competed for it)
        self.workers: dict[float, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.worker_depth = 4
        self.detailed = 3  # stalls reported each with its own stacks
        self.label = ""  # what the script is doing (set by the caller; kept with each stall)
        self.labelled: list[tuple[float, str]] = []
        self._last = time.perf_counter()
        self._gui = threading.get_ident()
        self._running = False
        self._beat = QTimer(self)
        self._beat.setInterval(interval_ms)
        self._beat.setTimerType(Qt.TimerType.PreciseTimer)
        self._beat.timeout.connect(self._tick)
        self._thread: threading.Thread | None = None
        self._began: list[tuple[float, float]] = []  # (lateness, the stall's start) for `by_stall`
        self._graveyard: list[list[object]] = []
        self._old_graves: list[list[object]] = []

    def start(self) -> None:
        self._gui = threading.get_ident()
        self._last = time.perf_counter()
        self._running = True
        self._beat.start()
        self._thread = threading.Thread(target=self._watch, name="stall-watchdog", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._running = False
        self._beat.stop()
        if self._thread is not None:
            self._thread.join(1)
        self._graveyard, self._old_graves = [], []

    def _tick(self) -> None:
        now, began = time.perf_counter(), self._last
        late = (now - began) * 1000 - self.interval_ms
        self._last = now
        # Two generations: what the watchdog appended before the previous tick is surely no longer in its hands.
        dropped, self._old_graves, self._graveyard = self._old_graves, self._graveyard, []
        del dropped  # the sampled frames are released here, on the GUI thread
        self.max_stall_ms = max(self.max_stall_ms, late)
        if late > self.threshold_ms:
            self.stalls.append(late)
            self.labelled.append((late, self.label))
            self._began.append((late, began))

    def _watch(self) -> None:
        while self._running:
            time.sleep(self.sample_s)
            began = self._last
            if (time.perf_counter() - began) * 1000 - self.interval_ms < self.threshold_ms / 2:
                continue
            # Every frame reference taken here is handed to the GUI thread to drop (`_graveyard`): a frame keeps
            # its locals alive, and if this thread dropped the last reference, Qt objects would be destroyed on the
            # wrong thread (a crash).
            held: list[object] = [sys._current_frames()]
            self._graveyard.append(held)
            frame = held[0].get(self._gui)  # type: ignore[attr-defined]
            lines = []
            while frame is not None and len(lines) < self.depth:
                held.append(frame)
                code = frame.f_code
                name = code.co_filename.split("site-packages/")[-1]
                lines.append(f"  {name}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            held.append(frame)
            # The other threads running Python meanwhile (the GIL's other holders): their innermost frames.
            me = threading.get_ident()
            for ident, other in held[0].items():  # type: ignore[attr-defined]
                if ident in (self._gui, me):
                    continue
                where = []
                while other is not None and len(where) < self.worker_depth:
                    code = other.f_code
                    where.append(f"{code.co_filename.split('site-packages/')[-1]}:{other.f_lineno} {code.co_name}")
                    other = other.f_back
                if where:
                    self.workers[began][" < ".join(where)] += 1
            other = None
            frame = None
            del held
            if lines:
                stack = "\n".join(reversed(lines))
                self.samples[stack] += 1
                self.by_stall[began][stack] += 1

    def report(self, top: int = 8) -> str:
        lines = [f"max stall {self.max_stall_ms:.0f} ms; {len(self.stalls)} stalls over {self.threshold_ms:.0f} ms"]
        for late, label in sorted(self.labelled, reverse=True)[:top]:
            lines.append(f"  {late:6.0f} ms during {label}")
        total = sum(self.samples.values()) or 1
        for stack, n in self.samples.most_common(top):
            lines.append(f"--- {n} samples ({n * 100 / total:.0f}%) ≈ {n * self.sample_s * 1000:.0f} ms\n{stack}")
        for late, began in sorted(self._began, reverse=True)[:self.detailed]:  # the longest, each with its stacks
            seen = self.by_stall.get(began) or collections.Counter()
            lines.append(f"=== stall of {late:.0f} ms: {sum(seen.values())} samples")
            for stack, n in seen.most_common(4):
                lines.append(f"--- {n} samples\n{stack}")
            for where, n in (self.workers.get(began) or collections.Counter()).most_common(4):
                lines.append(f"+++ other thread, {n} samples: {where}")
        return "\n".join(lines)
