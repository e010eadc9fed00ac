"""Handwritten signature pad: mouse, pen/tablet and touch; vector strokes on a fixed 360×120 logical canvas (what the
services store), smooth drawing, undo last stroke, clear, and a transparent PNG at 2× for the printed record."""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

LOGICAL_W, LOGICAL_H = 360.0, 120.0
INK = QColor(20, 30, 90)
PEN_WIDTH = 3.0  # logical pixels
MIN_STEP = 0.8   # logical pixels between recorded points (drops jitter, keeps the shape)

Stroke = list[list[float]]


def stroke_path(points: list[QPointF]) -> QPainterPath:
    """A smooth path through the points: quadratic segments between midpoints."""
    path = QPainterPath(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.1, 0.1))  # a dot stays visible
        return path
    for a, b in zip(points[1:-1], points[2:], strict=False):
        path.quadTo(a, (a + b) / 2)
    path.lineTo(points[-1])
    return path


class SignatureCanvas(QWidget):
    """The drawing surface. Points are stored in logical coordinates; the 3:1 canvas is centred in the widget."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._active = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(450, 150)  # roomy enough for a finger on a tablet
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setAccessibleDescription(self.tr("Sign with the mouse, a pen or a finger. Backspace undoes the last "
                                              "stroke, Delete clears."))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(540, 180)

    # -- geometry
    def canvas_rect(self) -> QRectF:
        """The largest 3:1 rectangle centred in the widget."""
        w, h = float(self.width()), float(self.height())
        scale = min(w / LOGICAL_W, h / LOGICAL_H)
        cw, ch = LOGICAL_W * scale, LOGICAL_H * scale
        return QRectF((w - cw) / 2, (h - ch) / 2, cw, ch)

    def to_logical(self, pos: QPointF) -> QPointF:
        r = self.canvas_rect()
        x = (pos.x() - r.x()) * LOGICAL_W / r.width()
        y = (pos.y() - r.y()) * LOGICAL_H / r.height()
        return QPointF(min(max(x, 0.0), LOGICAL_W), min(max(y, 0.0), LOGICAL_H))

    # -- strokes
    def begin(self, pos: QPointF) -> None:
        self._strokes.append([self.to_logical(pos)])
        self._active = True
        self.update()

    def extend(self, pos: QPointF) -> None:
        if not self._active:
            return
        p = self.to_logical(pos)
        last = self._strokes[-1][-1]
        if math.hypot(p.x() - last.x(), p.y() - last.y()) >= MIN_STEP:
            self._strokes[-1].append(p)
            self.update()

    def end(self, pos: QPointF | None = None) -> None:
        if not self._active:
            return
        if pos is not None:
            self.extend(pos)
        self._active = False
        self.changed.emit()

    def undo(self) -> None:
        if self._strokes:
            self._strokes.pop()
            self._active = False
            self.update()
            self.changed.emit()

    def clear(self) -> None:
        if self._strokes:
            self._strokes.clear()
            self._active = False
            self.update()
            self.changed.emit()

    def is_empty(self) -> bool:
        return not self._strokes

    def strokes(self) -> list[Stroke]:
        return [[[round(p.x(), 1), round(p.y(), 1)] for p in s] for s in self._strokes]

    def point_count(self) -> int:
        return sum(len(s) for s in self._strokes)

    # -- input: mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.begin(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.extend(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.end(event.position())
        event.accept()

    # -- input: pen (accepted, so Qt does not also synthesise mouse events)
    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self.extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end(event.position())
        event.accept()

    # -- input: touch (the first finger draws)
    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self.extend(pos)
                else:
                    self.end(pos)
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Backspace:
            self.undo()
        elif event.key() == Qt.Key.Key_Delete:
            self.clear()
        else:
            super().keyPressEvent(event)

    # -- painting
    def paint_strokes(self, painter: QPainter, scale: float) -> None:
        pen = QPen(INK, PEN_WIDTH * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for s in self._strokes:
            painter.drawPath(stroke_path([QPointF(p.x() * scale, p.y() * scale) for p in s]))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        r = self.canvas_rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), self.palette().window())
        painter.fillRect(r, QColor(255, 255, 255))
        border = self.palette().highlight().color() if self.hasFocus() else QColor(160, 160, 160)
        painter.setPen(QPen(border, 1.5 if self.hasFocus() else 1.0))
        painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
        baseline_y = r.y() + r.height() * 0.78
        painter.setPen(QPen(QColor(200, 200, 200), 1.0, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(r.x() + 16, baseline_y), QPointF(r.right() - 16, baseline_y))
        if not self._strokes:
            painter.setPen(QColor(150, 150, 150))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))
        painter.translate(r.topLeft())
        self.paint_strokes(painter, r.width() / LOGICAL_W)
        painter.end()

    def to_png(self, scale: float = 2.0) -> bytes:
        """Transparent PNG of the strokes at `scale` × the logical canvas (720×240 by default)."""
        image = QImage(int(LOGICAL_W * scale), int(LOGICAL_H * scale), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint_strokes(painter, scale)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


class SignaturePad(QWidget):
    """The canvas with Undo and Clear buttons (keyboard reachable)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, caption: str = ""):
        super().__init__(parent)
        self.canvas = SignatureCanvas(self)
        self.canvas.setObjectName("signature_canvas")
        self.caption = QLabel(caption, self)
        self.caption.setBuddy(self.canvas)
        self.undo_button = QPushButton(self.tr("&Undo stroke"), self)
        self.undo_button.setObjectName("signature_undo")
        self.clear_button = QPushButton(self.tr("C&lear"), self)
        self.clear_button.setObjectName("signature_clear")
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.canvas.changed.connect(self._update_buttons)
        self.canvas.changed.connect(self.changed)
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.canvas, 1)
        self._update_buttons()

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)

    def _update_buttons(self) -> None:
        for b in (self.undo_button, self.clear_button):
            b.setEnabled(not self.canvas.is_empty())

    def is_empty(self) -> bool:
        return self.canvas.is_empty()

    def strokes(self) -> list[Stroke]:
        return self.canvas.strokes()

    def point_count(self) -> int:
        return self.canvas.point_count()

    def to_png(self) -> bytes:
        return self.canvas.to_png()

    def clear(self) -> None:
        self.canvas.clear()

    def undo(self) -> None:
        self.canvas.undo()
