"""The checklist runner's tree: sections (per pinned template) → items, each with its answer state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from inspector_app.domain.checklist import AnswerType, ItemDef, ItemState
from inspector_app.services.dto import AnswerDTO, ChecklistPart
from inspector_app.ui import labels

ModelIndex = QModelIndex | QPersistentModelIndex
AnswerIdRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2

STATE_COLOURS = {
    ItemState.COMPLIANT: "#1b7f3b", ItemState.VIOLATION: "#b3261e", ItemState.NOT_APPLICABLE: "#6b6b6b",
    ItemState.UNANSWERED: "#8a6d00",
}
STATE_MARKS = {ItemState.COMPLIANT: "✓", ItemState.VIOLATION: "✗", ItemState.NOT_APPLICABLE: "—",
               ItemState.UNANSWERED: "○"}
REQUIRED_MARK = "*"  # before the id of a required item; unanswered required items are also bold

# The views call data() for about ten roles per cell and index()/parent()/flags() for every row they lay out or
# paint, each call a crossing from C++ into Python that must take the GIL — while a worker holds it (the writer
# saving the answer just given) every crossing waits. The first paint of the checklist was ~2,700 calls (30-60 ms
# of GUI-thread CPU on this machine): the roles this model does not answer return before any lookup, the flags are
# one constant and index() checks bounds itself instead of calling back into C++ (hasIndex → rowCount/columnCount).
_DISPLAY, _FOREGROUND = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ForegroundRole)
_FONT, _TOOLTIP = int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.ToolTipRole)
_ANSWER_ID, _STATE = int(AnswerIdRole), int(StateRole)
_ITEM_ROLES = frozenset((_DISPLAY, _FOREGROUND, _FONT, _TOOLTIP, _ANSWER_ID, _STATE))
_SECTION_ROLES = frozenset((_DISPLAY, _FOREGROUND))
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass
class _Section:
    title: str
    items: list[ItemDef] = field(default_factory=list)


class ChecklistTreeModel(QAbstractItemModel):
    """Two levels. Internal ids: sections use -1 - n as their pointer-free id; items store their section number."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._sections: list[_Section] = []
        self._answers: dict[str, AnswerDTO] = {}  # by answer id
        self._answer_of: dict[tuple[int, int], str] = {}
        self._position: dict[str, tuple[int, int]] = {}

    def set_checklist(self, parts: list[ChecklistPart]) -> None:
        self.beginResetModel()
        # A reload read on the pool can finish after a newer answer was saved (answer_saved already applied it):
        # keep the newer answer instead of going back to the stale one.
        newer = self._answers
        self._sections, self._answers, self._answer_of, self._position = [], {}, {}, {}
        multi = len(parts) > 1
        for part in parts:
            for section in part.template.sections:
                title = f"{part.template.title} · {section.title}" if multi else section.title
                sec = _Section(title, list(section.items))
                s_no = len(self._sections)
                self._sections.append(sec)
                for i_no, item in enumerate(sec.items):
                    answer = part.answers.get(item.id)
                    kept = newer.get(answer.id) if answer is not None else None
                    if kept is not None and kept.updated_at > answer.updated_at:
                        answer = kept
                    if answer is not None:
                        self._answers[answer.id] = answer
                        self._answer_of[(s_no, i_no)] = answer.id
                        self._position[answer.id] = (s_no, i_no)
        self.endResetModel()

    def update_answer(self, answer: AnswerDTO) -> None:
        pos = self._position.get(answer.id)
        if pos is None:
            return
        self._answers[answer.id] = answer
        idx = self.index(pos[1], 0, self.index(pos[0], 0))
        self.dataChanged.emit(idx, idx.siblingAtColumn(1))
        sec = self.index(pos[0], 0)
        self.dataChanged.emit(sec, sec.siblingAtColumn(1))

    def widest_tally(self) -> str:
        """The longest section tally this checklist can show (for the state column's width)."""
        most = max((len(sec.items) for sec in self._sections), default=0)
        return f"{most}/{most}" + self.tr(", %n violation(s)", "", most)

    # -- lookups used by the runner
    def item_at(self, index: ModelIndex) -> tuple[ItemDef, AnswerDTO] | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        s_no, i_no = index.internalId() - 1, index.row()
        answer_id = self._answer_of.get((s_no, i_no))
        if answer_id is None:
            return None
        return self._sections[s_no].items[i_no], self._answers[answer_id]

    def index_of_answer(self, answer_id: str) -> QModelIndex:
        pos = self._position.get(answer_id)
        return self.index(pos[1], 0, self.index(pos[0], 0)) if pos else QModelIndex()

    def item_indexes(self) -> list[QModelIndex]:
        return [self.index(i, 0, self.index(s, 0)) for s in range(len(self._sections))
                for i in range(len(self._sections[s].items))]

    def answer(self, answer_id: str) -> AnswerDTO | None:
        return self._answers.get(answer_id)

    def section_answer_ids(self, index: ModelIndex) -> list[str]:
        """Answer ids of every item in the section of `index` (an item or a section), in order."""
        if not index.isValid():
            return []
        s_no = index.row() if index.internalId() == 0 else index.internalId() - 1
        return [self._answer_of[(s_no, i)] for i in range(len(self._sections[s_no].items))
                if (s_no, i) in self._answer_of]

    def sibling_counts(self, answer_id: str) -> dict[str, Any]:
        """Values of the other count items of the same section (for the plausibility check)."""
        pos = self._position.get(answer_id)
        if pos is None:
            return {}
        out = {}
        for i, item in enumerate(self._sections[pos[0]].items):
            other = self._answer_of.get((pos[0], i))
            if other and other != answer_id and item.answer is AnswerType.COUNT:
                out[item.id] = self._answers[other].value
        return out

    def find(self, text: str, after: ModelIndex) -> tuple[QModelIndex, int]:
        """The next item after `after` (wrapping) whose id or words contain `text`, and how many items match."""
        needle = text.strip().lower()
        items = self.item_indexes()
        if not needle or not items:
            return QModelIndex(), 0
        hits = []
        for ix in items:
            found = self.item_at(ix)
            if found and (needle in found[0].id.lower() or needle in found[0].label.lower()
                          or needle in found[0].checks.lower()):
                hits.append(ix)
        if not hits:
            return QModelIndex(), 0
        order = {(ix.internalId(), ix.row()): n for n, ix in enumerate(items)}
        here = order.get((after.internalId(), after.row()), -1) if after.isValid() else -1
        later = [ix for ix in hits if order[(ix.internalId(), ix.row())] > here]
        return (later or hits)[0], len(hits)

    def required_unanswered(self) -> int:
        return sum(1 for (s_no, i_no), aid in self._answer_of.items()
                   if self._sections[s_no].items[i_no].required and self._answers[aid].state == ItemState.UNANSWERED)

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in ItemState}
        for a in self._answers.values():
            out[a.state] += 1
        return out

    def _section_counts(self, s_no: int) -> tuple[int, int, int]:
        states = [self._answers[self._answer_of[(s_no, i)]].state
                  for i in range(len(self._sections[s_no].items)) if (s_no, i) in self._answer_of]
        return (sum(st != ItemState.UNANSWERED for st in states), len(states),
                sum(st == ItemState.VIOLATION for st in states))

    # -- QAbstractItemModel
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._sections) else QModelIndex()
        s_no = parent.row()
        if parent.internalId() != 0 or parent.column() != 0 or s_no >= len(self._sections) \
                or row >= len(self._sections[s_no].items):
            return QModelIndex()
        return self.createIndex(row, column, s_no + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._sections[parent.row()].items)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Item") if section == 0 else self.tr("State")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._section_data(index, role) if role in _SECTION_ROLES else None
        if role not in _ITEM_ROLES:
            return None
        found = self.item_at(index)
        if found is None:
            return None
        item, answer = found
        if role == _ANSWER_ID:
            return answer.id
        if role == _STATE:
            return answer.state
        state = ItemState(answer.state)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{REQUIRED_MARK if item.required else ' '} {item.id}  {item.label}"
            return f"{STATE_MARKS[state]} {labels.item_state(state)}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor(STATE_COLOURS[state]))
        if role == Qt.ItemDataRole.FontRole and index.column() == 0 and item.required \
                and state is ItemState.UNANSWERED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("Required item") + "\n" if item.required else "") + item.checks
        return None

    def _section_data(self, index: ModelIndex, role: int) -> Any:
        if index.column() == 0:
            return self._sections[index.row()].title if role == _DISPLAY else None
        done, total, violations = self._section_counts(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{done}/{total}"
            return text + (self.tr(", %n violation(s)", "", violations) if violations else "")
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and violations:
            return QBrush(QColor(STATE_COLOURS[ItemState.VIOLATION]))
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
