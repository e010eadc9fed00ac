"""A small horizontal bar chart drawn with QPainter (no chart library needed for a handful of bars)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    def __init__(self, title: str = "", colour: str = "#2f6f9f", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.colour = QColor(colour)
        self._bars: list[tuple[str, float, str]] = []  # (label, value, value text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[tuple[str, float, str]]) -> None:
        self._bars = bars
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 40 + 26 * max(1, len(self._bars)))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        y = 6.0
        if self.title:
            f = p.font()
            f.setBold(True)
            p.setFont(f)
            p.drawText(QRectF(4, y, self.width() - 8, fm.height() + 4), int(Qt.AlignmentFlag.AlignLeft), self.title)
            p.setFont(self.font())
            y += fm.height() + 10
        if not self._bars:
            p.setPen(QColor("#777"))
            p.drawText(QRectF(4, y, self.width() - 8, fm.height() + 4), int(Qt.AlignmentFlag.AlignLeft), "—")
            return
        label_w = min(max(fm.horizontalAdvance(b[0]) for b in self._bars) + 12, self.width() * 0.45)
        value_w = max(fm.horizontalAdvance(b[2]) for b in self._bars) + 12
        top = max(b[1] for b in self._bars) or 1.0
        span = max(10.0, self.width() - label_w - value_w - 12)
        for label, value, text in self._bars:
            row = QRectF(4, y, label_w - 8, 20)
            p.setPen(QColor("#222"))
            p.drawText(row, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 8)))
            bar = QRectF(label_w, y + 3, span * value / top, 14)
            p.fillRect(bar, self.colour)
            p.drawText(QRectF(bar.right() + 6, y, value_w, 20),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            y += 26
        p.end()
