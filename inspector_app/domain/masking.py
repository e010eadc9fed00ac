"""Masking of personal data for publication (公开): domain.md R12–R13, 条例 第三十二条, 行政处罚法 第五十条.

Pure functions, no I/O. A `Masker` finds personal data in free text and replaces it character for character with
``*`` (the length of the text never changes, so a table laid out for the original still fits):

* 18-digit 身份证号 (the last character may be X) and the old 15-digit form: the 6-digit area code and the last
  4 (3) characters stay, the birth date and sequence are hidden (the usual 公示 practice of hiding digits 7–14);
* mobile phones (138 0013 8000, +86-138-0013-8000) keep their first 3 and last 4 digits; landlines
  (0537-4012000, (010)12345678) keep the area code only;
* medical-record, admission, settlement and prescription numbers: a number after a keyword (病历号/病案号/住院号/
  门诊号/结算单号/处方号/就诊号/医保卡号/社保卡号/发票号…) and any bare code of 1–4 Latin letters followed by
  at least 4 digits (ZY2026-0412, MZ20260412001, CF-2026-001): the letters stay, every digit becomes ``*``;
* any other run of 11 or more digits that is not part of a decimal amount (bank cards, 社保卡号, unformatted IDs);
* the names given to the masker (party representative, witness, contacts — taken from the record) wherever they
  appear, and a personal name written after a word such as 患者/参保人/姓名 (a common surname followed by one or
  two characters): the first character stays;
* literal strings given to the masker (officers' certificate numbers, ID numbers held in the record): all but the
  first character.

Strings in `keep` (the institution's name, 统一社会信用代码, 医保定点编码) are never touched, even when a name
or a pattern occurs inside them. Money amounts (12,860.00 元, 2320.00) are never matched: no pattern accepts a
digit run that continues with a decimal point and digits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

MASK = "*"

#: kinds of personal data, as counted in `MaskResult.counts`
ID_NUMBER, PHONE, RECORD_NUMBER, LONG_NUMBER, NAME, LITERAL = (
    "id_number", "phone", "record_number", "long_number", "name", "literal")

# A digit run must not continue into more digits, nor into a decimal part (amounts stay as they are).
_NO_DIGIT_BEFORE = r"(?<![0-9０-９])(?<![0-9][.,])"
_NO_DIGIT_AFTER = r"(?![0-9０-９])(?![.,][0-9])"

_ID18 = re.compile(_NO_DIGIT_BEFORE + r"\d{17}[\dXx]" + _NO_DIGIT_AFTER, re.ASCII)
_ID15 = re.compile(_NO_DIGIT_BEFORE + r"[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}"
                   + _NO_DIGIT_AFTER, re.ASCII)
_MOBILE = re.compile(_NO_DIGIT_BEFORE + r"(?:(?:\+|00)?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}" + _NO_DIGIT_AFTER,
                     re.ASCII)
_LANDLINE = re.compile(_NO_DIGIT_BEFORE + r"(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[-－ ]?)[1-9]\d{6,7}"
                       r"(?:[-－]\d{1,5})?" + _NO_DIGIT_AFTER)
_LONG = re.compile(_NO_DIGIT_BEFORE + r"\d{11,}" + _NO_DIGIT_AFTER, re.ASCII)
_RECORD_KEYWORDS = ("病历号", "病案号", "住院号", "门诊号", "结算单号", "结算号", "处方号", "处方编号", "就诊号",
                    "就诊流水号", "医保卡号", "社保卡号", "医保号", "参保号", "发票号", "票据号", "登记号", "检验单号",
                    "病历编号", "住院病历号", "医保编号", "个人编号", "卡号")
_KEYED = re.compile("(?:" + "|".join(sorted(map(re.escape, _RECORD_KEYWORDS), key=len, reverse=True)) + r")码?"
                    r"[\s:：为是]{0,3}([A-Za-z0-9][A-Za-z0-9\-_/]*)")
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,4}[-_]?\d{4,}(?:[-_/]\d+)*" + r"(?![A-Za-z0-9])(?![.,]\d)",
                   re.ASCII)

# Common surnames (single and compound), for names written after 患者/参保人/姓名… in free text.
_SURNAMES_2 = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "宇文", "夏侯",
               "轩辕", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "赫连", "澹台", "公冶", "宗政", "濮阳", "太叔",
               "申屠", "钟离", "司徒", "司空")
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝郑郜郗丰"
) - set("费明全应于向和时成安文关华单项管康方任常包尚解卫余连宁房商师车边万路")  # 费用, 明细, 应当, 关于…: words
_NAME_AFTER = ("住院患者", "门诊患者", "参保人员", "参保患者", "就诊人员", "患者", "病人", "病患", "参保人", "就诊人",
               "被保险人", "姓名", "家属", "联系人", "经办人", "见证人", "证人", "医师", "医生", "药师", "护士")
_NAME_STOP = set("住在于的等因为系男女入出就门病诊同与和及是有无未已被将从到自经年岁所之其共均曾次并于，。、；：（）()"
                 "“”\"' \n\t,.;:!?！？0123456789某")
_NAME_KEY = re.compile("(?:" + "|".join(_NAME_AFTER) + r")[\s:：]{0,2}")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    masked: str  # the replacement, same length as text[start:end]


@dataclass(frozen=True, slots=True)
class MaskResult:
    text: str
    spans: tuple[Span, ...]

    @property
    def counts(self) -> Counter[str]:
        return Counter(s.kind for s in self.spans)


def _digits_masked(s: str, keep_head: int, keep_tail: int) -> str:
    """Mask digits (and X) of `s`, keeping the first `keep_head` and last `keep_tail` of them; separators stay."""
    idx = [i for i, c in enumerate(s) if c.isdigit() or c in "Xx"]
    hide = set(idx[keep_head:len(idx) - keep_tail if keep_tail else None])
    return "".join(MASK if i in hide else c for i, c in enumerate(s))


def _all_but_first(s: str) -> str:
    return s[:1] + MASK * (len(s) - 1)


def _letters_kept(s: str) -> str:
    return "".join(MASK if c.isdigit() else c for c in s)


def _landline(s: str) -> str:
    """Keep the area code (before the separator, inside brackets, or 010/02x/0xxx when run together), hide the
    number and any extension."""
    m = re.match(r"\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[-－ ]", s)
    head = m.end() if m else (3 if s.startswith(("01", "02")) else 4)
    return s[:head] + "".join(MASK if c.isdigit() else c for c in s[head:])


@dataclass(frozen=True)
class Masker:
    """Masks personal data in text. `names`: natural persons' names to hide wherever they occur; `literals`: other
    strings to hide (certificate or ID numbers from the record); `keep`: strings never to touch."""

    names: tuple[str, ...] = ()
    literals: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    _names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _literals: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _keep: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        def clean(values: Iterable[str], min_len: int) -> tuple[str, ...]:
            out = {v.strip() for v in values if v and len(v.strip()) >= min_len}
            return tuple(sorted(out, key=len, reverse=True))  # longest first: 欧阳明 before 欧阳

        object.__setattr__(self, "_names", clean(self.names, 2))
        object.__setattr__(self, "_literals", clean(self.literals, 4))
        object.__setattr__(self, "_keep", clean(self.keep, 2))

    # ------------------------------------------------------------------ finding

    def _candidates(self, text: str) -> list[Span]:
        out: list[Span] = []

        def add(start: int, end: int, kind: str, masked: str) -> None:
            out.append(Span(start, end, kind, masked))

        for lit in self._literals:
            for m in re.finditer(re.escape(lit), text):
                add(m.start(), m.end(), LITERAL, _all_but_first(m.group()))
        for name in self._names:
            for m in re.finditer(re.escape(name), text):
                add(m.start(), m.end(), NAME, _all_but_first(m.group()))
        for m in _ID18.finditer(text):
            add(m.start(), m.end(), ID_NUMBER, _digits_masked(m.group(), 6, 4))
        for m in _ID15.finditer(text):
            add(m.start(), m.end(), ID_NUMBER, _digits_masked(m.group(), 6, 3))
        for m in _MOBILE.finditer(text):
            add(m.start(), m.end(), PHONE, _digits_masked(m.group(), _mobile_head(m.group()), 4))
        for m in _LANDLINE.finditer(text):
            add(m.start(), m.end(), PHONE, _landline(m.group()))
        for m in _KEYED.finditer(text):
            add(m.start(1), m.end(1), RECORD_NUMBER,
                _letters_kept(m.group(1)) if any(c.isdigit() for c in m.group(1)) else MASK * len(m.group(1)))
        for m in _CODE.finditer(text):
            add(m.start(), m.end(), RECORD_NUMBER, _letters_kept(m.group()))
        for m in _LONG.finditer(text):
            add(m.start(), m.end(), LONG_NUMBER, _digits_masked(m.group(), 0, 4))
        for m in _NAME_KEY.finditer(text):
            span = _name_after(text, m.end())
            if span:
                add(span[0], span[1], NAME, _all_but_first(text[span[0]:span[1]]))
        return out

    def find(self, text: str) -> list[Span]:
        """Non-overlapping spans of personal data in `text`, outside the `keep` strings, in text order."""
        protected = [(m.start(), m.end()) for k in self._keep for m in re.finditer(re.escape(k), text)]
        chosen: list[Span] = []
        # earlier first; at the same start the longer span wins (an ID beats the phone-like run inside it)
        for s in sorted(self._candidates(text), key=lambda s: (s.start, -(s.end - s.start))):
            if any(s.start < b and a < s.end for a, b in protected):
                continue
            if chosen and s.start < chosen[-1].end:
                continue
            chosen.append(s)
        return chosen

    # ------------------------------------------------------------------ masking

    def apply(self, text: str) -> MaskResult:
        spans = self.find(text)
        parts, pos = [], 0
        for s in spans:
            parts += [text[pos:s.start], s.masked]
            pos = s.end
        parts.append(text[pos:])
        return MaskResult("".join(parts), tuple(spans))

    def mask(self, text: str) -> str:
        return self.apply(text).text

    def mask_tree(self, value: Any, counts: Counter[str] | None = None) -> Any:
        """Mask every string in a JSON-like value (dicts, lists, tuples); keys and non-strings are left alone."""
        if isinstance(value, str):
            result = self.apply(value)
            if counts is not None:
                counts.update(result.counts)
            return result.text
        if isinstance(value, dict):
            return {k: self.mask_tree(v, counts) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.mask_tree(v, counts) for v in value]
        return value


def _mobile_head(s: str) -> int:
    """How many leading digits of a mobile number stay: the country code (86) if written, plus 3."""
    digits = "".join(c for c in s if c.isdigit())
    return 3 + (len(digits) - 11)


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """A personal name starting at `pos`: a common surname, then one or two CJK characters (not a stop word)."""
    surname = next((s for s in _SURNAMES_2 if text.startswith(s, pos)), None)
    if surname is None:
        if pos >= len(text) or text[pos] not in _SURNAMES_1:
            return None
        surname = text[pos]
    end = pos + len(surname)
    given = 0
    while given < 2 and end < len(text) and _CJK.match(text[end]) and text[end] not in _NAME_STOP:
        end += 1
        given += 1
    if given == 0:
        # 张某/张某某 are already anonymous; a lone surname is not a name
        return None
    return pos, end


def mask_text(text: str, *, names: Iterable[str] = (), literals: Iterable[str] = (),
              keep: Iterable[str] = ()) -> str:
    """Shorthand for `Masker(names, literals, keep).mask(text)`."""
    return Masker(tuple(names), tuple(literals), tuple(keep)).mask(text)
