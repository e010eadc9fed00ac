"""The main window's pages, each made when first needed (a mixin of ui/main_window.py's MainWindow).

The list page too: after the password the frame (menus, toolbar, status bar, "Opening the workspace…") is shown
first and the list page is made on the turn after its first paint (`make_list_page`, called by ui/opening.py
before the workspace's worker starts), or at once by whatever needs it first. Its imports and widgets (≈ 10 ms of
CPU: the table, the filters, the date editors, the zone database for "today") are not on the way to the first
frame, and the list could show nothing before the workspace is open anyway."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from inspector_app.ui.operations import Operations
    from inspector_app.ui.pages.inspection_page import InspectionPage
    from inspector_app.ui.pages.inspections_page import InspectionsPage
    from inspector_app.ui.pages.review_page import ReviewPage
    from inspector_app.ui.pages.tracking_page import TrackingPage
    from inspector_app.ui.settings import UiSettings

_PAGE_MODULE = "inspector_app.ui.pages.inspection_page"


class LazyPages:
    """Needs the window's `stack`, `ops`, `settings`, `undo_stack` and `statusBar`; `init_pages` first."""

    stack: QStackedWidget
    ops: Operations
    settings: UiSettings
    undo_stack: QUndoStack

    def init_pages(self) -> None:
        self._list_page: InspectionsPage | None = None
        self._inspection_page: InspectionPage | None = None
        self._parts: dict[str, Any] = {}  # its tabs made ahead, one per turn (`_make_inspection_page`)
        self._review_page: ReviewPage | None = None
        self._tracking_page: TrackingPage | None = None
        self._plans_page: Any = None
        # In the list page's place until it is made: the words it shows while the workspace opens, in its grey
        # 13 pt, lowered by its filter row's height, so nothing moves when the page takes over. Font and palette,
        # not the page's style sheet: the first style sheet of the process costs its first paint ≈ 2 ms.
        placeholder = QLabel(QCoreApplication.translate("InspectionsPage", "Opening the workspace…"))
        placeholder.setObjectName("opening_placeholder")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = placeholder.font()
        font.setPointSize(13)
        placeholder.setFont(font)
        palette = placeholder.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(0x66, 0x66, 0x66))
        placeholder.setPalette(palette)
        placeholder.setContentsMargins(0, QLineEdit().sizeHint().height() + 6, 0, 0)  # the filters + spacing
        self._placeholder: QLabel | None = placeholder
        self.stack.addWidget(placeholder)

    @property
    def list_page(self) -> InspectionsPage:
        if self._list_page is None:
            from inspector_app.ui.pages.inspections_page import InspectionsPage

            page = self._list_page = InspectionsPage(self)  # type: ignore[arg-type] # the window (a QWidget)
            self.stack.insertWidget(0, page)
            page.open_requested.connect(self.open_inspection)  # type: ignore[attr-defined]
            header = self.settings.bytes("window/list_header")
            if header is not None:
                page.view.horizontalHeader().restoreState(header)
            filters = self.settings.filters()
            if filters:
                QTimer.singleShot(0, lambda: page.restore_filters(filters) if isValid(page) else None)
            if not self.ops.ready:
                page.show_opening()
            if self._placeholder is not None:
                if self.stack.currentWidget() is self._placeholder:
                    self.stack.setCurrentWidget(page)
                    # the label took no focus: the keys typed after the sign-in go to the search, as they did
                    # when the page was there from the start
                    if self.focusWidget() is None:  # type: ignore[attr-defined]
                        page.search.setFocus()
                self.stack.removeWidget(self._placeholder)
                self._placeholder.deleteLater()
                self._placeholder = None
        return self._list_page

    def make_list_page(self) -> None:
        self.list_page  # noqa: B018 - the property makes it

    @property
    def inspection_page(self) -> InspectionPage:
        if self._inspection_page is None:
            from inspector_app.ui.pages.inspection_page import InspectionPage

            page = self._inspection_page = InspectionPage(self.ops, self.undo_stack, self, made=self._parts)
            self.stack.insertWidget(1, page)
            page.back_requested.connect(self.show_list)
            page.checklist.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
            splitter = self.settings.bytes("window/checklist_splitter")
            if splitter is not None:
                page.checklist.splitter.restoreState(splitter)
            # Its file dialogs (evidence, export), built ahead in idle turns rather than when asked for: building
            # one is ~10-20 ms of CPU and closing a static one wrote its state to disk (ui/file_dialogs.py). Imported
            # here: QFileDialog's and QCompleter's classes and enums are not needed to show the frame.
            from inspector_app.ui.file_dialogs import FileDialogs

            FileDialogs.of(self).prepare(delay_ms=500)
        return self._inspection_page

    def _make_inspection_page(self) -> None:
        """One tab per turn of the event loop (made hidden, then taken by the page), the page itself last — a turn
        making all of it at once stalled the window (~50 ms of CPU, over 100 ms with the GIL shared with the
        workers); opening an inspection sooner makes what is left at once."""
        if self._inspection_page is not None:
            return
        if _PAGE_MODULE not in sys.modules:  # its imports (~100 ms) on a worker first: importing defines classes
            self.ops.runner.run(lambda: importlib.import_module(_PAGE_MODULE),
                                lambda _m: self._make_inspection_page() if isValid(self) else None, lambda _e: None)
            return
        from inspector_app.ui.pages.inspection_page import PARTS, make_part

        left = [name for name in PARTS if name not in self._parts]
        if left:
            part = self._parts[left[0]] = make_part(left[0], self.ops, self.undo_stack, self)
            part.hide()
            QTimer.singleShot(10, self._make_inspection_page)
            return
        self.inspection_page  # noqa: B018 - the property makes it

    def _flush_inspection(self) -> None:
        if self._inspection_page is not None:
            self._inspection_page.flush()

    @property
    def review_page(self) -> ReviewPage:
        if self._review_page is None:
            from inspector_app.ui.pages.review_page import ReviewPage

            self._review_page = ReviewPage(self.ops, self)
            self.stack.addWidget(self._review_page)
        return self._review_page

    @property
    def tracking_page(self) -> TrackingPage:
        if self._tracking_page is None:
            from inspector_app.ui.pages.tracking_page import TrackingPage

            self._tracking_page = TrackingPage(self.ops, self)
            self.stack.addWidget(self._tracking_page)
        return self._tracking_page

    @property
    def plans_page(self) -> Any:
        if self._plans_page is None:
            from inspector_app.ui.pages.plans_page import PlansPage

            self._plans_page = PlansPage(self.ops, self)
            self.stack.addWidget(self._plans_page)
        return self._plans_page
