"""Python's automatic garbage collection paused while the desktop app starts, until the window's own collector
(ui/tasks.py `GuiGarbageCollector`) takes over, or resumed if no window comes (sign-in cancelled, an error).

Why: start-up imports a few hundred modules and creates the Qt types they use. Every few hundred allocations
the collector walks the young objects, and now and then everything, only to find next to no garbage: ≈ 3-6 ms of
CPU on the way to the main window (tests/bench/bench_gui.py). The window's collector freezes what start-up made
(gc.freeze) and collects on the GUI thread from then on. Qt-free: `desktop.py` calls it before any Qt import."""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collection back on if `pause` turned it off and nobody has taken it over since; idempotent."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def hand_over() -> bool:
    """For the collector that takes over: was automatic collection on before start-up paused it?"""
    global _paused
    was_on = gc.isenabled() or _paused
    _paused = False
    return was_on


def paused() -> bool:
    return _paused
