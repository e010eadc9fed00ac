"""Print a PDF shown in the in-app viewer (the draft the party reads, or a signed record) on a system printer.

Qt PDF renders each page to an image at the printer's resolution (capped at 300 dpi: a record page is text and
photos, more only costs memory) and paints it on the page; pages go out one at a time, so memory stays at one page.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def print_document(document: QPdfDocument, printer: QPrinter, on_page=None) -> int:
    """Paint every page of `document` on `printer`; returns the number of pages printed (0 if nothing opened)."""
    pages = document.pageCount()
    if pages == 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for n in range(pages):
            if n:
                printer.newPage()
            size_pt = document.pagePointSize(n)
            image = document.render(n, QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72)))
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.x(), target.y(), scaled.width(), scaled.height()), image)
            if on_page is not None:
                on_page(n + 1, pages)
    finally:
        painter.end()
    return pages
