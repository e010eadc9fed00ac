"""Evidence import off the GUI thread: files are prepared (verified, hashed, stored, thumbnailed) on the worker
pool in parallel and committed one by one on the writer; a progress dialog shows it and can cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector_app.domain.errors import DomainError
from inspector_app.domain.evidence import Measure
from inspector_app.services.changes import Changes
from inspector_app.ui.operations import Operations
from inspector_app.ui.errors import user_message


class ImportJob(QObject):
    # {"imported": [...], "duplicates": [...], "refused": [(name, reason)], "cancelled": bool}
    finished = Signal(object)

    def __init__(self, ops: Operations, inspection_id: str, paths: Sequence[Path], parent: QWidget | None,
                 measure: Measure = Measure.PHOTO, link: tuple[str, str] | None = None, show_progress: bool = True,
                 reinspection_id: str | None = None):
        super().__init__(parent)
        self.ops, self.inspection_id, self.paths = ops, inspection_id, list(paths)
        self.reinspection_id = reinspection_id
        self.measure, self.link = measure, link
        self._cancel = threading.Event()
        self._done = 0
        # What the commits changed, announced together (see `_committed`).
        self._unannounced: Changes | None = None
        self._announced_at = time.monotonic()
        self.result: dict[str, Any] = {"imported": [], "duplicates": [], "refused": [], "cancelled": False}
        self.progress: QProgressDialog | None = None
        if show_progress and parent is not None:
            self.progress = QProgressDialog(self.tr("Importing evidence…"), self.tr("Cancel"), 0, len(self.paths),
                                            parent)
            self.progress.setObjectName("import_progress")
            self.progress.setMinimumDuration(300)
            self.progress.canceled.connect(self.cancel)

    def start(self) -> None:
        if not self.paths:
            self._finish()
            return
        # Prepared in parallel, committed in the order chosen: the evidence numbers follow the inspector's order,
        # not which file happened to finish hashing first.
        self._ready: dict[int, tuple[str, Any]] = {}
        self._next = 0
        for n, path in enumerate(self.paths):
            self.ops.runner.run(lambda p=path: self.ops.app.evidence.prepare(p, self._cancel.is_set),
                                lambda prepared, n=n: self._arrived(n, ("ok", prepared)),
                                lambda exc, n=n: self._arrived(n, ("error", exc)))

    def _arrived(self, n: int, outcome: tuple[str, Any]) -> None:
        self._ready[n] = outcome
        while self._next in self._ready:
            kind, value = self._ready.pop(self._next)
            path = self.paths[self._next]
            self._next += 1
            if kind == "ok":
                self._commit(path, value)
            else:
                self._failed(path, value)

    def cancel(self) -> None:
        self._cancel.set()
        self.result["cancelled"] = True

    def _commit(self, path: Path, prepared: Any) -> None:
        if self._cancel.is_set():
            self._step()
            return
        actor, iid, measure, link, rid = (self.ops.actor, self.inspection_id, self.measure, self.link,
                                          self.reinspection_id)
        self.ops.write(lambda: self.ops.app.evidence.commit(actor, iid, prepared, measure, "", link, rid),
                       lambda committed: self._committed(path, committed), lambda exc: self._failed(path, exc))

    # Each announcement makes the open inspection re-read itself whole on a worker (detail, checklist, findings,
    # evidence, leads), holding the GIL the GUI thread waits for at every call into Python; announced per file, a
    # 20-photo import queued 20 such reads — the event-loop stalls of the import (only the newest one painted).
    # So the commits' changes are merged and announced at most once a second while the import runs, and at its end.
    ANNOUNCE_S = 1.0

    def _committed(self, path: Path, committed: Any) -> None:
        changes = committed.changes
        self._unannounced = changes if self._unannounced is None else self._unannounced | changes
        if time.monotonic() - self._announced_at >= self.ANNOUNCE_S:
            self._announce()
        key = "duplicates" if committed.duplicate else "imported"
        self.result[key].append((path.name, committed.evidence))
        self._step()

    def _failed(self, path: Path, exc: BaseException) -> None:
        if isinstance(exc, InterruptedError):
            self.result["cancelled"] = True
        elif isinstance(exc, DomainError):
            self.result["refused"].append((path.name, user_message(exc)))
        else:
            self.result["refused"].append((path.name, f"{type(exc).__name__}: {exc}"))
        self._step()

    def _step(self) -> None:
        self._done += 1
        if self.progress is not None:
            self.progress.setValue(self._done)
        if self._done == len(self.paths):
            self._finish()

    def _announce(self) -> None:
        if self._unannounced is not None:
            changes, self._unannounced = self._unannounced, None
            self._announced_at = time.monotonic()
            self.ops.changed.emit(changes)

    def _finish(self) -> None:
        self._announce()
        if self.progress is not None:
            # Closing a QProgressDialog emits canceled(): without this every finished import reported itself
            # cancelled.
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
        self.finished.emit(self.result)
