"""Evidence of one inspection as a grid of thumbnails; thumbnails are decoded off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from inspector_app.domain.agency_time import local
from inspector_app.services.dto import EvidenceDTO
from inspector_app.ui import labels
from inspector_app.ui.operations import Operations

ModelIndex = QModelIndex | QPersistentModelIndex
EvidenceIdRole = Qt.ItemDataRole.UserRole + 1
THUMB = QSize(200, 150)


def _placeholder(text: str) -> QImage:
    img = QImage(THUMB, QImage.Format.Format_RGB32)
    img.fill(QColor("#e9e6df"))
    p = QPainter(img)
    p.setPen(QColor("#555"))
    p.drawText(img.rect(), int(Qt.AlignmentFlag.AlignCenter), text)
    p.end()
    return img


class EvidenceListModel(QAbstractListModel):
    def __init__(self, ops: Operations, parent: Any = None):
        super().__init__(parent)
        self._ops = ops
        self._rows: list[EvidenceDTO] = []
        self._thumbs: dict[str, QImage] = {}
        self._pending: set[str] = set()

    def set_rows(self, rows: list[EvidenceDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def evidence(self, row: int) -> EvidenceDTO:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ev = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = f"{local(ev.captured_at):%m-%d %H:%M}" if ev.captured_at else ""
            kind = f"{labels.evidence_type(ev.evidence_type)} · " if ev.evidence_type else ""
            return f"{ev.caption or ev.source_name}\n{kind}{labels.measure(ev.measure)} {when}".strip()
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(ev)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [ev.source_name, f"SHA-256 {ev.sha256}"]
            if ev.provider:
                lines.append(self.tr("Provided by %1").replace("%1", ev.provider))
            if ev.page_count:
                lines.append(self.tr("%n page(s)", "", ev.page_count))
            if ev.captured_at:
                lines.append(self.tr("Captured %1").replace("%1", f"{local(ev.captured_at):%Y-%m-%d %H:%M:%S}"))
            gps = ev.meta.get("gps")
            if gps:
                lines.append(self.tr("GPS %1, %2").replace("%1", f"{gps['lat']:.5f}").replace(
                    "%2", f"{gps['lon']:.5f}"))
            return "\n".join(lines)
        if role == EvidenceIdRole:
            return ev.id
        return None

    def _thumbnail(self, ev: EvidenceDTO) -> QImage:
        if ev.id in self._thumbs:
            return self._thumbs[ev.id]
        if ev.kind != "photo":
            return _placeholder({"document": "PDF", "audio_video": self.tr("Audio/video")}.get(ev.kind, ev.kind))
        if ev.id not in self._pending:
            self._pending.add(ev.id)
            self._ops.read(lambda: self._load(ev.id), lambda img, i=ev.id: self._loaded(i, img),
                           lambda _e, i=ev.id: self._loaded(i, _placeholder("?")))
        return _placeholder("…")

    def _load(self, evidence_id: str) -> QImage:
        path = self._ops.app.evidence.thumbnail(evidence_id)
        img = QImage(str(path)) if path else QImage()
        return img.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)

    def _loaded(self, evidence_id: str, img: QImage) -> None:
        self._pending.discard(evidence_id)
        self._thumbs[evidence_id] = img
        for n, ev in enumerate(self._rows):
            if ev.id == evidence_id:
                idx = self.index(n)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
