"""The 音像记录 register of an inspection: every audio/video recording with who recorded it, at which stage of the
visit, its capture time, duration and SHA-256; import a file, record audio with the microphone (when one exists:
Qt Multimedia's QMediaCaptureSession + QMediaRecorder), play a recording. Files are verified, hashed and stored
on the writer thread (services/recordings.py); the UI thread never reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from inspector_app.domain import recording as dr
from inspector_app.domain.agency_time import local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.domain.ids import new_id
from inspector_app.services.changes import Changes
from inspector_app.services.recordings import RecordingDTO
from inspector_app.ui.dialogs.inline import message
from inspector_app.ui.operations import Operations
from inspector_app.ui.widgets.media_player import MediaPlayer, _clock, multimedia

AV_FILTER = "*.wav *.mp3 *.m4a *.amr *.mp4 *.mov *.3gp *.avi"


class RecordingsDialog(QDialog):
    def __init__(self, ops: Operations, inspection_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.inspection_id = ops, inspection_id
        self.rows: list[RecordingDTO] = []
        self.recorder: Any = None
        self.record_started: dt.datetime | None = None
        self.setWindowTitle(self.tr("Audio and video records"))
        self.resize(860, 600)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("recordings_register")
        self.table.setHorizontalHeaderLabels([self.tr("Captured"), self.tr("Stage"), self.tr("Recorded by"),
                                              self.tr("Medium"), self.tr("Duration"), self.tr("SHA-256")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemActivated.connect(lambda _i: self.play_selected())
        self.stage = QComboBox(self)
        for code, label in STAGE_LABELS.items():
            self.stage.addItem(self.tr(label), code)
        self.recorded_by = QComboBox(self)
        self.note = QLineEdit(self)
        self.import_button = QPushButton(self.tr("&Import file…"), self)
        self.import_button.clicked.connect(self.choose_file)
        self.record_button = QPushButton(self.tr("&Record audio"), self)
        self.record_button.setObjectName("record_audio")
        self.record_button.clicked.connect(self.toggle_recording)
        qm = multimedia()
        if qm is None or not qm.QMediaDevices.audioInputs():
            self.record_button.setEnabled(False)
            self.record_button.setToolTip(self.tr("No microphone is available on this computer, so audio cannot "
                                                  "be recorded here; import the recorder's file instead."))
        self.play_button = QPushButton(self.tr("&Play selected"), self)
        self.play_button.clicked.connect(self.play_selected)
        self.trim_button = QPushButton(self.tr("&Cut a clip…"), self)
        self.trim_button.setToolTip(self.tr("Save a part of the selected recording as a new clip; the original "
                                            "stays unchanged as the evidence."))
        self.trim_button.clicked.connect(self._ask_trim)
        self.player = MediaPlayer(self)
        self.status = QLabel(self)
        self.status.setObjectName("recordings_status")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Stage of the visit:"), self.stage)
        form.addRow(self.tr("Recorded &by:"), self.recorded_by)
        form.addRow(self.tr("&Note:"), self.note)
        row = QHBoxLayout()
        for b in (self.import_button, self.record_button, self.play_button, self.trim_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.player, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        service, iid = ops.app.recordings, inspection_id
        ops.read(lambda: service.team(iid), self._set_team)
        self.refresh()

    def _set_team(self, team: list[tuple[str, str]]) -> None:
        me = self.ops.actor.officer_id
        for oid, name in team:
            self.recorded_by.addItem(name, oid)
        if me is not None and self.recorded_by.findData(me) >= 0:
            self.recorded_by.setCurrentIndex(self.recorded_by.findData(me))

    def refresh(self) -> None:
        service, iid = self.ops.app.recordings, self.inspection_id
        self.ops.read(lambda: service.of_inspection(iid), self._show)

    def _show(self, rows: list[RecordingDTO]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        media = {"audio": self.tr("Audio"), "video": self.tr("Video")}
        for r, rec in enumerate(rows):
            when = local(rec.captured_at).strftime("%Y-%m-%d %H:%M:%S") if rec.captured_at else self.tr("unknown")
            cells = (when, self.tr(STAGE_LABELS.get(rec.stage, rec.stage)), rec.recorder_name, media[rec.media],
                     _clock(rec.duration_ms or 0), rec.sha256[:16] + "…")
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    # -- import and record
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a recording"), str(Path.home()),
                                              self.tr("Audio and video (%1)").replace("%1", AV_FILTER))
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path, captured_at: dt.datetime | None = None, remove_after: bool = False) -> None:
        oid, stage, note = self.recorded_by.currentData(), self.stage.currentData(), self.note.text()
        actor, service, iid = self.ops.actor, self.ops.app.recordings, self.inspection_id

        def work() -> tuple[RecordingDTO, Changes]:
            try:
                rec = service.import_file(actor, iid, path, recorded_by=oid, stage=stage, note=note,
                                          captured_at=captured_at)
            finally:
                if remove_after:  # the app's own temporary recording: the evidence store has it now
                    path.unlink(missing_ok=True)
            return rec, Changes(inspections=frozenset({iid}), evidence=frozenset({rec.evidence_id}))

        self.status.setText(self.tr("Importing…"))
        self.ops.write(work, lambda _r: (self.status.setText(self.tr("Registered.")), self.refresh()),
                       lambda exc: self.status.setText(message(exc)))

    def toggle_recording(self) -> None:
        qm = multimedia()
        if qm is None:
            return
        recording = qm.QMediaRecorder.RecorderState.RecordingState
        if self.recorder is not None and self.recorder.recorderState() == recording:
            self.recorder.stop()
            return
        folder = self.ops.app.paths.cache_dir / "recordings"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.session = qm.QMediaCaptureSession(self)
        self.session.setAudioInput(qm.QAudioInput(self))
        self.recorder = qm.QMediaRecorder(self)
        fmt = qm.QMediaFormat(qm.QMediaFormat.FileFormat.Wave)
        fmt.setAudioCodec(qm.QMediaFormat.AudioCodec.Wave)
        self.recorder.setMediaFormat(fmt)
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(folder / f"{new_id()}.wav")))
        self.session.setRecorder(self.recorder)
        self.recorder.recorderStateChanged.connect(self._recorder_state)
        self.recorder.errorOccurred.connect(lambda _e, text: self.status.setText(text))
        self.record_started = self.ops.app.ctx.clock()
        self.recorder.record()

    def _recorder_state(self, state: Any) -> None:
        qm = multimedia()
        recording = state == qm.QMediaRecorder.RecorderState.RecordingState
        self.record_button.setText(self.tr("S&top recording") if recording else self.tr("&Record audio"))
        if state == qm.QMediaRecorder.RecorderState.StoppedState and self.recorder is not None:
            path = Path(self.recorder.actualLocation().toLocalFile())
            if path.name:
                self.import_path(path, captured_at=self.record_started, remove_after=True)

    # -- play
    def play_selected(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows):
            return
        rec, service = self.rows[r], self.ops.app.recordings
        self.ops.read(lambda: service.media_path(rec.evidence_id),
                      lambda path: self.player.open(path, rec.media == "video"))

    # -- trim
    def _ask_trim(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows):
            return
        length = (self.rows[r].duration_ms or 0) / 1000
        start, ok = QInputDialog.getDouble(self, self.tr("Cut a clip"), self.tr("From (seconds):"), 0, 0, length, 1)
        if not ok:
            return
        end, ok = QInputDialog.getDouble(self, self.tr("Cut a clip"), self.tr("To (seconds):"), length, 0, length, 1)
        if ok:
            self.trim_selected(start, end)

    def trim_selected(self, start_s: float, end_s: float) -> None:
        """Cut [start_s, end_s) of the selected recording into a new registered clip (services/recordings.py)."""
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows):
            return
        rec, actor, service, iid = self.rows[r], self.ops.actor, self.ops.app.recordings, self.inspection_id

        def work() -> tuple[RecordingDTO, Changes]:
            clip = service.trim(actor, rec.evidence_id, round(start_s * 1000), round(end_s * 1000))
            return clip, Changes(inspections=frozenset({iid}), evidence=frozenset({clip.evidence_id}))

        self.status.setText(self.tr("Cutting…"))
        self.ops.write(work, lambda _r: (self.status.setText(self.tr("The clip is registered; the original is "
                                                                      "unchanged.")), self.refresh()),
                       lambda exc: self.status.setText(message(exc)))

    def done(self, result: int) -> None:
        self.player.stop()
        super().done(result)


#: English labels of domain.recording.STAGES for the UI (translated to the same Chinese words).
STAGE_LABELS = {
    "credentials": QT_TRANSLATE_NOOP("RecordingsDialog", "Showing credentials, notice of rights"),
    "inspection": QT_TRANSLATE_NOOP("RecordingsDialog", "On-site inspection"),
    "inquiry": QT_TRANSLATE_NOOP("RecordingsDialog", "Inquiry"),
    "seizure": QT_TRANSLATE_NOOP("RecordingsDialog", "Sealing, registered preservation"),
    "signing": QT_TRANSLATE_NOOP("RecordingsDialog", "Signing the record, refusal before a witness"),
    "service": QT_TRANSLATE_NOOP("RecordingsDialog", "Serving documents"),
    "other": QT_TRANSLATE_NOOP("RecordingsDialog", "Other"),
}
assert set(STAGE_LABELS) == set(dr.STAGES)
