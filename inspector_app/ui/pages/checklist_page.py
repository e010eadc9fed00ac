"""Checklist runner: a find field, sections and items on the left, the item's editor and guidance on the right.

Keyboard (the keys come from ui/keymap.py, where Help → Keyboard shortcuts reads them): the menu actions move
between items (Ctrl+Down / Ctrl+Up, Ctrl+J next unanswered) — the page binds no key of its own, a second binding
would make Qt call the key ambiguous and fire neither. In the item list Y/N/A (or 1/2/3) answer a yes/no item and
move on, Enter goes into the answer field; in a number or date field Enter saves and moves on. Required items are
marked with * (bold while unanswered). A count or percentage that looks like a slip (domain/plausibility.py) is
shown as you type and confirmed before it is saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.checklist import AnswerType, ItemDef, ItemState
from inspector_app.domain.plausibility import PlausibilityWarning, check_number
from inspector_app.services.dto import AnswerDTO, ChecklistPart
from inspector_app.ui.models.checklist_tree_model import REQUIRED_MARK, ChecklistTreeModel
from inspector_app.ui.operations import Operations
from inspector_app.ui.undo import AnswerCommand
from inspector_app.ui.widgets.item_panel import ItemPanel

ANSWER_KEYS = {"Y": "yes", "1": "yes", "N": "no", "2": "no", "A": "na", "3": "na"}


class ChecklistPage(QWidget):
    finding_requested = Signal(str)   # answer id
    evidence_requested = Signal(str)  # answer id
    message = Signal(str)             # a short note for the status bar

    def __init__(self, ops: Operations, undo: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.undo = undo
        self.model = ChecklistTreeModel(self)
        self._fitted: tuple[int, str] | None = None  # the shape the state column was last fitted to
        self.find = QLineEdit(self)
        self.find.setObjectName("checklist_find")
        self.find.setClearButtonEnabled(True)
        self.find.setPlaceholderText(self.tr("Find an item by id or words (Ctrl+F, Enter: next match)"))
        self.find.returnPressed.connect(self.find_next)
        self.find_result = QLabel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("checklist_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Not ResizeToContents: with it every answer saved (one dataChanged) made the header measure the whole
        # column again, a data() call per row through the bindings — the largest share of the stalls sampled on a
        # real X display. Measured once per checklist instead (set_checklist); the state words have fixed widths.
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().setStretchLastSection(False)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda _i: self.panel.schedule_focus())
        self.tree.installEventFilter(self)
        self.panel = ItemPanel(self)
        self.panel.plausibility_for = self._plausibility_for
        self.panel.describe_warning = self.describe_warning
        self.panel.answer_committed.connect(self._commit)
        self.panel.advance_requested.connect(self._advance)
        self.panel.finding_requested.connect(lambda: self._emit_for_current(self.finding_requested))
        self.panel.evidence_requested.connect(lambda: self._emit_for_current(self.evidence_requested))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("checklist_progress")
        self.counts = QLabel(self)
        self.counts.setObjectName("checklist_counts")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        find_row = QHBoxLayout()
        find_row.addWidget(self.find, 1)
        find_row.addWidget(self.find_result)
        left_layout.addLayout(find_row)
        left_layout.addWidget(self.tree, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("checklist_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        ops.answer_saved.connect(self._saved)
        self._read_only = False
        self.inspection_id: str | None = None  # set by the inspection page with the checklist
        self._hold = False  # the inspector chose to correct a doubtful value: stay on the item

    # -- loading
    def set_checklist(self, parts: list[ChecklistPart], read_only: bool) -> None:
        self._read_only = read_only
        current = self.current_answer_id()
        # A reload (e.g. after a finding is saved) rebuilds the editor: the focus goes back into it, so the next
        # key still answers the item.
        focused = self.window().focusWidget()
        had_focus = focused is not None and self.panel.isAncestorOf(focused)
        self.model.set_checklist(parts)
        self.tree.expandAll()
        self._fit_state_column()
        self.panel.set_read_only(read_only)
        self._update_progress()
        target = self.model.index_of_answer(current) if current else QModelIndex()
        if not target.isValid():
            items = self.model.item_indexes()
            target = items[0] if items else QModelIndex()
        if target.isValid():
            self.tree.setCurrentIndex(target)
        if had_focus:
            self.panel.schedule_focus()

    def _fit_state_column(self) -> None:
        """Wide enough for any state word and any section tally this checklist can show, measured once."""
        from inspector_app.ui import labels
        from inspector_app.ui.models.checklist_tree_model import STATE_MARKS

        # Measuring the column's contents asks the model for every row (~10-30 ms of Python calls): done when the
        # checklist's shape or its widest tally changes, not on each reload after an answer or a finding.
        widest = self.model.widest_tally()
        shape = (self.model.rowCount(), widest)
        if shape == self._fitted:
            return
        self._fitted = shape
        fm = self.tree.fontMetrics()
        samples = [f"{STATE_MARKS[state]} {labels.item_state(state)}" for state in ItemState]
        samples.append(widest)
        self.tree.resizeColumnToContents(1)
        wanted = max(fm.horizontalAdvance(t) for t in samples) + 3 * fm.horizontalAdvance(" ") + 12
        self.tree.header().resizeSection(1, max(self.tree.columnWidth(1), wanted))

    def current_answer_id(self) -> str | None:
        found = self.model.item_at(self.tree.currentIndex())
        return found[1].id if found else None

    # -- navigation
    def _move(self, step: int, only_unanswered: bool = False) -> None:
        self.panel.flush()
        if self._hold:
            self._hold = False
            return
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
            self.select(candidate)
            return

    def select(self, index: QModelIndex, focus_editor: bool = True) -> None:
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        if focus_editor:
            self.panel.schedule_focus()

    def select_item(self, item_id: str) -> None:
        """Show the item with this id (e.g. the first required item still unanswered) with the focus in the list."""
        for ix in self.model.item_indexes():
            found = self.model.item_at(ix)
            if found and found[0].id == item_id:
                self.select(ix, focus_editor=False)
                self.tree.setFocus()
                return

    def next_item(self) -> None:
        self._move(1)

    def previous_item(self) -> None:
        self._move(-1)

    def next_unanswered(self) -> None:
        self._move(1, only_unanswered=True)

    def _advance(self) -> None:
        if self._hold:
            self._hold = False
            return
        self.next_item()

    def focus_find(self) -> None:
        self.find.setFocus()
        self.find.selectAll()

    def find_next(self) -> None:
        index, count = self.model.find(self.find.text(), self.tree.currentIndex())
        if not index.isValid():
            self.find_result.setText(self.tr("No item matches") if self.find.text().strip() else "")
            return
        self.find_result.setText(self.tr("%n match(es)", "", count))
        self.select(index, focus_editor=False)
        self.tree.setFocus()  # Y/N/A or Enter act on the found item; Ctrl+F comes back here

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Answer keys in the item list: a yes/no item is answered without entering the editor, then on to the next.
        if watched is self.tree and event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            value = ANSWER_KEYS.get(event.text().upper())
            found = self.model.item_at(self.tree.currentIndex())
            if value and found and not self._read_only and self._answers_key(found[0], value):
                self._commit_value(found[0], found[1], value)
                self.next_item()
                self.tree.setFocus()
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _answers_key(item: ItemDef, value: str) -> bool:
        return item.answer is AnswerType.BOOL_NA or (item.answer is AnswerType.BOOL and value != "na")

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self.model.item_at(current)
        if found is None:
            return
        self.panel.show_item(*found)

    # -- the rest of a section
    def mark_section_compliant(self) -> None:
        """Every unanswered item of the current section 符合, as one service call (one transaction, each item
        journaled); undo restores them one by one."""
        if self._read_only:
            return
        self.panel.flush()
        ids = self.model.section_answer_ids(self.tree.currentIndex())
        before = {a.id: a for a in (self.model.answer(i) for i in ids) if a is not None}
        if not ids or self.inspection_id is None:
            return
        inspection_id, actor = self.inspection_id, self.ops.actor
        self.ops.write(lambda: self.ops.app.inspections.mark_compliant(actor, inspection_id, ids),
                       lambda result: self._marked(result, before))

    def _marked(self, result: tuple[list[AnswerDTO], list[str], Any], before: dict[str, AnswerDTO]) -> None:
        done, skipped, _changes = result
        if done:
            self.undo.beginMacro(self.tr("Rest of the section compliant"))
            for dto in done:
                self.undo.push(AnswerCommand(self.ops, before[dto.id], dto.value, dto.verdict, dto.item_id))
            self.undo.endMacro()
        for dto in done:  # the tree updated item by item, the panel and the progress once (not once per item)
            self.model.update_answer(dto)
        if done:
            current = self.panel.answer
            for dto in done:
                if current is not None and dto.id == current.id:
                    self.panel.refresh(dto)
            self._update_progress()
        text = self.tr("%n item(s) marked compliant", "", len(done))
        if skipped:
            text += self.tr("; left for a number: %1").replace("%1", "、".join(skipped))
        self.message.emit(text)

    # -- saving
    def _plausibility_for(self, item: ItemDef, answer: AnswerDTO) -> Any:
        def check(text: str) -> list[PlausibilityWarning]:
            stored = self.panel.answer.value if self.panel.answer is not None else answer.value
            return check_number(item, text, stored, self.model.sibling_counts(answer.id))
        return check

    def describe_warning(self, w: PlausibilityWarning) -> str:
        text = {"pct_over_100": self.tr("%1 is more than 100%: a percentage cannot be above 100."),
                "appended_digits": self.tr("%1 looks like %2 with digits typed after it."),
                "far_above_siblings": self.tr("%1 is far above the other counts of this section (largest %2).")}
        return text.get(w.code, w.message).replace("%1", w.value).replace("%2", w.reference)

    def _confirm(self, warnings: list[PlausibilityWarning]) -> bool:
        """Ask before a doubtful value is saved; False keeps the stored value and the focus on the item."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check this value"),
                          "\n".join(self.describe_warning(w) for w in warnings), parent=self)
        box.setObjectName("plausibility_box")
        fix = box.addButton(self.tr("Correct it"), QMessageBox.ButtonRole.RejectRole)
        save = None
        if not any(w.code == "pct_over_100" for w in warnings):
            save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(fix)
        box.exec()
        return save is not None and box.clickedButton() is save

    def _commit(self, value: Any, verdict: str | None, note: str | None) -> None:
        if self._read_only or self.panel.answer is None or self.panel.item is None:
            return
        before = self.panel.answer
        if note is not None:
            self.ops.save_answer(before.id, before.value, before.verdict, note)
            return
        if value is not None and str(value) != str(before.value):
            warnings = check_number(self.panel.item, value, before.value, self.model.sibling_counts(before.id))
            if warnings and not self._confirm(warnings):
                self._hold = True
                self.panel.refresh(before)
                self.panel.schedule_focus()
                return
        self._commit_value(self.panel.item, before, value, verdict)

    def _commit_value(self, item: ItemDef, before: AnswerDTO, value: Any, verdict: str | None = None) -> None:
        self.undo.push(AnswerCommand(self.ops, before, value, verdict, item.id))
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
        self.counts.setText(self.tr("Compliant %1 · Violations %2 · N/A %3 · %4 required, unanswered: %5")
                            .replace("%1", str(c[ItemState.COMPLIANT.value]))
                            .replace("%2", str(c[ItemState.VIOLATION.value]))
                            .replace("%3", str(c[ItemState.NOT_APPLICABLE.value]))
                            .replace("%4", REQUIRED_MARK)
                            .replace("%5", str(self.model.required_unanswered())))

    def _emit_for_current(self, signal: Any) -> None:
        answer_id = self.current_answer_id()
        if answer_id:
            signal.emit(answer_id)

    def flush(self) -> None:
        self.panel.flush()
