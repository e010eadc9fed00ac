"""Verify a signed PDF offline (workspace trust roots, cached and embedded CRLs) off the GUI thread: the decision
first, then one plain line per check (record structure; per signature integrity, trust, the signer bound to its place
and role, revocation, the claimed device-clock time; the stage reached; journal, content and pages). Any PDF file
can be chosen; a document of this workspace must reach the stage its database claims."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui import record_labels, verify_words
from inspector_app.ui.dialogs.inline import message
from inspector_app.ui.operations import Operations

if TYPE_CHECKING:
    from inspector_app.records.verify import VerifyReport

GOOD, BAD, WARN = "#1b7f3b", "#b3261e", "#8a6d00"


class VerifyDialog(QDialog):
    verified = Signal(object)  # VerifyReport
    failed = Signal(str)

    def __init__(self, ops: Operations, path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.path: Path | None = None
        self.report: VerifyReport | None = None
        self.setWindowTitle(self.tr("Verify a signed PDF"))
        self.resize(820, 720)
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose PDF file…"), self)
        self.choose_button.setObjectName("verify_choose")
        self.choose_button.clicked.connect(self.choose)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verify_verdict")
        self.verdict.setWordWrap(True)
        self.details = QTextBrowser(self)
        self.details.setObjectName("verify_details")
        self.details.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        if path is not None:
            self.verify(path)
        else:
            self._set_verdict(self.tr("Choose a PDF file to verify."), WARN)

    def choose(self) -> None:
        folder = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("PDF to verify"), folder,
                                              self.tr("PDF documents (*.pdf);;All files (*)"))
        if name:
            self.verify(Path(name))

    def verify(self, path: Path, label: str = "") -> None:
        self.path = Path(path)
        self.report = None
        self.file_label.setText(self.tr("File: %1").replace("%1", escape(label or self.path.name)))
        self.file_label.setToolTip(str(self.path))
        self._set_verdict(self.tr("Verifying…"), WARN)
        self.details.clear()
        self.choose_button.setEnabled(False)
        verification = self.ops.app.verification
        target = self.path
        self.ops.read(lambda: (target, verification.verify(target)), self._show, self._error)

    def _set_verdict(self, text: str, color: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {color};")

    def _error(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        text = message(exc)
        self._set_verdict(self.tr("Could not verify: %1").replace("%1", text), BAD)
        self.failed.emit(text)

    def _show(self, result: tuple[Path, VerifyReport]) -> None:
        path, report = result
        self.choose_button.setEnabled(True)
        if path != self.path:
            return  # another file was chosen meanwhile
        self.report = report
        color = GOOD if report.ok else WARN if report.decision == "revocation_unchecked" else BAD
        self._set_verdict(verify_words.decision(report), color)
        self.details.setHtml(self.html(report))
        self.verified.emit(report)

    # -- the report as HTML: one line per check, in the order the verifier made them
    def html(self, report: VerifyReport) -> str:
        marks = {"ok": ("✔", GOOD), "fail": ("✘", BAD), "unchecked": ("?", WARN), "info": ("·", "#555")}
        rows = []
        for c in report.checks:
            mark, color = marks.get(c.status, ("·", "#555"))
            indent = "padding-left:18px;" if c.topic in ("binding", "role", "revocation", "time") else ""
            rows.append(f'<tr><td style="color:{color}; {indent}">{mark}</td>'
                        f'<td style="{indent}">{escape(verify_words.line(c))}</td></tr>')
        if report.pending_fields:
            pending = self.tr("Not yet signed: %1").replace("%1", record_labels.fields(report.pending_fields))
            rows.append(f'<tr><td>·</td><td>{escape(pending)}</td></tr>')
        return f"<table cellspacing='3'>{''.join(rows)}</table>"
