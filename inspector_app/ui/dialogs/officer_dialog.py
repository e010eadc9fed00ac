"""Officer sign-in: pick one name (shown with role and 执法证号 from the key slots, readable before anything is
unlocked), type the password; the workspace key is unwrapped off the UI thread (the key derivation is slow on purpose).

An officer of the roster without a password yet (listed only when the workspace is already unlocked, i.e. on
"switch officer") sets one here: the new slot wraps the key the app already holds. The way out is explicit: a
Quit button at start-up (Cancel when switching); closing the dialog counts as that button."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from inspector_app.services.signin import SignInOfficer, WrongPasswordError
from inspector_app.ui.errors import plain_message

if TYPE_CHECKING:  # an annotation only: making the type (QEvent's with it) costs ≈ 1 ms before the first window
    from PySide6.QtGui import QCloseEvent

# (officer, password) -> workspace key; raises KeySlotError (WrongPasswordError) on failure
UnlockFn = Callable[[SignInOfficer, str], bytes]


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], done: Signal):
        super().__init__()
        self._fn, self._done = fn, done

    def run(self) -> None:
        try:
            result: Any = self._fn()
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            result = exc
        try:
            self._done.emit(result)
        except RuntimeError:
            pass  # the dialog is gone


class _Relay(QObject):
    done = Signal(object)


class OfficerSignInDialog(QDialog):
    def __init__(self, officers: list[SignInOfficer], unlock: UnlockFn, parent: QWidget | None = None,
                 quit_text: str | None = None, preselect: str | None = None,
                 set_password: UnlockFn | None = None, unlock_mode: bool = False):
        super().__init__(parent)
        self.setObjectName("officer_sign_in")
        self.setWindowTitle(self.tr("Sign in"))
        self.resize(560, 460)
        self._unlock, self._set_password = unlock, set_password
        self.officer: SignInOfficer | None = None
        self.key: bytes | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        intro = QLabel(self.tr("Choose your name and enter your password. Everything you do is recorded under "
                               "your name in the whole-process record."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("officers")
        for o in officers:
            role = self.tr("Team lead") if o.is_team_lead else self.tr("Inspector")
            certificate = self.tr("Certificate %1").replace("%1", o.certificate_no)
            text = "　".join((o.name, role, certificate))
            if not o.has_password:
                text += "　(" + self.tr("no password yet") + ")"
            item = QListWidgetItem(text, self.list)
            item.setData(256, o)
            item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)  # one choice, no checkboxes
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_label = QLabel(self.tr("&Repeat the new password:"), self)
        self.confirm_label.setBuddy(self.confirm)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.confirm_label, self.confirm)
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = QPushButton(self.tr("&Sign in"), self)
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setDefault(True)
        self.quit_button = QPushButton(quit_text or self.tr("&Quit"), self)
        self.quit_button.setObjectName("quit")
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.quit_button.clicked.connect(self.reject)
        self.password.returnPressed.connect(self._sign_in)
        self.confirm.returnPressed.connect(self._sign_in)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if unlock_mode and officers:  # the lock screen: the signed-in officer only, no list to choose from
            o = officers[0]
            intro.setText(self.tr("Locked. %1 (%2, certificate %3): enter your password to unlock.")
                          .replace("%1", o.name).replace("%2", self.tr("Team lead") if o.is_team_lead
                                                         else self.tr("Inspector")).replace("%3", o.certificate_no))
            self.list.hide()
            self.sign_in_button.setText(self.tr("&Unlock"))
            self.resize(520, 180)
        self.list.currentRowChanged.connect(self._selected)
        row = next((n for n, o in enumerate(officers) if preselect in (o.officer_id, o.name)), 0)
        if officers:
            self.list.setCurrentRow(row)
        else:
            self.message.setText(self.tr("Nobody can sign in on this laptop yet: ask IT to set up your "
                                         "password (inspector keys)."))
            self.sign_in_button.setEnabled(False)
        self._selected(self.list.currentRow())
        self.password.setFocus()

    def chosen(self) -> SignInOfficer | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    def _selected(self, _row: int) -> None:
        o = self.chosen()
        first_use = o is not None and not o.has_password
        self.confirm.setVisible(first_use)
        self.confirm_label.setVisible(first_use)
        self.message.setText(self.tr("First sign-in: choose a password (at least 8 characters).")
                             if first_use else "")

    def _sign_in(self) -> None:
        o = self.chosen()
        password = self.password.text()
        if o is None or not self.sign_in_button.isEnabled():
            return
        if not password:
            self.message.setText(self.tr("Enter your password."))
            return
        fn = self._unlock
        if not o.has_password:
            if self._set_password is None:
                self.message.setText(self.tr("This officer has no password on this laptop yet."))
                return
            if password != self.confirm.text():
                self.message.setText(self.tr("The two passwords differ."))
                return
            fn = self._set_password
        self.sign_in_button.setEnabled(False)
        self.list.setEnabled(False)
        self.message.setText(self.tr("Checking the password…"))
        self._pool.start(_Job(lambda: (o, fn(o, password)), self._relay.done))

    def _finished(self, result: Any) -> None:
        self.sign_in_button.setEnabled(True)
        self.list.setEnabled(True)
        if isinstance(result, Exception):
            self.password.selectAll()
            self.password.setFocus()
            self.message.setText(self.tr("Wrong password. Try again, or ask IT to reset it with the recovery "
                                         "key.") if isinstance(result, WrongPasswordError) else plain_message(result))
            return
        self.officer, self.key = result
        self.password.clear()
        self.confirm.clear()
        self.accept()

    def done(self, r: int) -> None:  # noqa: D401 - Qt override
        self._pool.waitForDone(30000)
        super().done(r)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - closing is the Quit button, said so
        self.reject()
        event.accept()
