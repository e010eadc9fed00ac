"""Re-inspection (复查) of one rectification: two officers, what was seen, the result, photos of its own, and the
signed 整改复查记录. The signed inspection record is not touched; the result takes effect with the first signature,
the second officer countersigns the same record. Every edit is saved as it is made."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import DomainError
from inspector_app.domain.outcomes import RectificationResult
from inspector_app.services.context import Actor
from inspector_app.services.dto import OfficerDTO
from inspector_app.services.reinspection import ReinspectionDTO
from inspector_app.services.signing import DocumentDTO
from inspector_app.ui import labels
from inspector_app.ui.dialogs.inline import message, write_inline
from inspector_app.ui.dialogs.signing_progress import SigningProgress
from inspector_app.ui.errors import user_message
from inspector_app.ui.operations import Operations
from inspector_app.ui.pages.evidence_page import EvidencePage
from inspector_app.ui.widgets.pdf_viewer import PdfViewer

NOTE_PAUSE_MS = 800


class ReinspectionDialog(QDialog):
    signed = Signal(object)  # DocumentDTO

    def __init__(self, ops: Operations, rectification: Any, officers: list[OfficerDTO], today: dt.date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.rectification = ops, rectification
        self.officers = {o.id: o for o in officers}
        self.reinspection: ReinspectionDTO | None = None
        self.document: DocumentDTO | None = None
        self.viewer: PdfViewer | None = None
        self.progress = SigningProgress(self, "reinspection_progress")
        self._busy = False
        self.setWindowTitle(self.tr("Re-inspection — %1").replace("%1", rectification.institution_name))
        self.resize(900, 760)
        when = (self.tr("%1 days overdue").replace("%1", str(-rectification.days_left)) if rectification.overdue
                else self.tr("%1 days left").replace("%1", str(rectification.days_left)))
        self.head = head = QLabel(self.tr("<b>%1</b> · rectification deadline %2 (%3)")
                      .replace("%1", rectification.institution_name)
                      .replace("%2", rectification.deadline.isoformat()).replace("%3", when), self)
        intro = QLabel(self.tr("The signed inspection record stays as it was signed. Photos taken now belong to "
                               "this re-inspection, and its result counts once the re-inspection record is signed."),
                       self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")

        valid = [o for o in officers if o.valid_on(today)]
        self.officer1, self.officer2 = QComboBox(self), QComboBox(self)
        for combo in (self.officer1, self.officer2):
            for o in valid:
                combo.addItem(f"{o.name}（{o.certificate_no}）", o.id)
        self.officer2.setCurrentIndex(min(1, self.officer2.count() - 1))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Where the re-inspection takes place"))
        self.start_button = QPushButton(self.tr("&Start re-inspection"), self)
        self.start_button.setObjectName("start_reinspection")
        self.start_button.clicked.connect(self.start)
        team = QFormLayout()
        team.addRow(self.tr("Officer 1:"), self.officer1)
        team.addRow(self.tr("Officer 2:"), self.officer2)
        team.addRow(self.tr("Place:"), self.place)
        team.addRow("", self.start_button)

        self.result = QComboBox(self)
        self.result.setObjectName("reinspection_result")
        self.result.addItem(self.tr("— choose the result —"), None)
        for r in RectificationResult:
            self.result.addItem(labels.rectification_result(r.value), r.value)
        self.result.currentIndexChanged.connect(lambda _i: self.save())
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("reinspection_note")
        self.note.setPlaceholderText(self.tr("What was found: which problems are corrected, what remains, "
                                             "documents seen, refunds made…"))
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._note_timer.timeout.connect(self.save)
        self.note.textChanged.connect(self._note_timer.start)
        self.evidence = EvidencePage(ops, self)
        self.evidence.view.setMinimumHeight(220)
        findings = QFormLayout()
        findings.addRow(self.tr("Result:"), self.result)
        findings.addRow(self.tr("What was found:"), self.note)
        self.body = QGroupBox(self.tr("Re-inspection"), self)
        body = QVBoxLayout(self.body)
        body.addLayout(findings)
        body.addWidget(QLabel(self.tr("Evidence of the re-inspection:"), self))
        body.addWidget(self.evidence, 1)

        self.status = QLabel(self)
        self.status.setObjectName("reinspection_status")
        self.status.setWordWrap(True)
        self.signer = QComboBox(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password of the signing certificate"))
        self.password.returnPressed.connect(self.sign)
        self.sign_button = QPushButton(self.tr("Si&gn re-inspection record"), self)
        self.sign_button.setObjectName("sign_reinspection")
        self.sign_button.clicked.connect(self.sign)
        self.open_button = QPushButton(self.tr("&Open record"), self)
        self.open_button.clicked.connect(self.open_pdf)
        self.error = QLabel(self)
        self.error.setObjectName("reinspection_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        signing = QHBoxLayout()
        signing.addWidget(self.signer)
        signing.addWidget(self.password, 1)
        signing.addWidget(self.sign_button)
        signing.addWidget(self.open_button)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(intro)
        layout.addLayout(team)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        layout.addLayout(signing)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        ops.changed.connect(self._changed)
        self._show(None)
        rid = rectification.id
        ops.read(lambda: ops.app.reinspections.for_rectification(rid), self._loaded)

    # ------------------------------------------------------------------ state

    def _loaded(self, rein: ReinspectionDTO | None) -> None:
        self._show(rein)
        if rein is not None:
            self.reload()

    def reload(self) -> None:
        if self.reinspection is None:
            return
        app, rid, iid = self.ops.app, self.reinspection.id, self.reinspection.inspection_id

        def read() -> tuple[ReinspectionDTO, list[Any], list[str], DocumentDTO | None]:
            rein = app.reinspections.get(rid)
            doc = next((d for d in app.signing.documents(iid) if d.id == rein.document_id), None)
            return rein, app.evidence.list(iid, rid), app.reinspections.readiness(rid), doc

        self.ops.read(read, self._reloaded)

    def _reloaded(self, data: tuple[ReinspectionDTO, list[Any], list[str], DocumentDTO | None]) -> None:
        rein, evidence, problems, document = data
        self.document = document
        self._show(rein)
        self.evidence.set_evidence(rein.inspection_id, evidence, rein.signed)
        if rein.signed and document is not None:
            waiting = [self._name_of_field(document, f) for f in document.pending_fields]
            self.status.setText(self.tr("Signed: %1. Waiting for: %2.").replace("%1", rein.number or "")
                                .replace("%2", "、".join(waiting)) if waiting else
                                self.tr("Signed by every officer: %1.").replace("%1", rein.number or ""))
        elif problems:
            self.status.setText(self.tr("Before signing: %1").replace(
                "%1", user_message(DomainError("reinspection.not_ready", "", problems=problems))))
        else:
            self.status.setText(self.tr("Ready to sign. The first signature fixes the result and the evidence."))

    def _name_of_field(self, document: DocumentDTO, field: str) -> str:
        assert self.reinspection is not None
        n = int(field.removeprefix("Sig_Officer") or 0) - 1
        ids = self.reinspection.officer_ids
        return self.officers[ids[n]].name if 0 <= n < len(ids) and ids[n] in self.officers else field

    def _show(self, rein: ReinspectionDTO | None) -> None:
        self.reinspection = rein
        started, signed = rein is not None, bool(rein and rein.signed)
        for w in (self.officer1, self.officer2, self.place, self.start_button):
            w.setEnabled(not started)
        self.body.setEnabled(started)
        self.result.setEnabled(started and not signed)
        self.note.setReadOnly(signed)
        self.evidence.reinspection_id = rein.id if rein else None
        self.open_button.setEnabled(signed)
        if rein is None:
            self.status.setText(self.tr("Choose the two officers who go back, then start the re-inspection."))
            self.sign_button.setEnabled(False)
            return
        self.place.setText(rein.place)
        for combo, oid in ((self.officer1, rein.officer_ids[0]), (self.officer2, rein.officer_ids[-1])):
            i = combo.findData(oid)
            if i >= 0:
                combo.setCurrentIndex(i)
        self.result.blockSignals(True)
        self.result.setCurrentIndex(max(0, self.result.findData(rein.result)))
        self.result.blockSignals(False)
        if self.note.toPlainText().strip() != rein.note and not self.note.hasFocus():
            self.note.blockSignals(True)
            self.note.setPlainText(rein.note)
            self.note.blockSignals(False)
        current = self.signer.currentData()
        self.signer.clear()
        for oid, name in zip(rein.officer_ids, rein.officer_names):
            self.signer.addItem(name, oid)
        if current is not None and self.signer.findData(current) >= 0:
            self.signer.setCurrentIndex(self.signer.findData(current))
        self.sign_button.setEnabled(not self._busy and (not signed or bool(self.document and
                                                                             self.document.pending_fields)))

    def _changed(self, changes: Any) -> None:
        if self.reinspection is not None and self.reinspection.inspection_id in changes.inspections:
            self.reload()

    # ------------------------------------------------------------------ actions

    def start(self) -> None:
        ids = [self.officer1.currentData(), self.officer2.currentData()]
        if None in ids:
            self.error.setText(self.tr("Choose two officers with valid certificates."))
            return
        app, actor, rid, place = self.ops.app, self.ops.actor, self.rectification.id, self.place.text()
        self.error.clear()
        write_inline(self.ops, lambda: app.reinspections.open(actor, rid, ids, place),
                     lambda result: self._loaded(result[0]), self._failed)

    def save(self) -> None:
        rein = self.reinspection
        if rein is None or rein.signed:
            return
        self._note_timer.stop()
        app, actor = self.ops.app, self.ops.actor
        result, note = self.result.currentData(), self.note.toPlainText()
        write_inline(self.ops, lambda: app.reinspections.update(actor, rein.id, result=result, note=note),
                     lambda _r: self.error.clear(), self._failed)

    def sign(self) -> None:
        rein = self.reinspection
        if rein is None or self._busy or not self.sign_button.isEnabled():
            return
        password = self.password.text()
        if not password:
            self.error.setText(self.tr("Enter the password of the signing certificate."))
            self.password.setFocus()
            return
        self.save()  # what is on screen is what gets signed (the writer runs the save first)
        oid, name = self.signer.currentData(), self.signer.currentText()
        app, report, actor, doc = self.ops.app, self.progress.report, Actor(name, oid), self.document
        self._busy = True
        self.sign_button.setEnabled(False)
        self.error.clear()
        self.progress.start(self.tr("Signing…"))
        if doc is None:
            fn = lambda: app.reinspections.sign(actor, rein.id, oid, password, report)  # noqa: E731
        else:
            fn = lambda: app.signing.countersign(actor, doc.id, oid, password, report)  # noqa: E731
        write_inline(self.ops, fn, self._signed, self._sign_failed)

    def _end_progress(self) -> None:
        self._busy = False
        self.progress.end()

    def _signed(self, result: tuple[DocumentDTO, Any]) -> None:
        self._end_progress()
        self.document = result[0]
        self.password.clear()
        self.signed.emit(self.document)
        self.reload()

    def _sign_failed(self, exc: BaseException) -> None:
        self._end_progress()
        self.sign_button.setEnabled(True)
        self.error.setText(message(exc))
        self.password.selectAll()
        self.password.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message(exc))

    def open_pdf(self) -> None:
        doc = self.document
        if doc is None:
            return
        app = self.ops.app
        self.ops.read(lambda: app.signing.pdf_path(doc.id), lambda path: self._show_pdf(path, doc.number))

    def _show_pdf(self, path: Any, number: str) -> None:
        self.viewer = PdfViewer(path, number, self)  # kept: a dialog without a reference is collected
        self.viewer.show()

    def reject(self) -> None:
        if self._busy:  # the signature is being written: wait for it
            return
        self.save()
        super().reject()
