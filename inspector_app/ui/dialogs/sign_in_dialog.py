"""Sign in to the sync server (offline sign-in works after a first online one on this laptop)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class SignInDialog(QDialog):
    def __init__(self, server_url: str, user: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the sync server"))
        self.setMinimumWidth(460)
        self.server = QLineEdit(server_url or "http://127.0.0.1:8765", self)
        self.user = QLineEdit(user, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(QLabel(self.tr("Without a network you can still sign in on a laptop where you signed in "
                                   "online before; changes sync when the server is reachable."), self))
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _ok(self) -> None:
        if not (self.server.text().strip() and self.user.text().strip() and self.password.text()):
            self.message.setText(self.tr("Fill in the server, the user and the password."))
            return
        self.accept()
