"""Chinese line breaking (禁则) and one-layout-per-width paragraphs for the records.

ReportLab's CJK wrapping hangs at most one forbidden character and knows only part of the Chinese list: its
CANNOT_START set lacks the full-width comma, semicolon, colon, question and exclamation marks and 》, and it has no
line-end rule at all, so the first signed records had lines starting with "，". The rules applied here (GB/T 15834
punctuation usage and the common 禁则 of Chinese typesetting):

* no line starts with closing punctuation or a pause/stop mark: ，。、；：？！）》」』】〕〉’”…— and their ASCII forms;
* no line ends with an opening bracket or quote: （《「『【〔〈‘“ and ([{ ;
* a run of Latin letters, digits and symbols ("12080人次", "≤ 8%", "12,860.00") moves to the next line whole; only a
  run longer than a line (a 64-character hash in a narrow cell) is split.

A break that would violate a rule moves earlier (the character before goes down with it); nothing hangs into the
margin, because in a table cell that would draw over the cell border.

`Para` also lays a paragraph out once per width: ReportLab's Table wraps every cell while measuring the row
heights, again for each part after a page split and again when drawing (≈3 wraps per cell). The text, style and
frags of a paragraph never change after construction, so the result of the first wrap at a width is reused.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.paragraph import FragLine, ParaLines, Paragraph, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

#: characters that must not start a line (closing punctuation, stops, pause marks, ellipsis/dash halves)
NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〕〉］｝’”…—～％·‰℃"
    ",.;:?!)]}%'\"" "\u3005\u30fc\u00b7")
#: characters that must not end a line (opening brackets and quotes)
NO_LINE_END = frozenset("（《「『【〔〈［｛‘“([{￥$")


def _wordish(ch: str) -> bool:
    """Latin letters, digits and the symbols written between them: such runs stay on one line when they can."""
    return bool(ch) and not ch.isspace() and ord(ch) < 0x2E80


def _violates(U: list, b: int) -> bool:
    """True when a line break before U[b] breaks a 禁则 rule."""
    return U[b] in NO_LINE_START or U[b - 1] in NO_LINE_END


def _splits_word(U: list, b: int) -> bool:
    return _wordish(U[b]) and _wordish(U[b - 1])


def break_position(U: list, start: int, over: int) -> int:
    """Where the next line starts, given that U[over] is the first character that does not fit on the line
    U[start:over]. Always > start (progress), never > over (the line fits)."""
    if over <= start + 1:
        return over
    floor = start + 1
    for b in range(over, floor - 1, -1):  # both rules: a number or Latin word moves to the next line whole
        if not _violates(U, b) and not _splits_word(U, b):
            return b
    for b in range(over, floor - 1, -1):  # 禁则 only (a long Latin run must break)
        if not _violates(U, b):
            return b
    return over


def _width(u, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def _ranges(chars: list, widths: list, breaks: list, max_widths) -> list[tuple[int, int, bool, float, float]]:
    """(start, end, forced break, width used, line width) of each line: greedy filling, then the 禁则 rules."""
    out: list[tuple[int, int, bool, float, float]] = []
    max_w = max_widths[0]
    start = i = 0
    used = 0.0
    n = len(chars)
    while i < n:
        w = widths[i]
        if breaks[i]:  # <br/>: the line ends here, the break belongs to it
            out.append((start, i + 1, True, used + w, max_w))
            max_w = max_widths[min(len(out), len(max_widths) - 1)]
            i = start = i + 1
            used = 0.0
            continue
        if used + w > max_w + _FUZZ and i > start:
            b = break_position(chars, start, i)
            out.append((start, b, False, sum(widths[start:b]), max_w))
            max_w = max_widths[min(len(out), len(max_widths) - 1)]
            i = start = b
            used = 0.0
            continue
        used += w
        i += 1
    if start < n:
        out.append((start, n, False, used, max_w))
    return out


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> char -> width: one lookup per glyph


def _char_widths(chars: list, widths: list, text: str, font_name: str, size: float) -> None:
    cache = _WIDTHS.get((font_name, size))
    if cache is None:
        cache = _WIDTHS[(font_name, size)] = {}
    for ch in text:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = stringWidth(ch, font_name, size)
        chars.append(ch)
        widths.append(w)


def split_frags(frags, max_widths, calc_bounds: bool, encoding: str = "utf8") -> ParaLines:
    """Break a paragraph's frags into lines following the rules. A single run of text gives kind-0 lines (one string
    per line, as ReportLab's own single-frag path: cheapest to draw); several runs give kind-1 lines of words."""
    if any(hasattr(f, "cbDefn") for f in frags):
        return _split_inline_objects(frags, max_widths, calc_bounds, encoding)
    if len(frags) == 1 and not hasattr(frags[0], "lineBreak"):  # most cells: one run that fits on one line
        f = frags[0]
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        width = stringWidth(text, f.fontName, f.fontSize)
        if width <= max_widths[0] + _FUZZ:
            return f.clone(kind=0, lines=[(max_widths[0] - width, [text])], ascent=f.fontSize,
                           descent=-0.2 * f.fontSize)
    chars: list[str] = []
    widths: list[float] = []
    owner: list[int] = []
    breaks: list[bool] = []
    for fi, f in enumerate(frags):
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if text:
            before = len(chars)
            _char_widths(chars, widths, text, f.fontName, f.fontSize)
            owner.extend([fi] * (len(chars) - before))
            breaks.extend([False] * (len(chars) - before))
        else:
            chars.append("")
            widths.append(0.0)
            owner.append(fi)
            breaks.append(hasattr(f, "lineBreak"))
    ranges = _ranges(chars, widths, breaks, max_widths)
    if len(frags) == 1:
        f = frags[0]
        lines = [(line_w - used, ["".join(chars[a:b])]) for a, b, _, used, line_w in ranges]
        return f.clone(kind=0, lines=lines, ascent=f.fontSize, descent=-0.2 * f.fontSize)
    bounds = [getAscentDescent(f.fontName, f.fontSize) for f in frags]
    out = []
    for a, b, forced, used, line_w in ranges:
        words = []
        j = a
        while j < b:
            k = j
            while k < b and owner[k] == owner[j]:
                k += 1
            word = frags[owner[j]].clone()
            word.text = "".join(chars[j:k])
            words.append(word)
            j = k
        used_frags = {owner[x] for x in range(a, b)} or {owner[a]}
        out.append(FragLine(kind=1, extraSpace=line_w - used, wordCount=1, words=words,
                            fontSize=max(frags[x].fontSize for x in used_frags),
                            ascent=max(0, *(bounds[x][0] for x in used_frags)),
                            descent=min(0, *(bounds[x][1] for x in used_frags)),
                            maxWidth=line_w, currentWidth=used, lineBreak=forced))
    return ParaLines(kind=1, lines=out)


