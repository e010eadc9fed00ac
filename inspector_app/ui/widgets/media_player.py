"""A small player for audio and video evidence (Qt Multimedia: QMediaPlayer + QAudioOutput, QVideoWidget for
video). Qt Multimedia comes with PySide6-Addons and needs the system's PulseAudio client library; when it cannot
be loaded the player says so and stays disabled instead of failing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget


def multimedia() -> Any | None:
    """The QtMultimedia module, or None when it is not installed or its libraries are missing."""
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia


def _clock(ms: int) -> str:
    s = max(0, ms) // 1000
    return f"{s // 3600:d}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


class MediaPlayer(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.play_button = QPushButton(self.tr("Pla&y"), self)
        self.play_button.setObjectName("media_play")
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("media_position")
        self.time = QLabel("00:00 / 00:00", self)
        self.video: QWidget | None = None
        self.player: Any = None
        qm = multimedia()
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if qm is None:
            for w in (self.play_button, self.slider):
                w.setEnabled(False)
                w.setToolTip(self.tr("Playback needs Qt Multimedia, which is not available on this computer."))
            layout.addLayout(row)
            return
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.player = qm.QMediaPlayer(self)
        self.audio = qm.QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.video.setMinimumHeight(180)
        self.video.hide()
        self.player.setVideoOutput(self.video)
        self.player.durationChanged.connect(lambda d: (self.slider.setRange(0, int(d)), self._show_time()))
        self.player.positionChanged.connect(self._moved)
        self.player.playbackStateChanged.connect(self._state)
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.play_button.clicked.connect(self.toggle)
        self.play_button.setEnabled(False)
        layout.addWidget(self.video, 1)
        layout.addLayout(row)

    def open(self, path: Path, video: bool, play: bool = True) -> None:
        if self.player is None:
            return
        self.player.stop()
        self.video.setVisible(video)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.play_button.setEnabled(True)
        if play:
            self.player.play()

    def toggle(self) -> None:
        if self.player is None:
            return
        playing = self.player.playbackState() == self.player.PlaybackState.PlayingState
        self.player.pause() if playing else self.player.play()

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()

    def _moved(self, pos: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(int(pos))
        self._show_time()

    def _show_time(self) -> None:
        if self.player is not None:
            self.time.setText(f"{_clock(self.player.position())} / {_clock(self.player.duration())}")

    def _state(self, state: Any) -> None:
        playing = state == self.player.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pa&use") if playing else self.tr("Pla&y"))
