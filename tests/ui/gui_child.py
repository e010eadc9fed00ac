"""Child process for the GUI kill test: the real main window (offscreen) edits answers through its widgets.

It prints `DONE item value` once an edit is saved (the service call returned and the window was told),
and keeps typing the next edit; the parent kills it with SIGKILL at a random moment."""

from __future__ import annotations

import itertools
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from inspector_app.app import build_context  # noqa: E402
from tests.conftest import test_workspace_key  # noqa: E402
from inspector_app.services.context import Actor  # noqa: E402
from inspector_app.ui.launch import build_window, qt_app  # noqa: E402


def main(data_dir: str, inspection_id: str) -> None:
    app = qt_app()
    ctx = build_context(data_dir, device="gui-child", workspace_key=test_workspace_key())
    officer = ctx.roster.officers()[0]
    window = build_window(ctx, Actor(officer.name, officer.id), "en")
    window.show()
    window.open_inspection(inspection_id)
    page = window.inspection_page.checklist
    counter = itertools.count(1)
    pending: dict[str, str] = {}

    def select(item_id: str) -> None:
        for idx in page.model.item_indexes():
            if page.model.item_at(idx)[0].id == item_id:
                page.tree.setCurrentIndex(idx)
                return

    def saved(answer: object) -> None:
        item = pending.pop(answer.id, None)  # type: ignore[attr-defined]
        if item is not None:
            print("DONE", item, answer.value, flush=True)  # type: ignore[attr-defined]
            QTimer.singleShot(0, step)

    def step() -> None:
        n = next(counter)
        item = ("T-03", "T-07", "T-05")[n % 3]
        select(item)
        panel = page.panel
        pending[panel.answer.id] = item
        value = {"T-03": str(n), "T-07": f"记录{n}", "T-05": f"{n}.50"}[item]
        if item == "T-07":
            panel.editor.edit.setPlainText(value)
            panel.editor.flush()
        else:
            panel.editor.edit.setText(value)
            panel.editor.edit.editingFinished.emit()

    window.ops.answer_saved.connect(saved)
    QTimer.singleShot(800, lambda: (print("READY", flush=True), step()))
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
