"""The 封存 / 先行登记保存 dialog: the measure (sealing or registered preservation), why and where; the item list (what,
quantity, where it is kept, condition) with photos per item (imported, or taken with the camera when one exists;
the originals stay byte-identical, the PDF shows optionally stamped copies); the party's signature or refusal
before a witness; then both officers sign on the writer thread (the first certifies, the second countersigns at
once). The third tab lists the inspection's measures with their legal clock (“还剩 N 天”) and records an extension
(seal, once, with a reason) or the release / handling. Keyboard: every tab and button has a mnemonic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap, QStandardItem
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from inspector_app.domain import seizure as dz
from inspector_app.domain.agency_time import local
from inspector_app.records import model as rm
from inspector_app.records import model_seizure as ms
from inspector_app.services.context import Actor
from inspector_app.services.seizures import ItemInput, SeizureDTO, SeizureInput
from inspector_app.ui.dialogs.document_dialogs import _SignedDocumentDialog
from inspector_app.ui.dialogs.inline import message
from inspector_app.ui.dialogs.inquiry_dialog import _table
from inspector_app.ui.operations import Operations
from inspector_app.ui.pages.evidence_page import _has_camera
from inspector_app.ui.widgets.signature_pad import SignaturePad

PHOTOS = Qt.ItemDataRole.UserRole + 1  # the item's original photos (bytes), kept on its first cell
THUMB = 96


class SeizureDialog(_SignedDocumentDialog):
    def __init__(self, ops: Operations, inspection_id: str, officers: list[tuple[str, str]], place: str,
                 parent: QWidget | None = None):
        super().__init__(ops, inspection_id, officers, parent)
        self.setWindowTitle(self.tr("Sealing and registered preservation"))
        self.resize(900, 680)
        self.measures: list[SeizureDTO] = []
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._items_tab(place), self.tr("&Items and photos"))
        self.tabs.addTab(self._party_tab(), self.tr("&Party and signatures"))
        self.tabs.addTab(self._running_tab(), self.tr("&Measures and clocks"))
        self.second = QComboBox(self)
        for oid, name in officers:
            self.second.addItem(name, oid)
        if len(officers) > 1:
            self.second.setCurrentIndex(1)
        self.second_password = QLineEdit(self)
        self.second_password.setEchoMode(QLineEdit.EchoMode.Password)
        signer = QFormLayout()
        self.signer_rows(signer)
        signer.addRow(self.tr("Second officer:"), self.second)
        signer.addRow(self.tr("Their password:"), self.second_password)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Both officers sign"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(signer)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.add_item()
        self._measure_changed()
        self.refresh()

    # -- tabs
    def _items_tab(self, place: str) -> QWidget:
        tab = QWidget(self)
        self.measure = QComboBox(tab)
        self.measure.setObjectName("seizure_measure")
        self.measure.addItem(self.tr("Sealing (up to 30 days, extendable once by 30)"), dz.SEAL)
        self.measure.addItem(self.tr("Registered preservation (handling decision within 7 days)"),
                             dz.PRESERVATION)
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.reason, self.place, self.approved = QLineEdit(tab), QLineEdit(place, tab), QLineEdit(tab)
        self.clock_label = QLabel(tab)
        self.clock_label.setObjectName("seizure_clock_preview")
        self.items, self.items_view = _table(tab, [self.tr("Item"), self.tr("Quantity"), self.tr("Unit"),
                                                   self.tr("Kept at"), self.tr("Specification"),
                                                   self.tr("Condition"), self.tr("Photos")], "seizure_items")
        self.items_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_photos())
        self.photos = QListWidget(tab)
        self.photos.setObjectName("seizure_photos")
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setMaximumHeight(THUMB + 36)
        self.stamp = QCheckBox(self.tr("&Stamp time, place, officer and number on the printed photos"), tab)
        self.stamp.setChecked(True)
        add = QPushButton(self.tr("&Add item"), tab)
        add.clicked.connect(lambda: self.add_item())
        remove = QPushButton(self.tr("&Remove item"), tab)
        remove.clicked.connect(self._remove_item)
        self.import_button = QPushButton(self.tr("Add p&hotos…"), tab)
        self.import_button.clicked.connect(self._import_photos)
        self.camera_button = QPushButton(self.tr("&Take photo…"), tab)
        self.camera_button.clicked.connect(self._take_photo)
        if not _has_camera():
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(self.tr("No camera is available on this computer (or Qt Multimedia is "
                                                  "not installed)."))
        form = QFormLayout()
        form.addRow(self.tr("Measure:"), self.measure)
        form.addRow(self.tr("Facts and reason:"), self.reason)
        form.addRow(self.tr("Carried out at:"), self.place)
        form.addRow(self.tr("Approved by (agency head):"), self.approved)
        form.addRow(self.tr("Legal clock:"), self.clock_label)
        row = QHBoxLayout()
        for b in (add, remove, self.import_button, self.camera_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.items_view, 1)
        layout.addLayout(row)
        layout.addWidget(self.photos)
        layout.addWidget(self.stamp)
        return tab

    def _party_tab(self) -> QWidget:
        tab = QWidget(self)
        self.signer_name = QLineEdit(tab)
        self.refused = QCheckBox(self.tr("The party &refuses to sign"), tab)
        self.refusal_reason, self.witness_name = QLineEdit(tab), QLineEdit(tab)
        self.witness_id, self.witness_relation, self.officer_note = QLineEdit(tab), QLineEdit(tab), QLineEdit(tab)
        self.pad = SignaturePad(tab)
        self.refused.toggled.connect(self._refusal_changed)
        form = QFormLayout()
        form.addRow(self.tr("Party's representative who signs:"), self.signer_name)
        form.addRow(self.refused)
        form.addRow(self.tr("Reason for refusing:"), self.refusal_reason)
        form.addRow(self.tr("Witness name:"), self.witness_name)
        form.addRow(self.tr("Witness ID number:"), self.witness_id)
        form.addRow(self.tr("Witness relation to the party:"), self.witness_relation)
        form.addRow(self.tr("Officers' note:"), self.officer_note)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        self._refusal_changed(False)
        return tab

    def _running_tab(self) -> QWidget:
        tab = QWidget(self)
        self.running = QTableWidget(0, 5, tab)
        self.running.setObjectName("seizure_running")
        self.running.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Measure"), self.tr("Items"),
                                                self.tr("Deadline"), self.tr("Clock")])
        self.running.horizontalHeader().setStretchLastSection(True)
        self.running.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.running.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.extend_button = QPushButton(self.tr("E&xtend the seal by 30 days…"), tab)
        self.extend_button.clicked.connect(self._extend)
        self.extend_button.setToolTip(self.tr("Both officers below sign a seal extension decision"))
        self.release_button = QPushButton(self.tr("R&elease…"), tab)
        self.release_button.clicked.connect(lambda: self._close("released"))
        self.handle_button = QPushButton(self.tr("Record the &handling decision…"), tab)
        self.handle_button.clicked.connect(lambda: self._close("handled"))
        row = QHBoxLayout()
        for b in (self.extend_button, self.release_button, self.handle_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.running, 1)
        layout.addLayout(row)
        return tab

    # -- clocks
    def clock_text(self, c: dz.Clock) -> str:
        if c.closed:
            return self.tr("Released") if c.closed == "released" else self.tr("Handled")
        if c.days_left < 0:
            return self.tr("Overdue by %n day(s)", "", -c.days_left)
        text = self.tr("%n day(s) left", "", c.days_left)
        return text + (self.tr(" (extended)") if c.extended else "")

    def _measure_changed(self) -> None:
        measure = self.measure.currentData()
        today = local(self.ops.app.ctx.clock()).date()
        c = dz.clock(measure, today, today)
        self.clock_label.setText(self.tr("until %1 — %2").replace("%1", c.due_on.isoformat())
                                 .replace("%2", self.clock_text(c)))
        self.approved.setEnabled(measure == dz.PRESERVATION)

    def refresh(self) -> None:
        service, iid = self.ops.app.seizures, self.inspection_id
        self.ops.read(lambda: service.of_inspection(iid), self._show_measures)

    def _show_measures(self, rows: list[SeizureDTO]) -> None:
        self.measures = rows
        self.running.setRowCount(len(rows))
        names = {dz.SEAL: self.tr("Sealing"), dz.PRESERVATION: self.tr("Registered preservation")}
        for r, m in enumerate(rows):
            cells = (m.number, names[m.measure], str(m.items), m.clock.due_on.isoformat(), self.clock_text(m.clock))
            for c, text in enumerate(cells):
                self.running.setItem(r, c, QTableWidgetItem(text))
            if m.clock.overdue:
                self.running.item(r, 4).setForeground(Qt.GlobalColor.red)
        self.running.resizeColumnsToContents()

    def _selected_measure(self) -> SeizureDTO | None:
        r = self.running.currentRow()
        return self.measures[r] if 0 <= r < len(self.measures) else None

    def _extend(self) -> None:
        if self._selected_measure() is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Extend the seal"), self.tr("Reason for the extension:"))
        if not ok:
            return
        approver, ok = QInputDialog.getText(self, self.tr("Extend the seal"),
                                            self.tr("Approved by (the agency head):"))
        if ok:
            self.extend_selected(reason, approver)

    def extend_selected(self, reason: str, approved_by: str) -> None:
        """The selected seal's 延长封存决定书, signed by the officer above and countersigned by the second one."""
        m = self._selected_measure()
        if m is None:
            return
        second_id, second_pw = self.second.currentData(), self.second_password.text()
        if not second_pw:
            self.error.setText(self.tr("Enter the second officer's password."))
            return
        app = self.ops.app
        names = {self.officer.itemData(i): self.officer.itemText(i) for i in range(self.officer.count())}

        def both(_actor: Actor, oid: str, password: str, progress: Any) -> Any:
            doc, _seizure = app.seizures.extend(Actor(names[oid], oid), m.id, reason, approved_by=approved_by,
                                                officer_ids=(oid, second_id), officer_id=oid, password=password,
                                                progress=progress)
            return app.signing.countersign(Actor(names[second_id], second_id), doc.id, second_id, second_pw)

        self.run(both)

    def _close(self, how: str) -> None:
        m = self._selected_measure()
        if m is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("End the measure"),
                                        self.tr("What was decided (decision and number, or how the items were "
                                                "returned):"))
        if ok:
            self._write(lambda actor: self.ops.app.seizures.close(actor, m.id, how, note))

    def _write(self, fn: Any) -> None:
        actor = self.ops.actor
        self.ops.runner.write(lambda: fn(actor), lambda _r: self.refresh(),
                              lambda exc: self.error.setText(message(exc)))

    # -- items and photos
    def add_item(self, name: str = "", quantity: str = "", unit: str = "", location: str = "", spec: str = "",
                 condition: str = "") -> None:
        cells = [QStandardItem(t) for t in (name, quantity, unit, location, spec, condition, "0")]
        cells[0].setData([], PHOTOS)
        cells[6].setEditable(False)
        self.items.appendRow(cells)
        self.items_view.setCurrentIndex(self.items.index(self.items.rowCount() - 1, 0))

    def _remove_item(self) -> None:
        idx = self.items_view.currentIndex()
        if idx.isValid():
            self.items.removeRow(idx.row())
            self._show_photos()

    def add_photo(self, data: bytes, row: int | None = None) -> None:
        """Attach an original photo (bytes as captured or read) to the item at `row` (default: the current one)."""
        row = self.items_view.currentIndex().row() if row is None else row
        if row < 0:
            self.error.setText(self.tr("Select the item the photo shows."))
            return
        first = self.items.item(row, 0)
        photos = [*first.data(PHOTOS), data]
        first.setData(photos, PHOTOS)
        self.items.item(row, 6).setText(str(len(photos)))
        self._show_photos()

    def _show_photos(self) -> None:
        self.photos.clear()
        row = self.items_view.currentIndex().row()
        if row < 0 or self.items.item(row, 0) is None:
            return
        for n, data in enumerate(self.items.item(row, 0).data(PHOTOS), 1):
            pix = QPixmap()
            pix.loadFromData(data)
            self.photos.addItem(QListWidgetItem(QIcon(pix.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)),
                                                self.tr("Photo %1").replace("%1", str(n))))

    def _import_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos of the item"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png)"))
        files = [Path(p) for p in paths]
        row = self.items_view.currentIndex().row()
        self.ops.read(lambda: [f.read_bytes() for f in files],
                      lambda datas: [self.add_photo(d, row) for d in datas])

    def _take_photo(self) -> None:
        from inspector_app.ui.dialogs.camera_dialog import CameraDialog

        camera = CameraDialog(self)
        camera.captured.connect(lambda image: self.add_photo(_jpeg(image)))
        camera.exec()

    def _refusal_changed(self, refused: bool) -> None:
        for w in (self.refusal_reason, self.witness_name, self.witness_id, self.witness_relation, self.officer_note):
            w.setEnabled(refused)
        self.signer_name.setEnabled(not refused)
        self.pad.set_caption(self.tr("Signature of the witness") if refused else self.tr("Signature of the party"))
        self.pad.clear()

    # -- signing
    def collect(self) -> SeizureInput | None:
        first, second = self.officer.currentData(), self.second.currentData()
        if first == second:
            self.error.setText(self.tr("The measure needs two different officers."))
            return None
        if self.pad.is_empty():
            self.error.setText(self.tr("The witness signs on the pad.") if self.refused.isChecked()
                               else self.tr("The party signs on the pad."))
            self.tabs.setCurrentIndex(1)
            return None
        items = []
        for r in range(self.items.rowCount()):
            cells = [(self.items.item(r, c).text() if self.items.item(r, c) else "").strip() for c in range(6)]
            photos = tuple(self.items.item(r, 0).data(PHOTOS) or ())
            if any(cells) or photos:
                items.append(ItemInput(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], photos))
        refused, png = self.refused.isChecked(), self.pad.to_png()
        order = [self.officer.itemData(i) for i in range(self.officer.count())]
        return SeizureInput(
            measure=self.measure.currentData(), reason=self.reason.text(), started_at=self.ops.app.ctx.clock(),
            place=self.place.text(), officer_ids=tuple(sorted((first, second), key=order.index)),
            items=tuple(items), approved_by=self.approved.text() if self.approved.isEnabled() else "",
            signer_name=self.signer_name.text(), opinion=ms.PARTY_OPINION, refused=refused,
            refusal_reason=self.refusal_reason.text().strip(),
            witness=rm.Witness(self.witness_name.text().strip(), self.witness_id.text().strip(),
                               self.witness_relation.text().strip()) if refused else None,
            officer_note=self.officer_note.text().strip(), party_png=None if refused else png,
            witness_png=png if refused else None, stamp_photos=self.stamp.isChecked())

    def accept(self) -> None:
        data = self.collect()
        if data is None:
            return
        second_id, second_pw = self.second.currentData(), self.second_password.text()
        if not second_pw:
            self.error.setText(self.tr("Enter the second officer's password."))
            return
        app, iid = self.ops.app, self.inspection_id
        self.run_countersigned(data.officer_ids, second_id, second_pw, lambda actor, oid, password, progress:
                               app.seizures.create(actor, iid, data, officer_id=oid, password=password,
                                                   progress=progress))


def _jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPEG", 92)
    return bytes(data.data())
