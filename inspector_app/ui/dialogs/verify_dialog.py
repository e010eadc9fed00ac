"""Verify a signed PDF offline (workspace trust roots and cached CRLs) off the GUI thread: an overall verdict, every
signature (signer, certificate, claimed time from the signer's device clock, integrity, trust, what changed after
it), the embedded whole-process record's chain and head, and each reason for failure. Any PDF file can be chosen."""

from __future__ import annotations

import datetime as dt
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

from inspector_app.ui import record_labels
from inspector_app.ui.dialogs.inline import message
from inspector_app.ui.operations import Operations

if TYPE_CHECKING:
    from inspector_app.records.verify import SignatureCheck, VerifyReport

GOOD, BAD, WARN = "#1b7f3b", "#b3261e", "#8a6d00"


def _time(value: dt.datetime | None) -> str:
    return f"{value.astimezone():%Y-%m-%d %H:%M:%S %z}" if value else "—"


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
        n = len(report.signatures)
        if report.ok:
            self._set_verdict(self.tr("✔ Valid: %n signature(s) intact and trusted; the whole-process record is "
                                      "consistent.", "", n), GOOD)
        else:
            self._set_verdict(self.tr("✘ Not valid: %n problem(s) found (listed below).", "",
                                      len(report.reasons)), BAD)
        self.details.setHtml(self.html(report))
        self.verified.emit(report)

    # -- the report as HTML
    def _yes_no(self, ok: bool, yes: str, no: str) -> str:
        return f'<span style="color:{GOOD if ok else BAD}">{escape(yes if ok else no)}</span>'

    def _row(self, label: str, value: str) -> str:
        return f'<tr><td style="color:#555; padding-right:12px">{escape(label)}</td><td>{value}</td></tr>'

    def _signature(self, n: int, s: SignatureCheck) -> str:
        head = self.tr("Signature %1: %2 — %3").replace("%1", str(n)).replace(
            "%2", record_labels.signature_field(s.field_name)).replace("%3", s.signer)
        ok = s.intact and s.valid and s.trusted and not s.revoked
        rows = [
            self._row(self.tr("Certificate"), escape(s.subject)),
            self._row(self.tr("Serial / issuer"), escape(f"{s.serial} · {s.issuer}")),
            self._row(self.tr("Certificate valid"),
                      escape(f"{_time(s.cert_not_before)} — {_time(s.cert_not_after)}")),
            self._row(self.tr("Claimed signing time (device clock, not proven)"), escape(_time(s.claimed_time))),
            self._row(self.tr("Integrity"), self._yes_no(s.intact and s.valid, self.tr("intact — signed content "
                                                                                      "unchanged"),
                                                         self.tr("BROKEN — content changed or signature damaged"))),
            self._row(self.tr("Trust"), self._yes_no(s.trusted and not s.revoked, self.tr("trusted certificate"),
                                                     self.tr("revoked") if s.revoked else self.tr("not trusted"))),
            self._row(self.tr("Signature covers"), escape(record_labels.coverage(s.coverage))),
            self._row(self.tr("Kind of later changes"), escape(record_labels.modification_level(s.modification_level))),
        ]
        later = "".join(f"<li>{escape(c)}</li>" for c in s.changes_after)
        if later:
            rows.append(self._row(self.tr("What changed after it"), f"<ul style='margin:0'>{later}</ul>"))
        for r in s.reasons:
            rows.append(self._row(self.tr("Problem"), f'<span style="color:{BAD}">{escape(r.message)}</span>'))
        color = GOOD if ok else BAD
        return (f'<h3 style="color:{color}">{"✔" if ok else "✘"} {escape(head)}</h3>'
                f"<table cellspacing='2'>{''.join(rows)}</table>")

    def html(self, report: VerifyReport) -> str:
        parts = []
        doc = [self._row(self.tr("Document"), escape(f"{report.record_number or '—'} · "
                                                     f"{record_labels.document_kind(report.doc_kind or '—')}")),
               self._row(self.tr("Content hash"), f"<code>{escape(report.printed_content_hash or '—')}</code>"),
               self._row(self.tr("Pages"), escape(self.tr("%1 when signed, %2 now").replace(
                   "%1", str(report.pages_signed if report.pages_signed is not None else "—")).replace(
                   "%2", str(report.pages_now if report.pages_now is not None else "—"))))]
        if report.pending_fields:
            doc.append(self._row(self.tr("Not yet signed"), escape(record_labels.fields(report.pending_fields))))
        parts.append(f"<table cellspacing='2'>{''.join(doc)}</table>")
        for n, s in enumerate(report.signatures, start=1):
            parts.append(self._signature(n, s))
        j = report.journal
        journal_title = self.tr("Whole-process record (journal)")
        parts.append(f"<h3>{escape(journal_title)}</h3>")
        if j is None:
            no_journal = self.tr("No journal embedded in this document.")
            parts.append(f"<p>{escape(no_journal)}</p>")
        else:
            rows = [self._row(self.tr("Hash chain"), self._yes_no(j.ok, self.tr("consistent"),
                                                                 self.tr("BROKEN or not matching"))),
                    self._row(self.tr("Events"), str(j.length)),
                    self._row(self.tr("Computed head"), f"<code>{escape(j.computed_head or '—')}</code>"),
                    self._row(self.tr("Head printed in the record"), f"<code>{escape(j.printed_head or '—')}</code>")]
            rows += [self._row(self.tr("Problem"), f'<span style="color:{BAD}">{escape(p)}</span>')
                     for p in j.problems]
            parts.append(f"<table cellspacing='2'>{''.join(rows)}</table>")
        if report.reasons:
            why = self.tr("Why it is not valid")
            parts.append(f"<h3 style='color:{BAD}'>{escape(why)}</h3><ul>")
            parts += [f"<li>{escape(r.message)} <span style='color:#777'>[{escape(r.code)}]</span></li>"
                      for r in report.reasons]
            parts.append("</ul>")
        return "".join(parts)
