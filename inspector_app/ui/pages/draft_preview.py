"""The Signatures tab's "Draft preview…": the party reads the record before anyone signs (issue 13 item 4).

Signing freezes the record, so what the party reads first is a draft rendered from the current data (草稿 on every
page, no signature fields, nothing embedded; records.render draft=True). It is rendered on the worker pool and shown
in the in-app viewer, which can print it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton



class DraftPreview(QObject):
    def __init__(self, page: Any):
        super().__init__(page)
        self.page = page
        self.button = QPushButton(self.tr("D&raft preview…"), page)
        self.button.setObjectName("draft_preview")
        self.button.setToolTip(self.tr("Show the record as it stands now, marked DRAFT, for the party to read and "
                                       "print before anyone signs. It is not the record and cannot be signed."))
        self.button.clicked.connect(self.start)

    def start(self) -> None:
        page = self.page
        iid = page.inspection_id
        if iid is None:
            return
        signing = page.ops.app.signing
        target = Path(page.ops.app.paths.cache_dir) / "drafts" / f"draft-{iid}.pdf"
        self.button.setEnabled(False)
        page.info.setText(self.tr("Preparing the draft…"))
        page.ops.read(lambda: signing.draft_preview(iid, target), self._done, self._failed)

    def _done(self, result: tuple[Path, int]) -> None:
        page = self.page
        page._update_buttons()
        page.info.setText(self.tr("Draft: %1 pages, marked DRAFT on every page; not signable.")
                          .replace("%1", str(result[1])))
        if page.viewer is not None:
            page.viewer.close()
        from inspector_app.ui.widgets.pdf_viewer import PdfViewer  # QtPdf: loaded when a PDF is shown

        page.viewer = PdfViewer(result[0], self.tr("Draft – on-site inspection record (not signable)"), page.window())
        page.viewer.setObjectName("draft_viewer")
        page.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.viewer.destroyed.connect(page._viewer_gone)
        page.viewer.show()

    def _failed(self, error: BaseException) -> None:
        self.page._update_buttons()
        self.page.info.setText(self.tr("The draft could not be made: %1").replace("%1", str(error)))
