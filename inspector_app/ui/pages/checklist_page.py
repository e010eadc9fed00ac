"""Checklist runner: sections and items on the left, the item's editor and guidance on the right.

Keyboard: Ctrl+Down / Ctrl+Up next / previous item, Ctrl+J next unanswered, Enter in the tree jumps into the
editor, Y/N/A (or 1/2/3) answer yes/no questions, Alt+C/V/A set the verdict, Ctrl+Z / Ctrl+Y undo / redo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QProgressBar, QSplitter, QTreeView, QVBoxLayout, QWidget

from inspector_app.domain.checklist import ItemState
from inspector_app.services.dto import AnswerDTO, ChecklistPart
from inspector_app.ui.models.checklist_tree_model import ChecklistTreeModel
from inspector_app.ui.operations import Operations
from inspector_app.ui.undo import AnswerCommand
from inspector_app.ui.widgets.item_panel import ItemPanel


class ChecklistPage(QWidget):
    finding_requested = Signal(str)   # answer id
    evidence_requested = Signal(str)  # answer id

    def __init__(self, ops: Operations, undo: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.undo = undo
        self.model = ChecklistTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("checklist_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda _i: self.panel.schedule_focus())
        self.panel = ItemPanel(self)
        self.panel.answer_committed.connect(self._commit)
        self.panel.finding_requested.connect(lambda: self._emit_for_current(self.finding_requested))
        self.panel.evidence_requested.connect(lambda: self._emit_for_current(self.evidence_requested))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("checklist_progress")
        self.counts = QLabel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("checklist_splitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        for keys, slot in (("Ctrl+Down", self.next_item), ("Ctrl+Up", self.previous_item),
                           ("Ctrl+J", self.next_unanswered)):
            QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(slot)
        ops.answer_saved.connect(self._saved)
        self._read_only = False

    # -- loading
    def set_checklist(self, parts: list[ChecklistPart], read_only: bool) -> None:
        self._read_only = read_only
        current = self.current_answer_id()
        self.model.set_checklist(parts)
        self.tree.expandAll()
        self.panel.set_read_only(read_only)
        self._update_progress()
        target = self.model.index_of_answer(current) if current else QModelIndex()
        if not target.isValid():
            items = self.model.item_indexes()
            target = items[0] if items else QModelIndex()
        if target.isValid():
            self.tree.setCurrentIndex(target)

    def current_answer_id(self) -> str | None:
        found = self.model.item_at(self.tree.currentIndex())
        return found[1].id if found else None

    # -- navigation
    def _move(self, step: int, only_unanswered: bool = False) -> None:
        self.panel.flush()
        items = self.model.item_indexes()
        if not items:
            return
        current = self.tree.currentIndex()
        pos = next((n for n, ix in enumerate(items) if ix == current), -1)
        for k in range(1, len(items) + 1):
            candidate = items[(pos + step * k) % len(items)]
            if only_unanswered:
                found = self.model.item_at(candidate)
                if not found or found[1].state != ItemState.UNANSWERED:
                    continue
            self.tree.selectionModel().setCurrentIndex(
                candidate, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(candidate)
            self.panel.schedule_focus()
            return

    def next_item(self) -> None:
        self._move(1)

    def previous_item(self) -> None:
        self._move(-1)

    def next_unanswered(self) -> None:
        self._move(1, only_unanswered=True)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self.model.item_at(current)
        if found is None:
            return
        self.panel.show_item(*found)

    # -- saving
    def _commit(self, value: Any, verdict: str | None, note: str | None) -> None:
        if self._read_only or self.panel.answer is None or self.panel.item is None:
            return
        before = self.panel.answer
        if note is not None:
            self.ops.save_answer(before.id, before.value, before.verdict, note)
            return
        self.undo.push(AnswerCommand(self.ops, before, value, verdict, f"{self.panel.item.id}"))
        self.ops.save_answer(before.id, value, verdict)

    def _saved(self, answer: AnswerDTO) -> None:
        self.model.update_answer(answer)
        self.panel.refresh(answer)
        self._update_progress()

    def _update_progress(self) -> None:
        c = self.model.counts()
        total = sum(c.values())
        done = total - c[ItemState.UNANSWERED.value]
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m items answered (%p%)"))
        self.counts.setText(self.tr("Compliant %1 · Violations %2 · N/A %3")
                            .replace("%1", str(c[ItemState.COMPLIANT.value]))
                            .replace("%2", str(c[ItemState.VIOLATION.value]))
                            .replace("%3", str(c[ItemState.NOT_APPLICABLE.value])))

    def _emit_for_current(self, signal: Any) -> None:
        answer_id = self.current_answer_id()
        if answer_id:
            signal.emit(answer_id)

    def flush(self) -> None:
        self.panel.flush()
