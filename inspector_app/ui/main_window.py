"""The frame: the inspection list and the inspection page on a stack, menus, status bar. Nothing else."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from inspector_app import __version__
from inspector_app.services.changes import Changes
from inspector_app.ui.actions import build_menus, create_actions
from inspector_app.ui.operations import Operations
from inspector_app.ui.settings import UiSettings
from inspector_app.ui.sync_controller import SyncController, describe
from inspector_app.ui.errors import plain_message
from inspector_app.ui.window_pages import LazyPages


class MainWindow(QMainWindow, LazyPages):
    closed = Signal()  # after the close has flushed every write
    def __init__(self, ops: Operations, settings: UiSettings, language: str, parent: QWidget | None = None,
                 sync: SyncController | None = None):
        super().__init__(parent)
        self.ops = ops
        self.sync = sync
        self.settings = settings
        self.language = language
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Medical-insurance fund inspection"))
        self.resize(1280, 820)
        self.undo_stack = QUndoStack(self)
        # Every page is made when first needed (ui/window_pages.py), the list page too: on a start with sign-in
        # the frame is shown first. The inspection page (five tabs, the checklist's editors) is the costliest:
        # made tab by tab in turns of the event loop once the list has its rows, so no single turn waits for it.
        self.stack = QStackedWidget(self)
        self.init_pages()
        self.setCentralWidget(self.stack)
        self.actions_ = create_actions(self, self.undo_stack)
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        build_menus(self.menuBar(), toolbar, self.actions_)
        self.status_user = QLabel(self)
        self.status_pending = QLabel(self)
        self.status_pending.setObjectName("pending_changes")
        self.status_sync = QLabel(self)
        self.status_sync.setObjectName("sync_status")
        # the count of changes waiting arrives after the frame (and changes length): leftmost, so when it grows
        # only it moves, and the sync state and the officer stay where the eye found them
        self.statusBar().addPermanentWidget(self.status_pending)
        self.statusBar().addPermanentWidget(self.status_sync)
        self.statusBar().addPermanentWidget(self.status_user)
        self._connect()
        self._restore()
        if ops.ready:
            self._services_ready()
        else:  # the frame first, the workspace opening on a worker (ui/launch.py `run`): nothing to act on yet
            for action in self._needs_services():
                action.setEnabled(False)
            ops.attached.connect(self._services_ready)

    def _needs_services(self) -> list[Any]:
        a = self.actions_
        return [a.new_inspection, a.open_inspection, a.show_review, a.show_tracking, a.show_plans, a.search,
                a.refresh, a.sign_in, a.sync_now, a.conflicts, a.about, a.lock, a.switch_officer,
                a.change_password, a.idle_lock]

    def _services_ready(self) -> None:
        for action in self._needs_services()[:-4]:  # lock & co.: build_window decides (key slots or not)
            action.setEnabled(True)
        self.refresh_list()
        QTimer.singleShot(50, self._make_inspection_page)  # behind the first paint (ui/window_pages.py)

    def attach_sync(self, sync: SyncController) -> None:
        self.sync = sync
        self._connect_sync()

    def _connect(self) -> None:
        a = self.actions_
        a.new_inspection.triggered.connect(self.new_inspection)
        a.open_inspection.triggered.connect(self._open_selected)
        a.show_list.triggered.connect(self.show_list)
        a.show_review.triggered.connect(self.show_review)
        a.show_tracking.triggered.connect(self.show_tracking)
        a.show_plans.triggered.connect(self.show_plans)
        a.search.triggered.connect(self._find)
        a.refresh.triggered.connect(self.refresh_list)
        for action, name in ((a.next_item, "next_item"), (a.previous_item, "previous_item"),
                             (a.next_unanswered, "next_unanswered"), (a.section_compliant, "mark_section_compliant")):
            action.triggered.connect(lambda _=False, name=name: self._on_checklist(
                lambda: getattr(self.inspection_page.checklist, name)()))
        a.next_tab.triggered.connect(lambda: self._on_inspection(lambda: self.inspection_page.step_tab(1)))
        a.previous_tab.triggered.connect(lambda: self._on_inspection(lambda: self.inspection_page.step_tab(-1)))
        a.shortcuts.triggered.connect(self._show_shortcuts)
        a.language_zh.triggered.connect(lambda: self._set_language("zh_CN"))
        a.language_en.triggered.connect(lambda: self._set_language("en"))
        a.about.triggered.connect(self._about)
        a.sign_in.triggered.connect(self._sign_in)
        a.sync_now.triggered.connect(lambda: self.sync.sync_now() if self.sync else self._sign_in())
        a.conflicts.triggered.connect(self._conflicts)
        self._connect_sync()
        a.quit.triggered.connect(self.close)
        a.language_zh.setChecked(self.language == "zh_CN")
        a.language_en.setChecked(self.language == "en")
        self.ops.changed.connect(self._changed)
        self.ops.failed.connect(self._show_error)
        self.status_user.setText(self.tr("Officer: %1").replace("%1", self.ops.actor.name))

    def _connect_sync(self) -> None:
        if self.sync is not None:
            self.sync.status_changed.connect(self._show_sync)
            self.sync.data_arrived.connect(self.refresh_list)
            self.sync.signed_in.connect(self._signed_in)
        self._show_sync(None)

    # -- navigation
    def _on_inspection(self, slot: Any) -> None:
        if self._inspection_page is not None and self.stack.currentWidget() is self._inspection_page:
            slot()

    def _on_checklist(self, slot: Any) -> None:
        """Checklist keys act on the open inspection's checklist (brought to the front), nowhere else."""
        page = self._inspection_page
        if page is not None and self.stack.currentWidget() is page and page.detail is not None:
            page.show_checklist()
            slot()

    def _find(self) -> None:
        """Ctrl+F: an item on an open inspection's checklist, otherwise an inspection on the list."""
        page = self._inspection_page
        if page is not None and self.stack.currentWidget() is page and page.detail is not None:
            page.show_checklist()
            page.checklist.focus_find()
            return
        self.show_list()
        self.list_page.search.setFocus()

    def show_list(self) -> None:
        self._flush_inspection()
        self.stack.setCurrentWidget(self.list_page)
        if self._inspection_page is not None and self._inspection_page.inspection_id:
            self.list_page.select(self._inspection_page.inspection_id)

    def show_review(self) -> None:
        self._flush_inspection()
        self.stack.setCurrentWidget(self.review_page)
        self.review_page.refresh()

    def show_tracking(self) -> None:
        self._flush_inspection()
        self.stack.setCurrentWidget(self.tracking_page)
        self.tracking_page.refresh()

    def show_plans(self) -> None:
        self._flush_inspection()
        self.stack.setCurrentWidget(self.plans_page)
        self.plans_page.refresh()

    def open_inspection(self, inspection_id: str) -> None:
        self.inspection_page.open(inspection_id)
        self.stack.setCurrentWidget(self.inspection_page)

    def _open_selected(self) -> None:
        iid = self.list_page.current_id()
        if iid:
            self.open_inspection(iid)

    def new_inspection(self) -> None:
        app = self.ops.app
        self.ops.read(lambda: (app.roster.institutions(), app.roster.officers()), self._show_new_dialog)

    def _show_new_dialog(self, roster: Any) -> None:
        from inspector_app.ui.dialogs.new_inspection_dialog import NewInspectionDialog

        dialog = NewInspectionDialog(self.ops, roster, self)
        if dialog.exec() and dialog.created_id:
            self.open_inspection(dialog.created_id)

    # -- data
    def refresh_list(self) -> None:
        self.ops.read(self.ops.app.queries.inspections, self.list_page.set_rows)
        self._refresh_pending()

    def _refresh_pending(self) -> None:
        self.ops.read(self.ops.app.queries.pending_changes, self._show_pending)

    def _show_pending(self, count: int) -> None:
        self.status_pending.setText(self.tr("%n change(s) waiting to sync", "", count) if count
                                    else self.tr("All changes synced"))

    def _changed(self, changes: Changes) -> None:
        if changes.roster:
            self.refresh_list()
            return
        ids = sorted(changes.inspections)
        if ids:
            self.ops.read(lambda: [self.ops.app.queries.summary(i) for i in ids], self.list_page.update_rows)
        self._refresh_pending()

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        # Not every failure is a save (signing, export, sync…): the title says what is true of all of them.
        from PySide6.QtWidgets import QMessageBox  # an error/about box: its type (≈ 1 ms) not made at every start

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not be done"), message, parent=self)
        box.setObjectName("error_box")
        box.open()

    # -- fonts for PDF records, built once in the background (ui/fonts.py)
    def fonts_building(self) -> None:
        self.statusBar().showMessage(self.tr("Preparing the Chinese fonts for PDF records (once, about a minute)…"))

    def fonts_ready(self) -> None:
        self.statusBar().showMessage(self.tr("Fonts for PDF records ready"), 10000)

    def fonts_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("The fonts for PDF records could not be built: %1")
                                     .replace("%1", plain_message(exc)))

    # -- sync
    def _show_sync(self, status: Any) -> None:
        self.status_sync.setText(describe(status))
        if status is not None and status.last_error:
            problem = getattr(status, "last_problem", None)
            self.status_sync.setToolTip(plain_message(problem) if problem is not None else status.last_error)

    def _sign_in(self) -> None:
        if self.sync is None:
            return
        from inspector_app.ui.dialogs.sign_in_dialog import SignInDialog

        dialog = SignInDialog(self.sync.server_url or self.settings.server_url(), "", self)
        if dialog.exec():
            url = dialog.server.text().strip()
            self.settings.set_server_url(url)
            self.sync.sign_in(url, dialog.user.text().strip(), dialog.password.text())

    def _signed_in(self, result: Any) -> None:
        message = str(result) if isinstance(result, Exception) else result.message
        self.statusBar().showMessage(message, 15000)
        if isinstance(result, Exception) or not result.ok:
            from PySide6.QtWidgets import QMessageBox  # an error/about box: its type (≈ 1 ms) not made at every start

            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Sign-in"), message, parent=self)
            box.open()

    def _conflicts(self) -> None:
        from inspector_app.ui.dialogs.conflicts_dialog import ConflictsDialog

        ConflictsDialog(self.ops, self).exec()

    # -- settings
    def _set_language(self, lang: str) -> None:
        self.settings.set_language(lang)
        self.actions_.language_zh.setChecked(lang == "zh_CN")
        self.actions_.language_en.setChecked(lang == "en")
        if lang != self.language:
            from PySide6.QtWidgets import QMessageBox  # an error/about box: its type (≈ 1 ms) not made at every start

            QMessageBox.information(self, self.tr("Language"),
                                    self.tr("The new language applies the next time the app starts."))

    def _show_shortcuts(self) -> None:
        from inspector_app.ui.dialogs.shortcuts_dialog import ShortcutsDialog  # made when first opened

        ShortcutsDialog(self).exec()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # an error/about box: its type (≈ 1 ms) not made at every start

        QMessageBox.about(self, self.tr("About"), self.tr("Medical-insurance fund inspection %1\nWorkspace: %2")
                          .replace("%1", __version__).replace("%2", str(self.ops.app.paths.data_dir)))

    def _restore(self) -> None:
        geometry = self.settings.bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def save_state(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        if self._inspection_page is not None:
            self.settings.set_bytes("window/checklist_splitter",
                                    self._inspection_page.checklist.splitter.saveState())
        if self._list_page is not None:  # not made yet: what was saved last time stays
            self.settings.set_bytes("window/list_header", self._list_page.view.horizontalHeader().saveState())
            self.settings.set_filters(self._list_page.filter_state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._flush_inspection()  # anything typed but not yet committed goes to the writer queue
        self.save_state()
        if self.sync is not None:
            self.sync.stop()
        self.ops.runner.wait()
        super().closeEvent(event)
        self.closed.emit()
