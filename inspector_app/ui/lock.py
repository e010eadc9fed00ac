"""The screen lock: after an idle period (default 10 minutes, File → Lock when idle after…) or on demand (Ctrl+L)
the window's content is hidden and every open dialog is covered; unlocking needs the signed-in officer's password
(checked off the UI thread against the key slot). "Switch officer" is a sign-out then a sign-in, both journaled
with the officer as the actor. The window title never carries data, so it stays as it is."""

from __future__ import annotations

import contextlib
import hmac
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from inspector_app.services.signin import SignInOfficer, WorkspaceKeys, WrongPasswordError
from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog
from inspector_app.ui.operations import Operations
from inspector_app.ui.settings import UiSettings
from inspector_app.ui.errors import plain_message
from inspector_app.ui.tasks import GuiGarbageCollector

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin}


class LockCover(QWidget):
    """An opaque panel over a window's whole area while locked."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        label = QLabel(self.tr("Locked. Sign in to continue."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 18pt; color: #555;")
        QVBoxLayout(self).addWidget(label)
        parent.installEventFilter(self)
        self._fit()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self._fit()
        return False


class LockController(QObject):
    def __init__(self, window: QMainWindow, ops: Operations, keys: WorkspaceKeys, officer: SignInOfficer,
                 key: bytes, settings: UiSettings):
        super().__init__(window)
        self.window, self.ops, self.keys, self.officer, self._key = window, ops, keys, officer, key
        self.settings = settings
        self.locked = False
        self._signed_out = False  # set once the sign-out at quitting is journaled
        self.dialog: OfficerSignInDialog | None = None
        self._covers: list[LockCover] = []
        self._hidden: list[QWidget] = []
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(lambda: self.lock("idle"))
        self.set_idle_seconds(settings.idle_lock_seconds())
        # Input is watched on the windows (QWindow), not on the application: an application-wide Python filter is
        # called for every event of every object (~780 to build one file dialog), which made every turn of the GUI
        # thread 1.5-3x its CPU. The window system delivers each key, click and wheel to a window first; the one
        # with the keyboard focus is filtered as soon as it has it, so dialogs opened later count too.
        for handle in QGuiApplication.topLevelWindows():
            handle.installEventFilter(self)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._watch_window)
        window.installEventFilter(self)  # its Close: the sign-out (below)
        a = window.actions_  # type: ignore[attr-defined]
        a.lock.triggered.connect(lambda: self.lock("manual"))
        a.switch_officer.triggered.connect(self.switch_officer)
        a.idle_lock.triggered.connect(self._ask_idle)
        a.change_password.triggered.connect(self.change_password)
        window.destroyed.connect(self._detach)
        ops.actor_changed.connect(self._show_officer)

    def _show_officer(self) -> None:
        label = getattr(self.window, "status_user", None)
        if label is not None:
            label.setText(self.window.tr("Officer: %1").replace("%1", self.ops.actor.name))

    def _watch_window(self, handle: QWindow | None) -> None:
        if handle is not None:
            handle.installEventFilter(self)  # once per window: installing again only moves it first

    def _detach(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            with contextlib.suppress(RuntimeError):  # already gone with this controller
                app.focusWindowChanged.disconnect(self._watch_window)
            for handle in QGuiApplication.topLevelWindows():
                handle.removeEventFilter(self)

    # -- password
    def change_password(self) -> None:
        from inspector_app.ui.dialogs.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.officer.name, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        keys, oid, old, new = self.keys, self.officer.officer_id, dialog.old.text(), dialog.new.text()
        actor, session = self.ops.actor, self.ops.app.session

        def done(_result: object) -> None:
            self.ops.write(lambda: session.password_set(actor, oid, "change"))
            self.window.statusBar().showMessage(self.tr("Password changed."), 10000)

        def failed(exc: BaseException) -> None:
            text = (self.tr("The current password is wrong.") if isinstance(exc, WrongPasswordError)
                    else plain_message(exc))
            from PySide6.QtWidgets import QMessageBox  # an error/about box: its type (≈ 1 ms) not made at every start

            QMessageBox.warning(self.window, self.tr("Change password"), text)

        self.ops.read(lambda: keys.change_password(oid, old, new), done, failed)  # slow KDF: off the GUI thread

    # -- idle
    def set_idle_seconds(self, seconds: int) -> None:
        self._idle.setInterval(int(seconds) * 1000)
        if not self.locked:
            self._idle.start()

    def _ask_idle(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # its class and enums only when asked (not for the frame)

        minutes, ok = QInputDialog.getInt(self.window, self.tr("Idle lock"),
                                          self.tr("Lock the app after this many minutes without input:"),
                                          max(1, self.settings.idle_lock_seconds() // 60), 1, 240)
        if ok:
            self.settings.set_idle_lock_seconds(minutes * 60)
            self.set_idle_seconds(minutes * 60)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.locked and event.type() in _INPUT:
            self._idle.start()
        elif watched is self.window and event.type() == QEvent.Type.Close and not self._signed_out:
            # queued before MainWindow.closeEvent waits for the writer, so the sign-out is in the journal
            self._signed_out = True
            actor, ops = self.ops.actor, self.ops  # ops.app read when run: the window may still be opening
            ops.write(lambda: ops.app.session.signed_out(actor, "quit"))
        return False

    # -- lock and unlock
    def _cover(self) -> None:
        if self._covers:
            return
        central = self.window.centralWidget()
        self._hidden = [w for w in (central, self.window.menuBar(), *self.window.findChildren(QWidget))
                        if w is not None and w.isVisible() and w.parentWidget() is self.window
                        and w is not self.window.statusBar() and not isinstance(w, (QDialog, LockCover))]
        for w in self._hidden:
            w.hide()
        self.window.statusBar().clearMessage()
        targets = [self.window] + [d for d in QApplication.topLevelWidgets()
                                   if isinstance(d, QDialog) and d.isVisible() and d is not self.dialog]
        self._covers = [LockCover(t) for t in targets]
        for c in self._covers:
            c.show()

    def _uncover(self) -> None:
        for c in self._covers:
            c.hide()
            c.deleteLater()
        self._covers = []
        for w in self._hidden:
            w.show()
        self._hidden = []

    def lock(self, reason: str) -> None:
        if self.locked:
            return
        self.locked = True
        self._idle.stop()
        self._cover()
        GuiGarbageCollector.full_collect()  # the officer is away: the frozen survivors too (ui/tasks.py)
        actor, ops = self.ops.actor, self.ops  # ops.app read when run: the window may still be opening
        ops.write(lambda: ops.app.session.locked(actor, reason))
        self._ask_unlock()

    def _ask_unlock(self) -> None:
        officer = self.officer
        self.dialog = OfficerSignInDialog([officer], self._check_same_key, self.window, unlock_mode=True)
        self.dialog.setWindowTitle(self.tr("Locked"))
        self.dialog.setObjectName("unlock_dialog")
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        switch = self.dialog.buttons.addButton(self.tr("S&witch officer…"),
                                               self.dialog.buttons.ButtonRole.ActionRole)
        switch.setObjectName("switch_officer")
        switch.clicked.connect(lambda: self.dialog.done(2) if self.dialog else None)
        self.dialog.finished.connect(self._after_unlock)
        self.dialog.open()

    def _check_same_key(self, officer: SignInOfficer, password: str) -> bytes:
        key = self.keys.unlock(officer.officer_id, password)
        if not hmac.compare_digest(key, self._key):
            raise WrongPasswordError()
        return key

    def _after_unlock(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            actor, session = self.ops.actor, self.ops.app.session
            self.ops.write(lambda: session.unlocked(actor))
            self._unlock_ui()
        elif result == 2:
            self._switch()
        else:
            self._quit()

    def _unlock_ui(self) -> None:
        self._uncover()
        self.locked = False
        self._idle.start()

    # -- switch officer
    def switch_officer(self) -> None:
        if self.locked:
            return
        self.locked = True
        self._idle.stop()
        self._cover()
        self._switch()

    def _switch(self) -> None:
        actor, session = self.ops.actor, self.ops.app.session
        self.ops.write(lambda: session.signed_out(actor, "switch"))
        self._signed_out = True  # nobody is signed in until the next sign-in
        roster = self.ops.app.roster
        self.ops.read(roster.officers, self._show_sign_in, lambda _e: self._show_sign_in([]))

    def _show_sign_in(self, roster: list[Any]) -> None:
        with_slot = self.keys.officers()
        known = {o.officer_id for o in with_slot}
        first_use = [SignInOfficer(o.id, o.name, o.role, o.certificate_no, has_password=False)
                     for o in roster if o.id not in known]
        self.dialog = OfficerSignInDialog(with_slot + first_use, self._check_same_key, self.window,
                                          set_password=self._first_password)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(self._after_switch)
        self.dialog.open()

    def _first_password(self, officer: SignInOfficer, password: str) -> bytes:
        """An officer of the roster without a slot: wrap the key this app already holds for them."""
        self.keys.set_password(self._key, officer.officer_id, officer.name, officer.role, officer.certificate_no,
                               password)
        return self._key

    def _after_switch(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        officer = dialog.officer if dialog is not None else None
        if dialog is not None:
            dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or officer is None:
            self._quit()
            return
        first_use = not officer.has_password
        self.officer = SignInOfficer(officer.officer_id, officer.name, officer.role, officer.certificate_no)
        self.ops.set_actor(self.officer.actor(), officer.role)
        actor, session = self.ops.actor, self.ops.app.session
        if first_use:
            self.ops.write(lambda: session.password_set(actor, actor.officer_id or "", "first_use"))
        self.ops.write(lambda: session.signed_in(actor))
        self._signed_out = False
        self._unlock_ui()

    def _quit(self) -> None:
        """The way out is explicit: no officer signed in, so the app closes (after flushing every write); the
        covers stay until the window is gone."""
        self.window.close()
