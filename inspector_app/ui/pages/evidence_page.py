"""Evidence grid: add by file dialog, drag and drop, paste or the laptop camera; caption, link, view, remove."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import photo_stamp
from inspector_app.services.dto import EvidenceDTO
from inspector_app.ui import keymap
from inspector_app.ui.file_dialogs import EVIDENCE, FileDialogs
from inspector_app.ui.import_job import ImportJob
from inspector_app.ui.models.evidence_list_model import THUMB, EvidenceListModel
from inspector_app.ui.operations import Operations
from inspector_app.ui.widgets.image_viewer import EvidenceViewer

FILE_FILTER = "Evidence (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.pdf *.mp4 *.mov *.mp3 *.wav *.m4a);;All files (*)"


class EvidencePage(QWidget):
    import_finished = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.inspection_id: str | None = None
        self.reinspection_id: str | None = None  # set when the page collects a re-inspection's evidence
        self.read_only = False
        self.setAcceptDrops(True)
        self.model = EvidenceListModel(ops, self)
        self.view = QListView(self)
        self.view.setObjectName("evidence_grid")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(THUMB)
        self.view.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 60))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(True)
        self.view.setMovement(QListView.Movement.Static)
        self.view.activated.connect(lambda idx: self.open_viewer(self.model.evidence(idx.row())))
        self.add_button = QPushButton(self.tr("&Add files… (Ctrl+O)"), self)
        self.add_button.setShortcut(keymap.keys("add_files")[0])
        self.paste_button = QPushButton(self.tr("&Paste image (Ctrl+V)"), self)
        self.camera_button = QPushButton(self.tr("Ca&mera…"), self)
        self.caption_button = QPushButton(self.tr("Capt&ion…"), self)
        self.details_button = QPushButton(self.tr("List &entry… (Ctrl+E)"), self)
        self.details_button.setObjectName("evidence_details_button")
        self.confirm_button = QPushButton(self.tr("Party &confirms list… (Ctrl+K)"), self)
        self.confirm_button.setObjectName("evidence_confirm_button")
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.recordings_button = QPushButton(self.tr("Au&dio and video…"), self)  # the 音像记录 register
        self.recordings_button.setObjectName("open_recordings")
        self.recordings_button.clicked.connect(self.open_recordings)
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button.clicked.connect(self.paste)
        self.camera_button.clicked.connect(self.open_camera)
        self.caption_button.clicked.connect(self.edit_caption)
        self.details_button.clicked.connect(self.edit_details)
        self.confirm_button.clicked.connect(self.confirm_list)
        self.remove_button.clicked.connect(self.remove_selected)
        # Asking for cameras loads the multimedia backend (≈20–40 ms): not while the inspection page is built (that
        # follows the password) but a second later, a step of its own.
        self.camera_button.setVisible(False)
        QTimer.singleShot(1000, self, self._show_camera_button)
        QShortcut(keymap.keys("paste_image")[0], self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                  ).activated.connect(self.paste)
        # on the buttons, like Ctrl+O: active while the evidence tab shows, off when the list is read-only
        self.details_button.setShortcut(keymap.keys("evidence_details")[0])
        self.confirm_button.setShortcut(keymap.keys("confirm_evidence_list")[0])
        self.confirmation_label = QLabel(self)
        self.confirmation_label.setObjectName("evidence_confirmation_state")
        self.confirmation_label.setWordWrap(True)
        self.hint = QLabel(self.tr("Drop photos, scans or recordings here. Originals are kept byte-identical "
                                   "under their SHA-256."), self)
        self.hint.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        # The camera button last: it appears a second after the page is built (when a camera is found), and there
        # it moves no other button.
        for b in (self.add_button, self.paste_button, self.caption_button, self.details_button,
                  self.confirm_button, self.remove_button, self.recordings_button, self.camera_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        QWidget.setTabOrder(self.recordings_button, self.camera_button)   # Tab follows the row as shown
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.confirmation_label)
        layout.addWidget(self.hint)

    def set_evidence(self, inspection_id: str, rows: list[EvidenceDTO], read_only: bool) -> None:
        self.inspection_id, self.read_only = inspection_id, read_only
        self.model.set_rows(rows)
        for b in (self.add_button, self.paste_button, self.camera_button, self.caption_button, self.details_button,
                  self.confirm_button, self.remove_button):
            b.setEnabled(not read_only)
        self._show_confirmation()

    # -- adding
    def choose_files(self, link: tuple[str, str] | None = None) -> None:
        if self.read_only or self.inspection_id is None:
            return
        names = FileDialogs.of(self).open_file_names(EVIDENCE, self.tr("Add evidence"), str(Path.home()), FILE_FILTER)
        if names:
            self.import_paths([Path(n) for n in names], link)

    def import_paths(self, paths: list[Path], link: tuple[str, str] | None = None) -> ImportJob | None:
        if self.read_only or self.inspection_id is None:
            return None
        job = ImportJob(self.ops, self.inspection_id, paths, self, link=link, reinspection_id=self.reinspection_id)
        job.finished.connect(self._import_done)
        job.start()
        return job

    def _import_done(self, result: dict[str, Any]) -> None:
        self.import_finished.emit(result)
        lines = []
        if result["duplicates"]:
            lines.append(self.tr("Already recorded (not stored twice): %1").replace(
                "%1", "、".join(name for name, _ in result["duplicates"])))
        if result["refused"]:
            lines.append(self.tr("Refused:"))
            lines.extend(f"• {name}: {reason}" for name, reason in result["refused"])
        if result["cancelled"]:
            lines.append(self.tr("Import cancelled; the files already imported are kept."))
        if lines:
            box = QMessageBox(QMessageBox.Icon.Warning if result["refused"] else QMessageBox.Icon.Information,
                              self.tr("Evidence import"),
                              self.tr("%n file(s) imported.", "", len(result["imported"])), parent=self)
            box.setObjectName("import_report")
            box.setInformativeText("\n".join(lines))
            box.open()

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()

    def paste(self) -> None:
        if self.read_only or self.inspection_id is None:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls():
            self.import_paths([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])
        elif mime.hasImage():
            self.add_image(QImage(mime.imageData()), "pasted.png", "paste")

    def add_image(self, image: QImage, name: str, origin: str, stamp: bool = False) -> None:
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG" if name.endswith(".png") else "JPEG", 92)
        data = bytes(buf.data())
        iid, actor, rid = self.inspection_id, self.ops.actor, self.reinspection_id
        app = self.ops.app

        def add() -> Any:
            extra = photo_stamp.camera_stamp(app.ctx, iid, actor.name) if stamp else None
            return app.evidence.add_bytes(actor, iid, data, name, origin=origin, reinspection_id=rid,
                                          extra_meta=extra)

        self.ops.write(add, lambda committed: self.ops.changed.emit(committed.changes))

    def open_recordings(self) -> None:
        if self.inspection_id is None:
            return
        from inspector_app.ui.dialogs.recordings_dialog import RecordingsDialog

        RecordingsDialog(self.ops, self.inspection_id, self).exec()  # its imports broadcast their changes

    def _show_camera_button(self) -> None:
        self.camera_button.setVisible(_has_camera())

    def open_camera(self) -> None:
        from inspector_app.ui.dialogs.camera_dialog import CameraDialog

        dialog = CameraDialog(self)
        dialog.captured.connect(lambda img: self.add_image(img, "camera.jpg", "camera", dialog.stamp.isChecked()))
        dialog.exec()

    # -- editing
    def _selected(self) -> EvidenceDTO | None:
        idx = self.view.currentIndex()
        return self.model.evidence(idx.row()) if idx.isValid() else None

    def edit_caption(self) -> None:
        ev = self._selected()
        if ev is None or self.read_only:
            return
        text, ok = QInputDialog.getText(self, self.tr("Caption"), self.tr("What does this evidence show?"),
                                        text=ev.caption)
        if ok:
            actor = self.ops.actor
            self.ops.write(lambda: self.ops.app.evidence.set_caption(actor, ev.id, text))

    def edit_details(self) -> None:
        """The selected item's 证据清单 entry: statutory type, how obtained, provider, pages."""
        from inspector_app.ui.dialogs.evidence_dialogs import EvidenceDetailsDialog

        ev = self._selected()
        if ev is None or self.read_only:
            return
        dialog = EvidenceDetailsDialog(ev, self)
        if dialog.exec() != EvidenceDetailsDialog.DialogCode.Accepted:
            return
        d, actor = dialog.details(), self.ops.actor
        self.ops.write(lambda: self.ops.app.evidence_list.set_details(
            actor, ev.id, evidence_type=d.evidence_type, provider=d.provider, page_count=d.page_count,
            measure=d.measure), lambda _result: self._show_confirmation())  # the list may need confirming again

    def confirm_list(self) -> None:
        """The party's "与原件核对一致" for the record's whole list, or its refusal (not for a re-inspection's)."""
        from inspector_app.ui.dialogs.evidence_dialogs import ListConfirmationDialog

        if self.read_only or self.inspection_id is None or self.reinspection_id is not None:
            return
        dialog = ListConfirmationDialog(parent=self)
        if dialog.exec() != ListConfirmationDialog.DialogCode.Accepted:
            return
        c, actor, iid = dialog.confirmation(), self.ops.actor, self.inspection_id
        self.ops.write(lambda: self.ops.app.evidence_list.confirm(actor, iid, refused=c.refused,
                                                                  signer_name=c.signer_name,
                                                                  refusal_reason=c.refusal_reason),
                       lambda _changes: self._show_confirmation())

    def _show_confirmation(self) -> None:
        record_list = self.reinspection_id is None and self.inspection_id is not None
        self.confirm_button.setVisible(record_list)
        self.confirmation_label.setVisible(record_list)
        if not record_list or not self.model.rowCount():
            self.confirmation_label.setText("")
            return
        iid = self.inspection_id
        self.ops.read(lambda: self.ops.app.evidence_list.confirmation(iid),
                      lambda c, i=iid: self._confirmation_read(i, c))

    def _confirmation_read(self, inspection_id: str, c: Any) -> None:
        if inspection_id != self.inspection_id:
            return  # another inspection is shown meanwhile
        if c is None:
            text = self.tr("The party has not confirmed the evidence list yet (Ctrl+K).")
        elif not c.current:
            text = self.tr("The list changed after the party's confirmation: let the party check it again (Ctrl+K).")
        elif c.refused:
            text = self.tr("The party refused to confirm the evidence list: %1").replace("%1", c.refusal_reason)
        else:
            text = self.tr("%1 confirmed: the evidence matches the originals.").replace("%1", c.signer_name)
        self.confirmation_label.setText(text)

    def remove_selected(self) -> None:
        ev = self._selected()
        if ev is None or self.read_only:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Remove evidence"),
                                          self.tr("Why is this evidence removed? (kept in the whole-process record)"))
        if ok and reason.strip():
            actor = self.ops.actor
            self.ops.write(lambda: self.ops.app.evidence.remove(actor, ev.id, reason.strip()))

    def open_viewer(self, ev: EvidenceDTO) -> None:
        viewer = EvidenceViewer(ev, self)
        if ev.kind == "photo":
            self.ops.read(lambda: QImage(str(self.ops.app.evidence.display_path(ev.id))), viewer.set_image)
        viewer.show()


def _has_camera() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.videoInputs())
