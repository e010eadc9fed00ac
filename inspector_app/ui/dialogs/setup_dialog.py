"""First start of a workspace without key slots: create the workspace key, wrap it for the agency's recovery public
key (a PEM file from IT) and give the first officer a password. The officer is chosen from the roster, or — on a
new laptop whose roster is still empty — entered here and added to it. Nothing is written until OK: the caller
creates the key slots off the UI thread."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QWidget)

from inspector_app.domain.agency_time import today as agency_today
from inspector_app.ui.widgets.date_edit import DateEdit
from inspector_app.services.signin import KeySlotError, load_recovery_public_key, password_problem
from inspector_app.ui.errors import plain_message

ENV_RECOVERY_PUBLIC_KEY = "INSPECTOR_RECOVERY_PUBLIC_KEY"


class SetupDialog(QDialog):
    def __init__(self, officers: list[Any], default_key: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("setup_dialog")
        self.setWindowTitle(self.tr("Set up sign-in on this laptop"))
        self.setMinimumWidth(560)
        self.officers = officers
        self.recovery_pem: bytes = b""
        intro = QLabel(self.tr("This workspace has no sign-in yet. Choose the agency's recovery public key (a file "
                               "from IT) and your password; other officers get theirs after you sign in."), self)
        intro.setWordWrap(True)
        env = os.environ.get(ENV_RECOVERY_PUBLIC_KEY)
        self.key_path = QLineEdit(env or (str(default_key) if default_key and default_key.is_file() else ""), self)
        self.key_path.setObjectName("recovery_key")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_path, 1)
        key_row.addWidget(browse)
        self.officer = QComboBox(self)
        self.officer.setObjectName("officer")
        for o in officers:
            role = self.tr("Team lead") if o.role == "team_lead" else self.tr("Inspector")
            self.officer.addItem("　".join((o.name, role, o.certificate_no)), o)
        self.name, self.certificate, self.department = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        day = agency_today()  # the agency's day (one time zone everywhere), not the laptop's
        self.expiry = DateEdit(QDate(day.year, day.month, day.day).addYears(2), self)
        self.expiry.setCalendarPopup(True)
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Inspector"), "inspector")
        self.role.addItem(self.tr("Team lead"), "team_lead")
        self.password, self.confirm = QLineEdit(self), QLineEdit(self)
        for field in (self.password, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        form = QFormLayout(self)
        form.addRow(intro)
        # The field is a row (path + Browse), not a widget: a label made by addRow(text, layout) has no buddy, so
        # Qt printed its "&" literally; the mnemonic goes to the path field.
        key_label = QLabel(self.tr("Recovery public &key:"), self)
        key_label.setBuddy(self.key_path)
        form.addRow(key_label, key_row)
        if officers:
            form.addRow(self.tr("&Officer:"), self.officer)
        else:  # a new laptop: the roster arrives with sync; the first officer enters their own details
            form.addRow(self.tr("&Name:"), self.name)
            form.addRow(self.tr("&Certificate number (执法证号):"), self.certificate)
            form.addRow(self.tr("Certificate &valid until:"), self.expiry)
            form.addRow(self.tr("&Department:"), self.department)
            form.addRow(self.tr("R&ole:"), self.role)
        for w in ((self.name, self.certificate, self.department, self.expiry, self.role) if officers
                  else (self.officer,)):
            w.hide()  # not in the layout: kept only so new_officer()/chosen() stay simple
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat the password:"), self.confirm)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Recovery public key"), "",
                                              self.tr("PEM files (*.pem);;All files (*)"))
        if path:
            self.key_path.setText(path)

    def new_officer(self) -> dict[str, Any] | None:
        """The details typed for a new roster entry, or None when an officer of the roster was chosen."""
        if self.officers:
            return None
        return {"name": self.name.text().strip(), "certificate_no": self.certificate.text().strip(),
                "department": self.department.text().strip(), "role": self.role.currentData(),
                "certificate_expiry": dt.date.fromisoformat(self.expiry.date().toString("yyyy-MM-dd"))}

    def chosen(self) -> Any:
        return self.officer.currentData() if self.officers else None

    def _ok(self) -> None:
        path = Path(self.key_path.text().strip())
        try:
            pem = path.read_bytes()
            load_recovery_public_key(pem)
        except OSError:
            self.message.setText(self.tr("Recovery public key: %1").replace(
                "%1", self.tr("cannot read the file %1").replace("%1", str(path))))
            return
        except KeySlotError as exc:
            self.message.setText(self.tr("Recovery public key: %1").replace("%1", plain_message(exc)))
            return
        new = self.new_officer()
        if new is not None and not (new["name"] and new["certificate_no"]):
            self.message.setText(self.tr("Enter your name and certificate number."))
            return
        problem = password_problem(self.password.text())
        if problem:
            self.message.setText(plain_message(problem))
            return
        if self.password.text() != self.confirm.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        self.recovery_pem = pem
        self.accept()
