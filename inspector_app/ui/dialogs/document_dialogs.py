"""Documents that follow a signed record, issued from the Signatures & record tab: the 责令整改通知书 (deadline, how
to report, consequence) and the 补正说明 answering a return for correction (reason, what changes from what to what,
the party's sign-off). Each is signed by an officer with their certificate on the writer thread, with progress;
errors stay in the dialog next to what the user typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.widgets.date_edit import DateEdit
from inspector_app.services.context import Actor
from inspector_app.services.documents import DEFAULT_CONSEQUENCE, DEFAULT_REPORT
from inspector_app.ui.dialogs.inline import message, write_inline
from inspector_app.ui.dialogs.party_signoff_dialog import PartySignoffDialog
from inspector_app.ui.dialogs.signing_progress import SigningProgress
from inspector_app.ui.operations import Operations

DEFAULT_DAYS = 30
translate = QCoreApplication.translate

# The base class translates with a fixed context: self.tr() there would look strings up under the subclass's name.


class _SignedDocumentDialog(QDialog):
    """Officer + password, a progress dialog while the service renders and signs, errors in place."""

    def __init__(self, ops: Operations, inspection_id: str, officers: list[tuple[str, str]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.inspection_id = ops, inspection_id
        self.document: Any = None
        self.progress = SigningProgress(self, "document_progress")
        self._busy = False
        self.officer = QComboBox(self)
        for oid, name in officers:
            self.officer.addItem(name, oid)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(translate("SignedDocumentDialog", "Password of the signing certificate"))
        self.error = QLabel(self)
        self.error.setObjectName("document_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("SignedDocumentDialog", "Sign and issue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def signer_rows(self, form: QFormLayout) -> None:
        form.addRow(translate("SignedDocumentDialog", "Signed by:"), self.officer)
        form.addRow(translate("SignedDocumentDialog", "Password:"), self.password)

    def run(self, fn: Any) -> None:
        """`fn(actor, officer_id, password, progress)` runs on the writer thread."""
        if self._busy:
            return
        oid, name, password = self.officer.currentData(), self.officer.currentText(), self.password.text()
        if oid is None:
            self.error.setText(translate("SignedDocumentDialog", "No officer of the team can sign."))
            return
        if not password:
            self.error.setText(translate("SignedDocumentDialog", "Enter the password of the signing certificate."))
            self.password.setFocus()
            return
        self._busy = True
        self.buttons.setEnabled(False)
        self.error.clear()
        self.progress.start(translate("SignedDocumentDialog", "Signing…"))
        actor, report = Actor(name, oid), self.progress.report
        write_inline(self.ops, lambda: fn(actor, oid, password, report), self._done, self._failed)

    def run_countersigned(self, officer_ids: tuple[str, str], second_id: str, second_password: str,
                          create: Any) -> None:
        """Two officers on one document (询问笔录, 封存清单), both on the writer thread: the first in the team's order
        certifies with `create(actor, officer_id, password, progress)` → (document, changes), the other countersigns
        at once. The officer chosen in the dialog and the second one give their passwords here."""
        app = self.ops.app
        names = {self.officer.itemData(i): self.officer.itemText(i) for i in range(self.officer.count())}

        def both(_actor: Actor, oid: str, password: str, progress: Any) -> Any:
            passwords = {oid: password, second_id: second_password}
            first, later = officer_ids
            doc, _changes = create(Actor(names[first], first), first, passwords[first], progress)
            return app.signing.countersign(Actor(names[later], later), doc.id, later, passwords[later])

        self.run(both)

    def _end(self) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self.progress.end()

    def _done(self, result: tuple[Any, Any]) -> None:
        self._end()
        self.document = result[0]
        self.password.clear()
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._end()
        self.error.setText(message(exc))

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class NoticeDialog(_SignedDocumentDialog):
    """责令改正（限期整改）通知书: the findings become the items; the officer sets the deadline and signs."""

    def __init__(self, ops: Operations, inspection_id: str, officers: list[tuple[str, str]], today: dt.date,
                 findings: int, parent: QWidget | None = None):
        super().__init__(ops, inspection_id, officers, parent)
        self.setWindowTitle(self.tr("Rectification notice"))
        self.setMinimumWidth(640)
        self.intro = intro = QLabel(self.tr(
            "The %n finding(s) of the signed record become the items to correct. The notice is numbered, signed "
            "and added to the record's documents; its deadline starts the rectification tracking.", "", findings),
            self)
        intro.setWordWrap(True)
        self.deadline = DateEdit(QDate(today.year, today.month, today.day).addDays(DEFAULT_DAYS), self)
        self.deadline.setObjectName("notice_deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(QDate(today.year, today.month, today.day).addDays(1))
        self.report = QPlainTextEdit(DEFAULT_REPORT, self)
        self.report.setFixedHeight(52)
        self.report.setTabChangesFocus(True)
        self.consequence = QPlainTextEdit(DEFAULT_CONSEQUENCE, self)
        self.consequence.setFixedHeight(52)
        self.consequence.setTabChangesFocus(True)
        self.contact = QLineEdit(self)
        self.phone = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Correct by:"), self.deadline)
        form.addRow(self.tr("How to report:"), self.report)
        form.addRow(self.tr("If not corrected:"), self.consequence)
        form.addRow(self.tr("Contact person:"), self.contact)
        form.addRow(self.tr("Contact phone:"), self.phone)
        self.signer_rows(form)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        d = self.deadline.date()
        deadline = dt.date(d.year(), d.month(), d.day())
        app, iid = self.ops.app, self.inspection_id
        report, consequence = self.report.toPlainText().strip(), self.consequence.toPlainText().strip()
        contact, phone = self.contact.text().strip(), self.phone.text().strip()
        self.run(lambda actor, oid, password, progress: app.documents.create_notice(
            actor, iid, deadline=deadline, officer_id=oid, password=password, report_method=report,
            consequence=consequence, contact_person=contact, contact_phone=phone, progress=progress))


class AddendumDialog(_SignedDocumentDialog):
    """补正说明: the signed record stays as it is; what it got wrong is listed, read to the party and signed."""

    def __init__(self, ops: Operations, inspection_id: str, officers: list[tuple[str, str]], institution: str,
                 parent: QWidget | None = None):
        super().__init__(ops, inspection_id, officers, parent)
        self.institution = institution
        self.setWindowTitle(self.tr("Addendum to the signed record"))
        self.resize(760, 560)
        intro = QLabel(self.tr("The signed record is not changed. List each correction; read them to the party, "
                               "record their signature or refusal, then sign the addendum."), self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("addendum_reason")
        self.reason.setFixedHeight(52)
        self.reason.setTabChangesFocus(True)
        self.changes = QStandardItemModel(0, 3, self)
        self.changes.setHorizontalHeaderLabels([self.tr("What is corrected"), self.tr("Recorded as"),
                                                self.tr("Correct value")])
        self.table = QTableView(self)
        self.table.setObjectName("addendum_changes")
        self.table.setModel(self.changes)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("&Add correction"), self)
        add.clicked.connect(self.add_change)
        remove = QPushButton(self.tr("&Remove correction"), self)
        remove.clicked.connect(self._remove_change)
        self.party_state = QLabel(self.tr("The party has not signed the addendum yet."), self)
        self.party_state.setObjectName("addendum_party")
        self.party_button = QPushButton(self.tr("&Party signs / refuses…"), self)
        self.party_button.clicked.connect(self.party_signoff)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        party = QHBoxLayout()
        party.addWidget(self.party_state, 1)
        party.addWidget(self.party_button)
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        signer = QFormLayout()
        self.signer_rows(signer)  # last: the officer signs what is above
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(party)
        layout.addLayout(signer)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.add_change()
        review = ops.app.review  # the lead's latest reasons for returning the record, as a start
        ops.read(lambda: [e.text for e in review.events(inspection_id) if e.kind == "return"], self._reasons)

    def _reasons(self, reasons: list[str]) -> None:
        if reasons and not self.reason.toPlainText().strip():
            self.reason.setPlainText(reasons[-1])

    def add_change(self, what: str = "", before: str = "", after: str = "") -> None:
        self.changes.appendRow([QStandardItem(what), QStandardItem(before), QStandardItem(after)])
        self.table.setCurrentIndex(self.changes.index(self.changes.rowCount() - 1, 0))

    def _remove_change(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid():
            self.changes.removeRow(idx.row())

    def change_rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for r in range(self.changes.rowCount()):
            cells = tuple((self.changes.item(r, c).text() if self.changes.item(r, c) else "").strip()
                          for c in range(3))
            if any(cells):
                rows.append(cells)
        return rows  # type: ignore[return-value]

    def party_signoff(self) -> None:
        dialog = PartySignoffDialog(self.ops, self.inspection_id, self.institution, self, document_kind="addendum")
        dialog.exec()
        if dialog.saved:
            self.party_state.setText(self.tr("✔ The party's answer to the addendum is recorded."))

    def accept(self) -> None:
        changes = self.change_rows()
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.setText(self.tr("Give the reason for the addendum."))
            return
        if not changes or any(not (what and after) for what, _before, after in changes):
            self.error.setText(self.tr("Each correction needs what is corrected and its correct value."))
            return
        app, iid = self.ops.app, self.inspection_id
        self.run(lambda actor, oid, password, progress: app.documents.create_addendum(
            actor, iid, reason=reason, changes=changes, officer_id=oid, password=password, progress=progress))
