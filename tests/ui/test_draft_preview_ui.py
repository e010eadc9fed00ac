"""The party reads before anyone signs (issue 13 item 4): Signatures tab → "Draft preview…" renders the record from
the current data on a worker thread, shows it in the in-app viewer, prints it, and freezes nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from inspector_app.storage.orm import InspectionRow

from tests.ui.conftest import settle
from tests.ui.test_signing_ui import awaiting_signature, open_signing

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


@needs_poppler
def test_draft_preview_before_anyone_signs(qtbot, window, app, roster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = awaiting_signature(app, roster)  # no party sign-off, no signature yet
    page = open_signing(qtbot, window, iid)
    assert page.draft_button.isEnabled()
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.viewer is not None and page.viewer.isVisible(), timeout=60000)
    viewer = page.viewer
    assert viewer.document.pageCount() >= 2
    assert "not signable" in page.info.text() or "不可签名" in page.info.text()
    path = app.paths.cache_dir / "drafts" / f"draft-{iid}.pdf"
    assert path.exists() and (path.stat().st_mode & 0o077) == 0  # personal data: owner-only file
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                           timeout=60).stdout.split("\f")[:viewer.document.pageCount()]
    assert all("草稿" in p for p in pages)
    flat = re.sub(r"\s+", "", "".join(pages))
    assert "不是笔录，不能签名" in flat and "（未编号）" in flat
    assert b"/Sig" not in path.read_bytes() and b"/EmbeddedFiles" not in path.read_bytes()

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # printable: the same pages on a (PDF) printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert viewer.print_to(printer) == viewer.document.pageCount()
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True).stdout
    assert f"Pages:           {viewer.document.pageCount()}" in info

    # nothing was frozen, numbered or journaled: the inspection can still be signed as before
    with app.ctx.read() as s:
        row = s.get(InspectionRow, iid)
        assert row.content_hash is None and not row.record_number
    viewer.close()
    settle(qtbot, window)
