"""The photo pages of the 证据清单: two photos per row, each with its number, caption, capture time and SHA-256.

A row is one flowable that draws its frame, images and captions directly. As a ReportLab Table (one row per pair,
an Image, a Spacer and the caption lines per cell) the photo pages cost about three times the bare canvas placing
the same JPEGs; drawn directly they cost little more than the images themselves. The JPEG is embedded byte for byte
(pdf-records.md §3: useA85 = 0, DCTDecode passthrough); only its header is read here, for the aspect ratio.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image as PILImage
from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from inspector_app.records import _layout as L
from inspector_app.records._linebreak import Lines
from inspector_app.records.model import EvidenceRow

PAD = 2 * mm          # inside each cell
MAX_IMG_H = 56 * mm   # as tall as a photo prints
GAP = 1.2 * mm        # between the photo and its caption


class PhotoRow(Flowable):
    """One row of up to two photo cells, framed like a table row (the rows stack into a grid)."""

    def __init__(self, rows: Sequence[EvidenceRow], width: float = L.FRAME_W):
        super().__init__()
        self.cells = list(rows)
        self.cell_w = width / 2
        self.width = width
        cap, tiny = L.STYLES["caption"], L.STYLES["tiny"]
        self._captions = [Lines([
            (f"{e.number}　{e.caption}", cap.fontName, cap.fontSize, cap.leading, cap.textColor),
            (f"拍摄／采集时间：{L.fmt_dt(e.captured_at)}", tiny.fontName, tiny.fontSize, tiny.leading, tiny.textColor),
            (f"SHA-256：{e.sha256}", tiny.fontName, tiny.fontSize, tiny.leading, tiny.textColor)])
            for e in self.cells]
        self._sizes = []
        max_w = self.cell_w - 2 * PAD
        for e in self.cells:
            with PILImage.open(e.print_image) as im:  # header only
                w, h = im.size
            s = min(max_w / w, MAX_IMG_H / h)
            self._sizes.append((w * s, h * s))
        self.height = 0.0

    def wrap(self, availWidth, availHeight):  # noqa: N803 - ReportLab API
        inner = self.cell_w - 2 * PAD
        heights = [ih + GAP + c.wrap(inner, availHeight)[1] for (_, ih), c in zip(self._sizes, self._captions)]
        self.height = max(heights, default=0) + 2 * PAD
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColor(L.GRID)
        c.setLineWidth(0.3)
        c.rect(0, 0, self.width, self.height)
        c.line(self.cell_w, 0, self.cell_w, self.height)
        for i, (e, (iw, ih), caption) in enumerate(zip(self.cells, self._sizes, self._captions)):
            x0 = i * self.cell_w
            top = self.height - PAD
            c.drawImage(str(e.print_image), x0 + (self.cell_w - iw) / 2, top - ih, iw, ih)
            caption.drawOn(c, x0 + PAD, top - ih - GAP - caption.height)
        c.restoreState()


def photo_rows(photos: Sequence[EvidenceRow]) -> list[PhotoRow]:
    return [PhotoRow(photos[i:i + 2]) for i in range(0, len(photos), 2)]
