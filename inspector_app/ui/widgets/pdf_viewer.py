"""In-app PDF viewer (Qt PDF): continuous pages, page navigation, zoom in/out, fit width, fit page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QShortcut, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

ZOOM_STEP = 1.25


class PdfViewer(QDialog):
    def __init__(self, path: Path | str, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or Path(path).name)
        self.resize(960, 900)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.previous_button = QPushButton(self.tr("◀ &Previous"), self)
        self.next_button = QPushButton(self.tr("&Next ▶"), self)
        self.page = QSpinBox(self)
        self.page.setObjectName("pdf_page")
        self.page.setMinimum(1)
        self.page.setAccessibleName(self.tr("Page"))
        self.count = QLabel(self)
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.fit_width_button = QPushButton(self.tr("Fit &width"), self)
        self.fit_page_button = QPushButton(self.tr("Fit p&age"), self)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        self.print_button.setObjectName("pdf_print")
        self.print_button.clicked.connect(self.print_dialog)
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page.editingFinished.connect(lambda: self.go_to(self.page.value() - 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_width_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        # Esc closes the viewer wherever the focus is (the view and the page field would otherwise keep it).
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setVisible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page)
        bar.addWidget(self.count)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        for b in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button, self.fit_page_button,
                  self.print_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        self.load(path)

    def load(self, path: Path | str) -> bool:
        status = self.document.load(str(path))
        ok = status == QPdfDocument.Error.None_
        self.error.setVisible(not ok)
        if not ok:
            self.error.setText(self.tr("The PDF could not be opened (%1).").replace("%1", status.name))
        pages = self.document.pageCount()
        self.page.setMaximum(max(1, pages))
        self.count.setText(self.tr("of %1").replace("%1", str(pages)))
        self._page_changed(0)
        return ok

    def print_dialog(self) -> None:
        """The system print dialog, then the pages (pdf_print); the printer is the user's choice."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer) -> int:  # type: ignore[no-untyped-def]
        from inspector_app.ui.widgets.pdf_print import print_document

        return print_document(self.document, printer)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        pages = self.document.pageCount()
        if pages:
            page = min(max(page, 0), pages - 1)
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def effective_zoom(self) -> float:
        """The zoom now shown (in the fit modes QPdfView keeps reporting the last custom factor)."""
        mode = self.view.zoomMode()
        size = self.document.pagePointSize(max(self.current_page(), 0))
        if mode == QPdfView.ZoomMode.Custom or size.width() <= 0:
            return self.view.zoomFactor()
        margins = self.view.documentMargins()
        dpi = self.view.logicalDpiX() / 72.0
        width = (self.view.viewport().width() - margins.left() - margins.right()) / (size.width() * dpi)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (self.view.viewport().height() - margins.top() - margins.bottom()) / (size.height() * dpi)
        return min(width, height)

    def zoom(self, factor: float) -> None:
        current = self.effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, 0.25), 6.0))

    def _page_changed(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        pages = self.document.pageCount()
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < pages - 1)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() == Qt.Key.Key_PageDown and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.go_to(self.current_page() + 1)
        elif event.key() == Qt.Key.Key_PageUp and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.go_to(self.current_page() - 1)
        else:
            super().keyPressEvent(event)