def _split_inline_objects(frags, max_widths, calc_bounds: bool, encoding: str) -> ParaLines:
    """Paragraphs with inline images: ReportLab's per-glyph objects (rare in records; not on the fast path)."""
    U: list = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if text:
            U.extend(cjkU(t, f, encoding) for t in text)
        else:
            U.append(cjkU(text, f, encoding))
    widths = [_width(u, max_widths[0]) for u in U]
    breaks = [hasattr(u.frag, "lineBreak") for u in U]
    return ParaLines(kind=1, lines=[makeCJKParaLine(U[a:b], line_w, used, line_w - used, forced, calc_bounds)
                                    for a, b, forced, used, line_w in _ranges(U, widths, breaks, max_widths)])


class Para(Paragraph):
    """A Paragraph with 禁则 line breaking that is laid out once per available width."""

    _memo: tuple | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - ReportLab API
        memo = self._memo
        if memo is not None and memo[0] == availWidth and not getattr(self, "_splitpara", 0):
            _, self.width, self.height, self.blPara, self._wrapWidths = memo
            return self.width, self.height
        result = Paragraph.wrap(self, availWidth, availHeight)
        if availWidth >= _FUZZ:
            self._memo = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return result

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 - ReportLab API
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara  # the first part of a split paragraph keeps the lines it was split with
        if not self.frags:
            return Paragraph.breakLinesCJK(self, maxWidths)
        self.height = 0
        style = self.style
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return split_frags(self.frags, maxWidths, auto_leading not in ("", "off"))


_TEMPLATES: dict[int, tuple[Any, Any]] = {}  # id(style) -> (style, the frag ReportLab's parser makes for it)


def plain(text: str, style: ParagraphStyle) -> Para:
    """A paragraph of plain text without running the markup parser (a third of the text layout time went to
    parsing cells that have no markup). Text the parser would change — whitespace runs, line breaks, leading or
    trailing blanks — and the empty string take the ordinary route."""
    if not text or text != " ".join(text.split()):
        return Para(escape(text or "").replace("\n", "<br/>"), style)
    entry = _TEMPLATES.get(id(style))
    if entry is None or entry[0] is not style:
        entry = _TEMPLATES[id(style)] = (style, Paragraph("x", style).frags[0])
    para = Para(escape(text), style, frags=[entry[1].clone(text=text)])
    return para


def line_texts(para: Paragraph, width: float) -> list[str]:
    """The text of each line `para` is broken into at `width` (for tests and diagnostics)."""
    para.wrap(width, 1e6)
    out = []
    for line in para.blPara.lines:
        words = getattr(line, "words", None)
        if words is not None:
            out.append("".join(getattr(w, "text", "") for w in words))
        else:
            out.append("".join(line[1]))  # kind 0: (extra space, [text])
    return out


class Lines(Flowable):
    """Lines of plain text (table cells, captions), laid out once per width with the same 禁则 rules and drawn with
    drawString: no markup parser, no Paragraph frags (a plain cell costs a fraction of a Paragraph). `items` are
    (text, font, size, leading, colour), one per hard line; `align` is a ReportLab TA_ value (left, centre, right).
    Like a Paragraph, the first baseline sits one font size below the top and each line takes `leading`."""

    def __init__(self, items: list[tuple[str, str, float, float, Any]], align: int = 0):
        super().__init__()
        self.items = items
        self.align = align
        self._memo: tuple | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - ReportLab API
        if self._memo is None or self._memo[0] != availWidth:
            lines = []
            for text, font, size, leading, color in self.items:
                chars: list[str] = []
                widths: list[float] = []
                _char_widths(chars, widths, text, font, size)
                for a, b, _, used, _ in _ranges(chars, widths, [False] * len(chars), [availWidth]):
                    lines.append(("".join(chars[a:b]), font, size, leading, color, used))
            self._memo = (availWidth, lines, sum(x[3] for x in lines))
        self.width, self.height = availWidth, self._memo[2]
        return self.width, self.height

    def draw(self):
        c = self.canv
        y = self.height
        for text, font, size, leading, color, used in self._memo[1]:
            c.setFont(font, size)
            c.setFillColor(color)
            x = 0.0 if self.align == 0 else (self.width - used) / (2 if self.align == 1 else 1)
            c.drawString(x, y - size, text)
            y -= leading

    @property
    def text(self) -> str:
        return "\n".join(item[0] for item in self.items)


def lines(text: str, style: ParagraphStyle) -> Lines:
    """Plain text in a cell style as `Lines` (newlines are hard breaks)."""
    return Lines([(part, style.fontName, style.fontSize, style.leading, style.textColor)
                  for part in (text or "").split("\n")] if text else [], style.alignment)
