"""Webcam capture with Qt Multimedia, when a camera is present."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget


class CameraDialog(QDialog):
    captured = Signal(QImage)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Camera"))
        self.resize(800, 620)
        self.camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        video = QVideoWidget(self)
        self.session.setVideoOutput(video)
        take = QPushButton(self.tr("&Take photo (Space)"), self)
        take.setShortcut("Space")
        close = QPushButton(self.tr("&Done"), self)
        take.clicked.connect(self.capture.capture)
        close.clicked.connect(self.accept)
        self.capture.imageCaptured.connect(lambda _id, image: self.captured.emit(image))
        # the original frame is the evidence; the stamp goes on the copy printed in the record (services/photo_stamp)
        self.stamp = QCheckBox(self.tr("&Stamp time, place, officer and number on the printed copy"), self)
        self.stamp.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.stamp)
        row.addStretch(1)
        row.addWidget(take)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(video, 1)
        layout.addLayout(row)
        self.camera.start()

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)
