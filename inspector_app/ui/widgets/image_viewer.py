"""Evidence viewer: zoom with the wheel or +/-, pan by dragging, fit with 0; facts about the file beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.agency_time import local
from inspector_app.services.dto import EvidenceDTO


class ZoomView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._item: QGraphicsPixmapItem | None = None

    def set_image(self, image: QImage) -> None:
        self.scene().clear()
        self._item = self.scene().addPixmap(QPixmap.fromImage(image))
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.fit()

    def fit(self) -> None:
        if self._item is not None:
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)

    def wheelEvent(self, event: Any) -> None:  # noqa: N802
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)


class EvidenceViewer(QDialog):
    def __init__(self, evidence: EvidenceDTO, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(evidence.caption or evidence.source_name)
        self.resize(1100, 760)
        self.view = ZoomView(self)
        facts = [f"<b>{evidence.source_name}</b>", f"SHA-256<br><code>{evidence.sha256}</code>",
                 self.tr("Size: %1 bytes").replace("%1", f"{evidence.size:,}")]
        if evidence.captured_at:
            facts.append(self.tr("Captured: %1").replace("%1", f"{local(evidence.captured_at):%Y-%m-%d %H:%M:%S}"))
        gps = evidence.meta.get("gps")
        if gps:
            facts.append(self.tr("GPS: %1, %2").replace("%1", f"{gps['lat']:.6f}").replace("%2", f"{gps['lon']:.6f}"))
        camera = " ".join(str(evidence.meta.get(k, "")) for k in ("make", "model")).strip()
        if camera:
            facts.append(self.tr("Camera: %1").replace("%1", camera))
        if evidence.meta.get("origin") and evidence.meta["origin"] != "camera":
            facts.append(self.tr("Imported file (not taken with this app's camera)"))
        info = QLabel("<br>".join(facts), self)
        info.setWordWrap(True)
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info.setFixedWidth(300)
        info.setAlignment(Qt.AlignmentFlag.AlignTop)
        hint = QLabel(self.tr("Wheel or +/− to zoom, drag to pan, 0 to fit"), self)
        side = QVBoxLayout()
        side.addWidget(info, 1)
        side.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(side)
        for keys, slot in (("+", lambda: self.view.zoom(1.25)), ("=", lambda: self.view.zoom(1.25)),
                           ("-", lambda: self.view.zoom(0.8)), ("0", self.view.fit)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        # Esc closes the viewer wherever the focus is (the view and the page field would otherwise keep it).
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.reject)

    def set_image(self, image: QImage) -> None:
        self.view.set_image(image)
