"""Chinese line breaking (禁则) and one-layout-per-width paragraphs for the records.

ReportLab's CJK wrapping hangs at most one forbidden character and knows only part of the Chinese list: its
CANNOT_START set lacks the full-width comma, semicolon, colon, question and exclamation marks and 》, and it has no
line-end rule at all, so the first signed records had lines starting with "，". The rules applied here (GB/T 15834
punctuation usage and the common 禁则 of Chinese typesetting):

* no line starts with closing punctuation or a pause/stop mark: ，。、；：？！）》」』】〕〉’”…— and their ASCII forms;
* no line ends with an opening bracket or quote: （《「『【〔〈‘“ and ([{ ;
* a run of Latin letters, digits and symbols ("12080人次", "≤ 8%", "E-01") is not split unless it is longer than
  half a line (a 64-character hash in a narrow cell must still break somewhere).

A break that would violate a rule moves earlier (the character before goes down with it); nothing hangs into the
margin, because in a table cell that would draw over the cell border.

`Para` also lays a paragraph out once per width: ReportLab's Table wraps every cell while measuring the row
heights, again for each part after a page split and again when drawing (≈3 wraps per cell). The text, style and
frags of a paragraph never change after construction, so the result of the first wrap at a width is reused.
"""

from __future__ import annotations

from reportlab.platypus.paragraph import ParaLines, Paragraph, cjkU, makeCJKParaLine
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
    word_floor = max(floor, start + (over - start) // 2)
    for b in range(over, word_floor - 1, -1):  # both rules
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


def split_frags(frags, max_widths, calc_bounds: bool, encoding: str = "utf8") -> ParaLines:
    """Break a paragraph's frags into lines (kind 1 ParaLines, as ReportLab's cjkFragSplit) following the rules."""
    U: list = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            U.extend(cjkU(t, f, encoding) for t in text)
        else:
            U.append(cjkU(text, f, encoding))
    lines: list = []
    max_w = max_widths[0]
    start = i = 0
    used = 0.0
    n = len(U)

    def next_width() -> float:
        return max_widths[min(len(lines), len(max_widths) - 1)]

    while i < n:
        u = U[i]
        w = _width(u, max_w)
        if hasattr(u.frag, "lineBreak"):  # <br/>: the line ends here, the break frag belongs to it
            lines.append(makeCJKParaLine(U[start:i + 1], max_w, used + w, max_w - used - w, True, calc_bounds))
            max_w = next_width()
            i = start = i + 1
            used = 0.0
            continue
        if used + w > max_w + _FUZZ and i > start:
            b = break_position(U, start, i)
            line_w = sum(_width(x, max_w) for x in U[start:b])
            lines.append(makeCJKParaLine(U[start:b], max_w, line_w, max_w - line_w, False, calc_bounds))
            max_w = next_width()
            i = start = b
            used = 0.0
            continue
        used += w
        i += 1
    if start < n:
        lines.append(makeCJKParaLine(U[start:], max_w, used, max_w - used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


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


def line_texts(para: Paragraph, width: float) -> list[str]:
    """The text of each line `para` is broken into at `width` (for tests and diagnostics)."""
    para.wrap(width, 1e6)
    out = []
    for line in para.blPara.lines:
        words = getattr(line, "words", None)
        if words is not None:
            out.append("".join(getattr(w, "text", "") for w in words))
        else:
            out.append("".join(line[1]))
    return out
