"""Service calls from the UI: writes go to the single writer thread, reads to the pool, results come back on the
GUI thread as signals. Widgets call these methods; they never touch services' sessions or storage."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from inspector_app.services.changes import Changes
from inspector_app.services.actor import Actor
from inspector_app.ui.tasks import TaskRunner
from inspector_app.ui.errors import user_message
from inspector_app.ui.seams import Services

if TYPE_CHECKING:  # the read models (and the domain rules behind them) come with the services, after the frame
    from inspector_app.services.dto import AnswerDTO


class Operations(QObject):
    changed = Signal(object)        # Changes, after any successful write
    answer_saved = Signal(object)   # AnswerDTO as stored
    failed = Signal(str)            # a message for the user
    actor_changed = Signal()        # another officer signed in, or the signed-in officer's role became known

    attached = Signal()             # the services arrived (see `attach`)

    def __init__(self, app: Services | None, runner: TaskRunner, actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        # None while the workspace opens on a worker behind an already shown window (ui/launch.py `run`): calls
        # made meanwhile wait in `_pending` and run, in order, once `attach` hands the services over.
        self.app: Services = app  # type: ignore[assignment]
        self._pending: list[tuple[str, Callable[[], Any], Any, Any]] = []
        self.runner = runner
        self.actor = actor
        self.role: str | None = None  # the signed-in officer's role (inspector | team_lead); None until known
        runner.error.connect(self._report)

    @property
    def ready(self) -> bool:
        return self.app is not None

    def attach(self, app: Services) -> None:
        self.app = app
        pending, self._pending = self._pending, []
        for kind, fn, done, error in pending:
            (self.runner.write if kind == "write" else self.runner.run)(fn, done, error)
        self.attached.emit()

    @property
    def is_team_lead(self) -> bool:
        return self.role == "team_lead"

    def set_actor(self, actor: Actor, role: str | None) -> None:
        self.actor, self.role = actor, role
        self.actor_changed.emit()

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))

    def write(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run a service write; a returned Changes (alone or last in a tuple) is broadcast."""

        def done(result: Any) -> None:
            changes = result if isinstance(result, Changes) else (
                result[-1] if isinstance(result, tuple) and result and isinstance(result[-1], Changes) else None)
            if changes is not None:
                self.changed.emit(changes)
            if on_done:
                on_done(result)

        def error(exc: BaseException) -> None:
            self._report(exc)
            if on_error:
                on_error(exc)

        if self.app is None:
            self._pending.append(("write", fn, done, error))
            return
        self.runner.write(fn, done, error)

    def read(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None) -> None:
        if self.app is None:
            self._pending.append(("read", fn, on_done, on_error or self._report))
            return
        self.runner.run(fn, on_done, on_error or self._report)

    def save_answer(self, answer_id: str, value: Any, verdict: str | None, note: str | None = None,
                    on_done: Callable[[AnswerDTO], None] | None = None) -> None:
        actor = self.actor

        def done(result: tuple[AnswerDTO, Changes]) -> None:
            self.answer_saved.emit(result[0])
            if on_done:
                on_done(result[0])

        self.write(lambda: self.app.inspections.save_answer(actor, answer_id, value, verdict, note), done)
