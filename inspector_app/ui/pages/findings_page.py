"""Findings list with totals; add (free-standing), edit, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.findings import FindingData
from inspector_app.domain.money import format_yuan
from inspector_app.services.dto import FindingDTO
from inspector_app.ui.models.findings_table_model import FindingsTableModel
from inspector_app.ui.operations import Operations

if TYPE_CHECKING:
    from inspector_app.ui.dialogs.finding_dialog import FindingDialog


class FindingsPage(QWidget):
    reload_requested = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.inspection_id: str | None = None
        self.read_only = False
        self._finding_dialog: FindingDialog | None = None
        self.model = FindingsTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("findings_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for col in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setVisible(False)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.totals = QLabel(self)
        self.totals.setObjectName("findings_totals")
        self.totals.setStyleSheet("font-weight: bold;")
        self.add_button = QPushButton(self.tr("&New finding…"), self)
        self.edit_button = QPushButton(self.tr("Ed&it…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.add_button.clicked.connect(self.add_free)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def set_findings(self, inspection_id: str, rows: list[FindingDTO], read_only: bool) -> None:
        self.inspection_id, self.read_only = inspection_id, read_only
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setEnabled(not read_only)
        involved, recover = self.model.totals()
        self.totals.setText(self.tr("%n finding(s) · involved %1 yuan · to recover %2 yuan", "", len(rows))
                            .replace("%1", format_yuan(involved)).replace("%2", format_yuan(recover)))

    def add_free(self) -> None:
        self._open(FindingData(description=""), None)

    def add_for_item(self, draft: FindingData, answer_id: str) -> None:
        self._open(draft, answer_id)

    def _open(self, draft: FindingData, answer_id: str | None) -> None:
        if self.inspection_id is None or self.read_only:
            return
        dialog = self._dialog(draft, editing=False)
        if dialog.exec() and dialog.result_data is not None:
            iid, data, actor = self.inspection_id, dialog.result_data, self.ops.actor
            self.ops.write(lambda: self.ops.app.findings.add(actor, iid, data, answer_id=answer_id))

    def _dialog(self, draft: FindingData, editing: bool) -> FindingDialog:
        """The page's one finding dialog, made on first use and refilled after (no widgets built per finding)."""
        if self._finding_dialog is None:
            from inspector_app.ui.dialogs.finding_dialog import FindingDialog

            self._finding_dialog = FindingDialog(draft, self, editing)
        else:
            self._finding_dialog.load(draft, editing)
        return self._finding_dialog

    def _selected(self) -> FindingDTO | None:
        idx = self.view.currentIndex()
        return self.model.finding(idx.row()) if idx.isValid() else None

    def edit_selected(self) -> None:
        f = self._selected()
        if f is None or self.read_only:
            return
        draft = FindingData(f.description, f.severity, f.amount_involved, f.amount_to_recover, f.legal_basis,
                            f.penalty_article, f.item_id)
        dialog = self._dialog(draft, editing=True)
        if dialog.exec() and dialog.result_data is not None:
            d, actor = dialog.result_data, self.ops.actor
            self.ops.write(lambda: self.ops.app.findings.update(
                actor, f.id, description=d.description, severity=d.severity, amount_involved=d.amount_involved,
                amount_to_recover=d.amount_to_recover, legal_basis=d.legal_basis, penalty_article=d.penalty_article))

    def remove_selected(self) -> None:
        f = self._selected()
        if f is None or self.read_only:
            return
        answer = QMessageBox.question(self, self.tr("Remove finding"),
                                      self.tr("Remove this finding? It stays in the whole-process record."))
        if answer == QMessageBox.StandardButton.Yes:
            actor = self.ops.actor
            self.ops.write(lambda: self.ops.app.findings.remove(actor, f.id, "removed by the inspector"))
