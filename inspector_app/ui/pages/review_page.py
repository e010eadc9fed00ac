"""The team lead's review queue: submitted records of the team, read-only detail, comments per finding
(append-only), return for correction, approval (countersignature), outcome."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.rules import Action
from inspector_app.services.changes import Changes
from inspector_app.ui import labels
from inspector_app.ui.dialogs.outcome_dialog import OutcomeDialog
from inspector_app.ui.models.findings_table_model import FindingsTableModel
from inspector_app.ui.models.inspection_table_model import IdRole, InspectionFilterProxy, InspectionTableModel
from inspector_app.ui.models.review_events_model import ReviewEventsListModel
from inspector_app.ui.allowed import follow_rules
from inspector_app.ui.operations import Operations
from inspector_app.ui.widgets.pdf_viewer import PdfViewer


class ReviewPage(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.current: Any = None
        self.queue = InspectionTableModel(self)
        self.proxy = InspectionFilterProxy(self)
        self.proxy.setSourceModel(self.queue)
        self.view = QTableView(self)
        self.view.setObjectName("review_queue")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        for col in (2, 5, 8):
            self.view.hideColumn(col)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.title = QLabel(self.tr("Choose a record on the left"), self)
        self.title.setObjectName("review_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.findings = FindingsTableModel(self)
        self.findings_view = QTableView(self)
        self.findings_view.setModel(self.findings)
        self.findings_view.setWordWrap(True)
        self.findings_view.verticalHeader().setVisible(False)
        self.findings_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.events = ReviewEventsListModel(self)
        self.events_view = QListView(self)
        self.events_view.setObjectName("review_events")
        self.events_view.setModel(self.events)
        self.events_view.setWordWrap(True)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("review_comment")
        self.comment.setPlaceholderText(self.tr("Review comment (kept permanently; Enter to add)"))
        self.comment_target = QComboBox(self)
        self.comment.returnPressed.connect(self._comment)
        self.start_button = QPushButton(self.tr("Start &review"), self)
        self.return_button = QPushButton(self.tr("Re&turn for correction…"), self)
        self.approve_button = QPushButton(self.tr("&Approve (countersign)…"), self)
        self.approve_button.setObjectName("approve")
        self.outcome_button = QPushButton(self.tr("&Outcome…"), self)
        self.pdf_button = QPushButton(self.tr("Open signed &PDF"), self)
        self.case_button = QPushButton(self.tr("Export case f&ile…"), self)
        self.case_button.setObjectName("export_case_file")
        self.publish_button = QPushButton(self.tr("Publication e&xport…"), self)
        self.case_button.clicked.connect(self._export_case_file)
        self.publish_button.clicked.connect(self._export_publication)
        self.start_button.clicked.connect(self._start)
        self.return_button.clicked.connect(self._return)
        self.approve_button.clicked.connect(self._approve)
        self.outcome_button.clicked.connect(self._outcome)
        self.pdf_button.clicked.connect(self._open_pdf)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.return_button, self.approve_button, self.outcome_button, self.pdf_button,
                  self.case_button, self.publish_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment_target)
        comment_row.addWidget(self.comment, 1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.title)
        rl.addLayout(buttons)
        rl.addWidget(QLabel(self.tr("Findings"), right))
        rl.addWidget(self.findings_view, 2)
        rl.addWidget(QLabel(self.tr("Review history"), right))
        rl.addWidget(self.events_view, 1)
        rl.addLayout(comment_row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        ops.changed.connect(self._changed)
        ops.actor_changed.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        app = self.ops.app

        self.ops.read(app.queries.review_queue, self._loaded)

    def _loaded(self, rows: list[Any]) -> None:
        keep = self.current.summary.id if self.current else None
        self.queue.set_rows(rows)
        self.queue.sort(4, Qt.SortOrder.AscendingOrder)
        if keep and (row := self.queue.row_of(keep)) is not None:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.queue.index(row, 0)))

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.load_detail(current.data(IdRole))

    def load_detail(self, inspection_id: str) -> None:
        app = self.ops.app
        self.ops.read(lambda: (app.queries.detail(inspection_id), app.findings.list(inspection_id),
                               app.review.events(inspection_id), app.signing.documents(inspection_id)),
                      self._detail_loaded)

    def _detail_loaded(self, data: tuple[Any, ...]) -> None:
        detail, findings, events, documents = data
        self.current = detail
        self.documents = documents
        s = detail.summary
        number = next((d.number for d in documents if d.kind == "record"), "—")
        self.title.setText(f"{s.institution_name} · {labels.inspection_type(s.inspection_type)} · "
                           f"{labels.status(s.status)} · {number}")
        self.findings.set_rows(findings)
        self.findings_view.resizeRowsToContents()
        numbers = {f.id: n for n, f in enumerate(findings, start=1)}
        self.events.set_rows(events, numbers)
        self.comment_target.clear()
        self.comment_target.addItem(self.tr("General"), None)
        for f in findings:
            self.comment_target.addItem(self.tr("Finding %1").replace("%1", str(numbers[f.id])), f.id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self.current.summary.status if self.current else None
        follow_rules({self.start_button: Action.START_REVIEW, self.return_button: Action.RETURN,
                      self.approve_button: Action.APPROVE, self.outcome_button: Action.SET_OUTCOME},
                     status, self.ops.role, explain=True)
        follow_rules({self.pdf_button: Action.EXPORT_CASE_FILE, self.case_button: Action.EXPORT_CASE_FILE,
                      self.publish_button: Action.EXPORT_CASE_FILE, self.comment: Action.COMMENT},
                     status, self.ops.role)

    def _changed(self, changes: Changes) -> None:
        if self.isVisible() and (changes.inspections or changes.roster):
            self.refresh()
            if self.current and self.current.summary.id in changes.inspections:
                self.load_detail(self.current.summary.id)

    def _iid(self) -> str:
        return self.current.summary.id

    def _comment(self) -> None:
        text = self.comment.text().strip()
        if not text or self.current is None:
            return
        iid, actor, target = self._iid(), self.ops.actor, self.comment_target.currentData()
        self.ops.write(lambda: self.ops.app.review.comment(actor, iid, text, target),
                       lambda _r: self.comment.clear())

    def _start(self) -> None:
        iid, actor = self._iid(), self.ops.actor
        self.ops.write(lambda: self.ops.app.review.start_review(actor, iid))

    def _return(self) -> None:
        reasons, ok = QInputDialog.getMultiLineText(self, self.tr("Return for correction"),
                                                    self.tr("What must be corrected? The inspectors answer with a "
                                                            "signed addendum; the signed record stays as it is."))
        if ok and reasons.strip():
            iid, actor = self._iid(), self.ops.actor
            self.ops.write(lambda: self.ops.app.review.return_for_correction(actor, iid, reasons))

    def _approve(self) -> None:
        password, ok = QInputDialog.getText(self, self.tr("Approve"),
                                            self.tr("Password of your signing certificate:"),
                                            QLineEdit.EchoMode.Password)
        if ok:
            iid, actor = self._iid(), self.ops.actor
            self.ops.write(lambda: self.ops.app.review.approve(actor, iid, password), self._approved)

    def _approved(self, _result: Any) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Approved"),
                          self.tr("Your countersignature was added to the record; the officers' signatures stay "
                                  "valid."), parent=self)
        box.open()  # not exec(): nothing waits on the user to read it

    def _outcome(self) -> None:
        iid = self._iid()
        app = self.ops.app
        self.ops.read(lambda: (app.review.suggest(iid),
                               sum((f.amount_to_recover for f in app.findings.list(iid)), Decimal("0.00")),
                               app.lead_review.leniency_for(iid)),
                      self._show_outcome)

    def _show_outcome(self, data: tuple[Any, Any, Any]) -> None:
        dialog = OutcomeDialog(data[0], data[1], self, leniency=data[2])
        if dialog.exec() and dialog.values:
            iid, actor, v = self._iid(), self.ops.actor, dialog.values
            self.ops.write(lambda: self.ops.app.review.set_outcome(actor, iid, v["outcome"], v["refund"], v["fine"],
                                                                  v["articles"], v["note"]))

    def _export_case_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export case file"), "案卷.zip", "ZIP (*.zip)")
        if path:
            iid = self._iid()
            self.ops.read(lambda: self.ops.app.case_files.sealers(iid),
                          lambda sealers: self._seal_and_export(iid, Path(path), sealers))

    def _seal_and_export(self, iid: str, path: Path, sealers: list[Any]) -> None:
        """The case file is sealed with the signature of an officer of the record or its lead (you, by default):
        the same prompts as countersigning — who, then the certificate's password."""
        if not sealers:
            return
        names = [self.tr("%1 (team lead)").replace("%1", s.name) if s.lead else s.name for s in sealers]
        mine = next((n for n, s in enumerate(sealers) if s.officer_id == self.ops.actor.officer_id), 0)
        name, ok = QInputDialog.getItem(self, self.tr("Seal the case file"), self.tr("Sealed by:"), names, mine,
                                        False)
        if not ok:
            return
        sealer = sealers[names.index(name)]
        password, ok = QInputDialog.getText(self, self.tr("Seal the case file"),
                                            self.tr("Password of the signing certificate of %1:")
                                            .replace("%1", sealer.name), QLineEdit.EchoMode.Password)
        if ok and password:
            # a write: the export registers its seal (journal + outbox, the seal ledger) after the ZIP is written
            actor = self.ops.actor
            self.ops.write(lambda: self.ops.app.case_files.export(iid, path, officer_id=sealer.officer_id,
                                                                  password=password, actor=actor), self._exported)

    def _export_publication(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Publication export"), "公开.pdf", "PDF (*.pdf)")
        if path:
            iid = self._iid()
            self.ops.read(lambda: self.ops.app.case_files.publication(iid, Path(path)).pdf, self._exported)

    def _exported(self, path: Any) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Exported"),
                          self.tr("Written to %1").replace("%1", str(path)), parent=self)
        box.setObjectName("export_done")
        box.open()

    def _open_pdf(self) -> None:
        doc = next((d for d in getattr(self, "documents", []) if d.kind == "record"), None)
        if doc is None:
            QMessageBox(QMessageBox.Icon.Information, self.tr("No record"),
                        self.tr("This inspection has no signed record yet."), parent=self).open()
            return
        self.ops.read(lambda: self.ops.app.signing.pdf_path(doc.id), lambda path: self._show_pdf(path, doc.number))

    def _show_pdf(self, path: Any, number: str) -> None:
        self.viewer = PdfViewer(path, number, self.window())  # kept: a dialog without a reference is collected
        self.viewer.show()
