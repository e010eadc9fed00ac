"""The 询问笔录 dialog: one person questioned by two officers of the team. Three tabs — the person and the setting,
the questions and answers (with corrections initialled by the person), the closing (confirmation or refusal before a
witness, the handwritten signature) — then both questioners sign with their certificates on the writer thread: the
first certifies, the second countersigns at once. Errors stay in the dialog next to what the user typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.widgets.date_edit import DateTimeEdit
from inspector_app.domain.agency_time import agency_zone, local
from inspector_app.records import model as rm
from inspector_app.records import model_docs as md
from inspector_app.services.inquiries import InquiryInput
from inspector_app.ui.dialogs.document_dialogs import _SignedDocumentDialog
from inspector_app.ui.operations import Operations
from inspector_app.ui.widgets.signature_pad import SignaturePad


def _table(parent: QWidget, headers: list[str], name: str) -> tuple[QStandardItemModel, QTableView]:
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return model, view


def _rows(model: QStandardItemModel) -> list[tuple[str, ...]]:
    out = []
    for r in range(model.rowCount()):
        cells = tuple((model.item(r, c).text() if model.item(r, c) else "").strip() for c in range(model.columnCount()))
        if any(cells):
            out.append(cells)
    return out


def _qdt(value: dt.datetime) -> QDateTime:
    """The editor shows the agency's wall-clock time (Asia/Shanghai), whatever the computer's zone."""
    t = local(value)
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute))


def _pydt(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=agency_zone())


class InquiryDialog(_SignedDocumentDialog):
    def __init__(self, ops: Operations, inspection_id: str, officers: list[tuple[str, str]], place: str,
                 parent: QWidget | None = None):
        super().__init__(ops, inspection_id, officers, parent)
        self.setWindowTitle(self.tr("Inquiry record"))
        self.resize(860, 640)
        now = ops.app.ctx.clock()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._person_tab(place, now), self.tr("&Person and setting"))
        self.tabs.addTab(self._questions_tab(), self.tr("&Questions and answers"))
        self.tabs.addTab(self._closing_tab(), self.tr("&Closing and signatures"))
        self.second = QComboBox(self)
        self.second.setObjectName("inquiry_second")
        self.recorder = QComboBox(self)
        for oid, name in officers:
            self.second.addItem(name, oid)
            self.recorder.addItem(name, oid)
        if len(officers) > 1:
            self.second.setCurrentIndex(1)
            self.recorder.setCurrentIndex(1)
        self.second_password = QLineEdit(self)
        self.second_password.setEchoMode(QLineEdit.EchoMode.Password)
        signer = QFormLayout()
        self.signer_rows(signer)
        signer.addRow(self.tr("Second questioner:"), self.second)
        signer.addRow(self.tr("Their password:"), self.second_password)
        signer.addRow(self.tr("Recorder:"), self.recorder)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Both questioners sign"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(signer)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.add_question()

    # -- tabs
    def _person_tab(self, place: str, now: dt.datetime) -> QWidget:
        tab = QWidget(self)
        self.role = QComboBox(tab)
        self.role.addItem(self.tr("Party (statement of the party)"), "party")
        self.role.addItem(self.tr("Witness (witness testimony)"), "witness")
        self.name, self.id_number = QLineEdit(tab), QLineEdit(tab)
        self.name.setObjectName("inquiry_name")
        self.sex = QComboBox(tab)
        self.sex.addItem(self.tr("Male"), "男")
        self.sex.addItem(self.tr("Female"), "女")
        self.employer, self.position = QLineEdit(tab), QLineEdit(tab)
        self.relation, self.contact = QLineEdit(tab), QLineEdit(tab)
        self.place = QLineEdit(place, tab)
        self.started = DateTimeEdit(_qdt(now), tab)
        self.ended = DateTimeEdit(_qdt(now + dt.timedelta(minutes=30)), tab)
        for edit in (self.started, self.ended):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.recusal = QLineEdit("不申请回避。", tab)
        form = QFormLayout(tab)
        form.addRow(self.tr("The person is:"), self.role)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Sex:"), self.sex)
        form.addRow(self.tr("ID number:"), self.id_number)
        form.addRow(self.tr("Employer:"), self.employer)
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("Relation to the matter:"), self.relation)
        form.addRow(self.tr("Phone or address:"), self.contact)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.tr("Started:"), self.started)
        form.addRow(self.tr("Ended:"), self.ended)
        form.addRow(self.tr("Answer to “Do you request a recusal?”:"), self.recusal)
        note = QLabel(self.tr("The rights notice and the recusal question are printed before the questions."), tab)
        note.setWordWrap(True)
        form.addRow(note)
        return tab

    def _questions_tab(self) -> QWidget:
        tab = QWidget(self)
        self.qa, self.qa_view = _table(tab, [self.tr("Question"), self.tr("Answer"),
                                             self.tr("Concerns (items, findings)")], "inquiry_qa")
        self.template = QComboBox(tab)
        self.template.setObjectName("inquiry_template")
        self.template.addItem(self.tr("(type a question)"), "")
        for q in self.ops.app.inquiries.question_templates():
            self.template.addItem(q, q)
        inquiries, iid = self.ops.app.inquiries, self.inspection_id  # + one per finding, read off the UI thread
        self.ops.read(lambda: inquiries.question_templates(iid), self._add_templates)
        add = QPushButton(self.tr("&Add question"), tab)
        add.clicked.connect(lambda: self.add_question(self.template.currentData() or ""))
        remove = QPushButton(self.tr("Remove question"), tab)
        remove.clicked.connect(lambda: self._remove(self.qa, self.qa_view))
        self.corrections, self.corrections_view = _table(
            tab, [self.tr("Where"), self.tr("Recorded as"), self.tr("Corrected to"), self.tr("Person's initials")],
            "inquiry_corrections")
        add_c = QPushButton(self.tr("Add co&rrection"), tab)
        add_c.clicked.connect(lambda: self.add_correction())
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.qa_view, 3)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Corrections made when the record was read (each initialled by the "
                                        "person):"), tab))
        layout.addWidget(self.corrections_view, 1)
        layout.addWidget(add_c)
        return tab

    def _closing_tab(self) -> QWidget:
        tab = QWidget(self)
        self.confirmation = QLineEdit(md.CONFIRMATION, tab)
        self.refused = QCheckBox(self.tr("The person refuses to sign"), tab)
        self.refused.setObjectName("inquiry_refused")
        self.refusal_reason, self.witness_name = QLineEdit(tab), QLineEdit(tab)
        self.witness_id, self.witness_relation, self.officer_note = QLineEdit(tab), QLineEdit(tab), QLineEdit(tab)
        self.pad = SignaturePad(tab)
        self.refused.toggled.connect(self._refusal_changed)
        form = QFormLayout()
        form.addRow(self.tr("Confirmation written by the person:"), self.confirmation)
        form.addRow(self.refused)
        form.addRow(self.tr("Reason for refusing:"), self.refusal_reason)
        form.addRow(self.tr("Witness name:"), self.witness_name)
        form.addRow(self.tr("Witness ID number:"), self.witness_id)
        form.addRow(self.tr("Witness relation to the person:"), self.witness_relation)
        form.addRow(self.tr("Officers' note:"), self.officer_note)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        self._refusal_changed(False)
        return tab

    def _refusal_changed(self, refused: bool) -> None:
        for w in (self.refusal_reason, self.witness_name, self.witness_id, self.witness_relation, self.officer_note):
            w.setEnabled(refused)
        self.confirmation.setEnabled(not refused)
        self.pad.set_caption(self.tr("Signature of the witness") if refused
                             else self.tr("Signature of the person questioned"))
        self.pad.clear()

    def _add_templates(self, questions: tuple[str, ...]) -> None:
        have = {self.template.itemData(i) for i in range(self.template.count())}
        for q in questions:
            if q not in have:
                self.template.addItem(q, q)

    # -- rows
    def add_question(self, question: str = "", answer: str = "", links: str = "") -> None:
        self.qa.appendRow([QStandardItem(question), QStandardItem(answer), QStandardItem(links)])
        self.qa_view.setCurrentIndex(self.qa.index(self.qa.rowCount() - 1, 0 if not question else 1))

    def add_correction(self, where: str = "", before: str = "", after: str = "", initials: str = "") -> None:
        self.corrections.appendRow([QStandardItem(t) for t in (where, before, after, initials)])

    @staticmethod
    def _remove(model: QStandardItemModel, view: QTableView) -> None:
        idx = view.currentIndex()
        if idx.isValid():
            model.removeRow(idx.row())

    # -- signing
    def collect(self) -> InquiryInput | None:
        first, second = self.officer.currentData(), self.second.currentData()
        if first == second:
            self.error.setText(self.tr("The inquiry needs two different questioners."))
            return None
        if self.pad.is_empty():
            self.error.setText(self.tr("The witness signs on the pad.") if self.refused.isChecked()
                               else self.tr("The person questioned signs on the pad."))
            self.tabs.setCurrentIndex(2)
            return None
        refused = self.refused.isChecked()
        qa = tuple(md.QA(q, a, tuple(x.strip() for x in links.replace("，", ",").split(",") if x.strip()))
                   for q, a, links in _rows(self.qa))
        corrections = tuple(md.Correction(*c) for c in _rows(self.corrections))
        witness = rm.Witness(self.witness_name.text().strip(), self.witness_id.text().strip(),
                             self.witness_relation.text().strip()) if refused else None
        png = self.pad.to_png()
        # the team's order: the document's Sig_Officer n is the team's, so the Countersign button finds it
        order = [self.officer.itemData(i) for i in range(self.officer.count())]
        officer_ids = tuple(sorted((first, second), key=order.index))
        return InquiryInput(
            role=self.role.currentData(), person=md.InquiryPerson(
                self.name.text().strip(), self.sex.currentData(), self.id_number.text().strip(),
                self.employer.text().strip(), self.position.text().strip(), self.relation.text().strip(),
                self.contact.text().strip()),
            started_at=_pydt(self.started.dateTime()), ended_at=_pydt(self.ended.dateTime()),
            place=self.place.text().strip(), officer_ids=officer_ids, recorder_id=self.recorder.currentData(),
            recusal_answer=self.recusal.text().strip(), qa=qa, corrections=corrections, refused=refused,
            confirmation=self.confirmation.text().strip() or md.CONFIRMATION,
            refusal_reason=self.refusal_reason.text().strip(), witness=witness,
            officer_note=self.officer_note.text().strip(), person_png=None if refused else png,
            witness_png=png if refused else None)

    def accept(self) -> None:
        data = self.collect()
        if data is None:
            return
        second_id, second_pw = self.second.currentData(), self.second_password.text()
        if not second_pw:
            self.error.setText(self.tr("Enter the second questioner's password."))
            return
        app, iid = self.ops.app, self.inspection_id
        self.run_countersigned(data.officer_ids, second_id, second_pw, lambda actor, oid, password, progress:
                               app.inquiries.create(actor, iid, data, officer_id=oid, password=password,
                                                    progress=progress))
