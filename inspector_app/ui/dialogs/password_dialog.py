"""Change the signed-in officer's password: re-wraps that officer's key slot only (the data is untouched)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from inspector_app.services.signin import password_problem
from inspector_app.ui.errors import plain_message


class ChangePasswordDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("change_password")
        self.setWindowTitle(self.tr("Change password — %1").replace("%1", name))
        self.setMinimumWidth(420)
        self.old, self.new, self.confirm = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        for field in (self.old, self.new, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Current password:"), self.old)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat the new password:"), self.confirm)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _ok(self) -> None:
        problem = password_problem(self.new.text())
        if problem:
            self.message.setText(plain_message(problem))
        elif self.new.text() != self.confirm.text():
            self.message.setText(self.tr("The two passwords differ."))
        else:
            self.accept()
