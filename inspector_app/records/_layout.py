"""ReportLab building blocks shared by the record, addendum and notice layouts.

The settings of pdf-records.md §3 live here: useA85 = 0 (JPEGs pass through byte for byte), FONTNAME in every
TableStyle, initialFontName/bulletFontName = CJK, wordWrap = "CJK", signature PNGs with mask="auto", and a two-pass
canvas that prints "第 x 页 共 y 页" and the per-page initials line. Nothing here knows about a particular document.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, SimpleDocTemplate, Table, TableStyle

from inspector_app.fonts import RL_BOLD, RL_REGULAR, FontSet, register_reportlab  # noqa: F401 (re-exported)
from inspector_app.records._linebreak import Lines, Para, lines, plain  # noqa: F401 (Lines re-exported)
from inspector_app.records.model import CN_TZ

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 26 * mm, 24 * mm, 26 * mm, 30 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R  # 160 mm

INK = colors.HexColor("#1a1a1a")
RULE_RED = colors.HexColor("#b0121b")      # 版头分隔线
GRID = colors.HexColor("#444444")
HEAD_BG = colors.HexColor("#e9ecef")
SECTION_BG = colors.HexColor("#f4f6f8")
VIOLATION_BG = colors.HexColor("#fde3e1")
VIOLATION_INK = colors.HexColor("#b0121b")
MUTED = colors.HexColor("#666666")


def prepare(fontset: FontSet) -> None:
    """Register the CJK fonts and switch off ASCII85 (15x faster, 25 % smaller with photos)."""
    register_reportlab(fontset)
    rl_config.useA85 = 0


def _style(name: str, size: float, *, bold: bool = False, align: int = TA_LEFT, leading: float | None = None,
           color=INK, **kw) -> ParagraphStyle:
    font = RL_BOLD if bold else RL_REGULAR
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.45, alignment=align,
                          textColor=color, wordWrap="CJK", bulletFontName=RL_REGULAR, **kw)


STYLES: dict[str, ParagraphStyle] = {
    "agency": _style("agency", 18, bold=True, align=TA_CENTER, leading=24, color=RULE_RED),
    "title": _style("title", 22, bold=True, align=TA_CENTER, leading=30, spaceBefore=2),
    "docno": _style("docno", 10.5, align=TA_CENTER, leading=16),
    "h2": _style("h2", 12, bold=True, leading=18, spaceBefore=8, spaceAfter=4),
    "body": _style("body", 10.5, leading=17, firstLineIndent=21),
    "plain": _style("plain", 10.5, leading=17),
    "cell": _style("cell", 9, leading=12.5),
    "cell_b": _style("cell_b", 9, bold=True, leading=12.5),
    "cell_c": _style("cell_c", 9, leading=12.5, align=TA_CENTER),
    "cell_r": _style("cell_r", 9, leading=12.5, align=TA_RIGHT),
    "small": _style("small", 7.5, leading=10),
    "tiny": _style("tiny", 6.3, leading=8, color=MUTED),
    "caption": _style("caption", 8, leading=10.5),
    "right": _style("right", 10.5, leading=17, align=TA_RIGHT),
}


def P(text: str, style: str = "cell", *, markup: bool = False) -> Flowable:
    """A paragraph of plain text (escaped; newlines kept) unless `markup` is set."""
    st = STYLES[style]
    if markup:
        return Para(text, st)
    if not st.firstLineIndent and not st.spaceBefore and not st.spaceAfter:
        return lines(text, st)  # cells and captions: the cheap flowable, same 禁则 rules
    return plain(text, st)


def esc(text: str) -> str:
    return escape(text or "").replace("\n", "<br/>")


# ------------------------------------------------------------------------------------------------ formatting


def fmt_dt(value: dt.datetime | None, *, date_only: bool = False, seconds: bool = False) -> str:
    """年月日时分 in China time (records print times to the minute)."""
    if value is None:
        return "—"
    local = value.astimezone(CN_TZ) if value.tzinfo else value
    if date_only:
        return f"{local.year}年{local.month}月{local.day}日"
    text = f"{local.year}年{local.month}月{local.day}日{local.hour:02d}时{local.minute:02d}分"
    return text + f"{local.second:02d}秒" if seconds else text


def fmt_time(value: dt.datetime | None) -> str:
    if value is None:
        return "—"
    local = value.astimezone(CN_TZ) if value.tzinfo else value
    return f"{local.hour:02d}时{local.minute:02d}分"


def fmt_date(value: dt.date | None) -> str:
    return "—" if value is None else f"{value.year}年{value.month}月{value.day}日"


def fmt_money(value: Decimal) -> str:
    return f"{value:,.2f}"


# ------------------------------------------------------------------------------------------------ tables


def grid_table(rows: list[list], widths: Sequence[float], *, header_rows: int = 1,
               extra: Sequence[tuple] = (), valign: str = "MIDDLE") -> Table:
    """A bordered table. FONTNAME is set for every cell, or Table would put an unembedded Helvetica in the file."""
    style = [
        ("FONTNAME", (0, 0), (-1, -1), RL_REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        style += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
                  ("FONTNAME", (0, 0), (-1, header_rows - 1), RL_BOLD)]
    style += list(extra)
    return Table(rows, colWidths=list(widths), repeatRows=header_rows, style=TableStyle(style))


def plain_table(rows: list[list], widths: Sequence[float], extra: Sequence[tuple] = ()) -> Table:
    """A borderless layout table (still with FONTNAME)."""
    style = [("FONTNAME", (0, 0), (-1, -1), RL_REGULAR), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2), *extra]
    return Table(rows, colWidths=list(widths), style=TableStyle(style))


def png_image(png: bytes, max_w: float, max_h: float) -> Image:
    """A handwritten signature (PNG with alpha) scaled into max_w x max_h; alpha becomes an /SMask."""
    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    scale = min(max_w / w, max_h / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale, mask="auto")


class Rule(Flowable):
    """A horizontal rule across the frame (the red 版头 separator)."""

    def __init__(self, color=RULE_RED, thickness: float = 1.2, space: float = 4):
        super().__init__()
        self.color, self.thickness, self.space = color, thickness, space

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.thickness + 2 * self.space

    def draw(self):
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        y = self.space + self.thickness / 2
        self.canv.line(0, y, self.width, y)


# ------------------------------------------------------------------------------------------------ signature slots


@dataclass(frozen=True, slots=True)
class SigField:
    """Where a signature field goes: absolute box in PDF points on a 1-based page."""

    field_name: str
    signer: str        # officer_id or model.LEAD
    signer_name: str
    role: str          # printed role, e.g. 执法人员, 检查组组长
    page: int          # 1-based (pyHanko's on_page is page - 1)
    box: tuple[int, int, int, int]


class SignatureSlot(Flowable):
    """An empty box for a digital signature. It records its absolute position and page when drawn, so pyHanko
    creates the field exactly there; printed unsigned, it shows a dashed frame."""

    def __init__(self, sink: list[SigField], field_name: str, signer: str, signer_name: str, role: str,
                 width: int = 176, height: int = 62):
        super().__init__()
        self.sink, self.field_name, self.signer = sink, field_name, signer
        self.signer_name, self.role = signer_name, role
        self.width, self.height = width, height

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        c = self.canv
        # pyHanko sizes the appearance BBox in whole points: record an integer box (the frame is integer-sized)
        ax, ay = c.absolutePosition(0, 0)
        x1, y1 = round(ax), round(ay)
        self.sink.append(SigField(self.field_name, self.signer, self.signer_name, self.role, c.getPageNumber(),
                                  (x1, y1, x1 + self.width, y1 + self.height)))
        c.saveState()
        c.setStrokeColor(colors.HexColor("#9aa0a6"))
        c.setDash(2, 2)
        c.setLineWidth(0.6)
        c.translate(x1 - ax, y1 - ay)  # draw the frame exactly where the field will be
        c.rect(0, 0, self.width, self.height)
        c.setFillColor(colors.HexColor("#9aa0a6"))
        c.setFont(RL_REGULAR, 7)
        c.drawCentredString(self.width / 2, self.height / 2 - 2.5, "（电子签名处）")
        c.restoreState()


# ------------------------------------------------------------------------------------------------ canvas


@dataclass
class PageDecor:
    """What every page carries besides the story."""

    header: str = ""                         # small running header from page 2 on
    initials: bool = True                    # the 每页签名/捺印 line
    party_png: bytes | None = None           # drawn small on the party's initials line
    party_label: str = "当事人"               # who signs every page (询问笔录: 被询问人)
    party_note: str = ""                     # e.g. 拒签 note instead of an image
    officer_pngs: tuple[bytes, ...] = ()     # drawn small on the officers' initials line
    info: dict[str, str] = field(default_factory=dict)  # extra /Info entries (machine-readable)
    watermark: str = ""                      # e.g. 草稿: drawn large and light across every page


class _Info(PDFInfo):
    extra: dict[str, str] = {}

    def format(self, document):
        base = super().format(document)  # the standard keys, already serialised
        if not self.extra:
            return base
        entries = {k: PDFString(v) for k, v in self.extra.items()}
        tail = PDFDictionary(entries).format(document)
        # merge: "<< a b >>" + "<< c d >>" -> "<< a b c d >>"
        return base.rstrip()[:-2] + tail.lstrip()[2:]


def _canvas_class(decor: PageDecor) -> type[Canvas]:
    readers: dict[str, ImageReader] = {}
    forms: set[str] = set()

    def reader(key: str, png: bytes) -> ImageReader:
        if key not in readers:
            readers[key] = ImageReader(io.BytesIO(png))
        return readers[key]

    class DecoratedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("initialFontName", RL_REGULAR)
            super().__init__(*args, **kwargs)
            info = _Info()
            info.__dict__.update(self._doc.info.__dict__)
            info.extra = dict(decor.info)
            self._doc.info = info
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            n = self._pageNumber
            self.saveState()
            self.setFillColor(INK)
            if decor.header and n > 1:
                self.setFont(RL_REGULAR, 8)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - MARGIN_R, PAGE_H - 15 * mm, decor.header)
                self.setStrokeColor(colors.HexColor("#bbbbbb"))
                self.setLineWidth(0.4)
                self.line(MARGIN_L, PAGE_H - 16.5 * mm, PAGE_W - MARGIN_R, PAGE_H - 16.5 * mm)
                self.setFillColor(INK)
            if decor.initials:
                self._initials_line()
            if decor.watermark:
                self._watermark(decor.watermark)
            self.setFont(RL_REGULAR, 9)
            self.drawCentredString(PAGE_W / 2, 10 * mm, f"第 {n} 页 共 {total} 页")
            self.restoreState()

        def _initials_line(self) -> None:
            y = 19 * mm
            self.setStrokeColor(INK)
            self.setLineWidth(0.5)
            self.setFont(RL_REGULAR, 8.5)
            label = f"{decor.party_label}（签名/捺印）："
            self.drawString(MARGIN_L, y, label)
            lx = MARGIN_L + max(30 * mm, self.stringWidth(label, RL_REGULAR, 8.5) + 1 * mm)
            self.line(lx, y - 1.5, lx + 36 * mm, y - 1.5)
            if decor.party_png:
                self._small_png("party", decor.party_png, lx + 1 * mm, y - 1, 34 * mm, 7.5 * mm)
            elif decor.party_note:
                self.setFont(RL_REGULAR, 7.5)
                self.drawString(lx + 1 * mm, y + 0.5, decor.party_note)
                self.setFont(RL_REGULAR, 8.5)
            ox = MARGIN_L + 72 * mm
            self.drawString(ox, y, "执法人员（签名）：")
            sx = ox + 27 * mm
            self.line(sx, y - 1.5, PAGE_W - MARGIN_R, y - 1.5)
            slot = (PAGE_W - MARGIN_R - sx) / max(1, len(decor.officer_pngs) or 2)
            for i, png in enumerate(decor.officer_pngs):
                self._small_png(f"officer{i}", png, sx + i * slot + 1 * mm, y - 1, slot - 2 * mm, 7.5 * mm)

        def _watermark(self, text: str) -> None:
            self.saveState()
            self.setFillColor(colors.HexColor("#c0392b"))
            self.setFillAlpha(0.13)
            self.setFont(RL_BOLD, 120)
            self.translate(PAGE_W / 2, PAGE_H / 2)
            self.rotate(40)
            self.drawCentredString(0, -40, text)
            self.restoreState()
            self.setFont(RL_REGULAR, 8)
            self.setFillColor(VIOLATION_INK)
            self.drawString(MARGIN_L, 19 * mm, "草稿：仅供阅读核对，不是笔录，不得在本文件上签名。")
            self.setFillColor(INK)

        def _small_png(self, key: str, png: bytes, x: float, y: float, max_w: float, max_h: float) -> None:
            """Each handwritten signature is one form XObject drawn on every page: drawImage would re-read and
            re-hash the PNG on each page."""
            img = reader(key, png)
            w, h = img.getSize()
            s = min(max_w / w, max_h / h)
            name = f"initials_{key}"
            if name not in forms:
                forms.add(name)
                self.beginForm(name, lowerx=0, lowery=0, upperx=w * s, uppery=h * s)
                self.drawImage(img, 0, 0, w * s, h * s, mask="auto")
                self.endForm()
            self.saveState()
            self.translate(x, y)
            self.doForm(name)
            self.restoreState()

    return DecoratedCanvas


def build_pdf(story: list, decor: PageDecor, *, title: str, subject: str, author: str) -> tuple[bytes, int]:
    """Lay out `story` on A4 with the decorations; returns (pdf bytes, page count)."""
    buf = io.BytesIO()
    pages: list[int] = []

    def count(canvas, doc):  # noqa: ARG001
        pages.append(doc.page)

    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_L, rightMargin=MARGIN_R, topMargin=MARGIN_T,
                            bottomMargin=MARGIN_B, title=title, subject=subject, author=author,
                            creator="inspector_app", initialFontName=RL_REGULAR)
    doc.build(story, onFirstPage=count, onLaterPages=count, canvasmaker=_canvas_class(decor))
    return buf.getvalue(), len(pages)


def missing_glyph_warnings(texts: Sequence[tuple[str, str]], codepoints: frozenset[int]) -> list[str]:
    """One warning per field whose text has characters the font lacks (they would print blank).

    `codepoints` is the font's cmap, read once per render (fonts.font_codepoints caches it per file stamp); looking
    the font file up again for every string cost 14 % of the text layout."""
    out: list[str] = []
    known: set[str] = set()
    for where, text in texts:
        missing = {ch for ch in set(text) - known if ord(ch) not in codepoints and unicodedata.category(ch) != "Cc"}
        if not missing:
            known.update(text)
            continue
        chars = "".join(sorted(missing))
        codes = " ".join(f"U+{ord(c):04X}" for c in sorted(missing))
        out.append(f"字体缺少字符“{chars}”（{codes}），位于：{where}；打印时将显示为空白，请核对")
    return out
