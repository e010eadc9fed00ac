"""A service write whose errors the calling dialog shows itself (next to what the user typed), instead of the
window-wide error box that `Operations.write` raises. Changes are still broadcast on `ops.changed`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.services.changes import Changes
from inspector_app.ui.operations import Operations
from inspector_app.ui.errors import user_message


def changes_of(result: Any) -> Changes | None:
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    return None


def write_inline(ops: Operations, fn: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> None:
    def done(result: Any) -> None:
        changes = changes_of(result)
        if changes is not None:
            ops.changed.emit(changes)
        on_done(result)

    ops.runner.write(fn, done, on_error)


def message(exc: BaseException) -> str:
    """What the user reads: domain/validation errors as they are, anything else with its type."""
    return user_message(exc)
