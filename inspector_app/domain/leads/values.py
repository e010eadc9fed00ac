"""Parsing one extract row into the values stored: typed, range-checked, the patient identifier hashed.

Money is kept as integer fen (分) and quantities as integer thousandths: exact, and cheap to sum over a million
rows in SQL. Every refusal is a coded error naming file, sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import Any
from decimal import Decimal, InvalidOperation

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.leads.mapping import FIELDS, ResolvedMapping, Where

#: order of the parsed values (after the row number), as the storage columns expect them
VALUE_FIELDS = ("settlement_no", "institution_code", "patient_hash", "patient_masked", "admitted_on",
                "discharged_on", "institution_name", "diagnosis", "total_amount", "item_code", "item_name",
                "quantity", "unit_price", "amount", "fee_date", "rule_hit")

MAX_TEXT = 200  # longest text value accepted in one cell (a diagnosis, an item name)
_MAX_FEN = 10**13  # 1000 亿元: beyond this a value is a typo or a corrupted cell


class PatientHasher:
    """Keyed BLAKE2b of the patient identifier: the same patient gives the same token in every extract of this
    workspace (re-admissions and overlaps are found across files), while a table of hashed 身份证号 cannot be
    reversed without the workspace's key (a plain hash of an 18-digit ID could be brute-forced)."""

    def __init__(self, key: bytes):
        if len(key) < 16:
            raise ValueError("patient hash key too short")
        self._key = key
        self._cache: dict[str, str] = {}

    def __call__(self, patient_id: str) -> str:
        token = self._cache.get(patient_id)
        if token is None:
            token = hashlib.blake2b(patient_id.encode(), key=self._key, digest_size=16).hexdigest()
            if len(self._cache) > 50_000:  # bounded memory on huge extracts (lines of a patient come together)
                self._cache.clear()
            self._cache[patient_id] = token
        return token

    def matches(self, patient_id: str, token: str) -> bool:
        return hmac.compare_digest(self(patient_id.strip()), token)


def mask_patient(patient_id: str) -> str:
    """What may be shown: the first two and last two characters (enough to tell two patients apart on a list)."""
    n = len(patient_id)
    return "*" * n if n <= 6 else patient_id[:2] + "*" * (n - 4) + patient_id[-2:]


_BAD_VALUE = {
    "text": QT_TRANSLATE_NOOP("Errors", "{file} (sheet {sheet}) row {row}, column {column}: the text is longer than "
                                        "200 characters."),
    "date": QT_TRANSLATE_NOOP("Errors", "{file} (sheet {sheet}) row {row}, column {column}: {value} is not a date."),
    "money": QT_TRANSLATE_NOOP("Errors", "{file} (sheet {sheet}) row {row}, column {column}: {value} is not an amount "
                                         "in yuan with at most two decimals."),
    "number": QT_TRANSLATE_NOOP("Errors", "{file} (sheet {sheet}) row {row}, column {column}: {value} is not a "
                                          "quantity (a number, not negative)."),
}


def _bad(code: str, template: str, where: Where, row: int, column: str, value: object) -> ValidationError:
    text = str(value)
    return ValidationError(code, template, value=text if len(text) <= 40 else text[:40] + "…",
                           **where.params(row, column))


def parse_date(value: object) -> dt.date:
    """2026-03-01, 2026/3/1, 20260301, with or without a time; a spreadsheet date or datetime."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if len(text) >= 10 and text[4] in "-/." and text[7] in "-/." and text[:4].isdigit():
        return dt.date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    if len(text) >= 8 and text[:8].isdigit() and (len(text) == 8 or text[8] in " T"):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    head = text.split()[0] if text.split() else ""
    for sep in "-/.":
        parts = head.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    raise ValueError(text)


def parse_scaled(value: object, scale: int) -> int:
    """A decimal number times `scale`, exactly (10 → 12.5 gives 125); refuses more decimals than the scale has."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value * scale
    text = str(value).strip().replace(",", "")
    if isinstance(value, float):
        text = repr(value)
    try:
        d = Decimal(text) * scale
    except InvalidOperation:
        raise ValueError(text) from None
    if not d.is_finite() or d != d.to_integral_value():
        raise ValueError(text)
    return int(d)


@dataclass
class Limits:
    """Bounds of a plausible extract; the import refuses what lies outside."""

    earliest: dt.date = dt.date(1990, 1, 1)
    latest: dt.date | None = None  # today on the agency's clock, set by the service
    max_rows: int = 5_000_000
    max_bytes: int = 2 * 1024**3


class _OutOfRange(Exception):
    pass


def _fixed(text: str, digits: int) -> int:
    """'12.5' → 1250 for digits=2, fast for the plain notation of exports; anything else through Decimal."""
    neg = text[:1] == "-"
    scale: int = 10**digits
    whole, dot, frac = (text[1:] if neg else text).partition(".")
    if whole.isascii() and whole.isdigit() and (not dot or (frac.isascii() and frac.isdigit() and len(frac) <= digits)):
        v = int(whole) * scale + (int(frac.ljust(digits, "0")) if frac else 0)
        return -v if neg else v
    return parse_scaled(text, scale)


_MISS = object()
_MISSES = repeat(_MISS)


class RowParser:
    """Turns the raw cells of one data row into the stored values (see VALUE_FIELDS). Built for a million rows:
    one converter per mapped column chosen up front, dates and patients cached."""

    def __init__(self, mapping: ResolvedMapping, where: Where, limits: Limits, hasher: PatientHasher):
        self._where, self._limits, self._hash = where, limits, hasher
        conv = {"text": None, "date": self._date, "money": self._money, "number": self._number}
        self._plan: list[tuple[int | None, Any, bool, str, str]] = [
            (mapping.columns.get(f), conv[kind], required, mapping.headers.get(f, f), kind)
                      for f, (kind, required) in FIELDS.items()]
        self._width = max(mapping.columns.values()) + 1
        # the settlement's own fields (up to the total) and the item line's fields
        split = list(FIELDS).index("total_amount") + 1
        self._head_plan, self._item_plan = self._plan[:split], self._plan[split:]
        head_cols = [i for i, *_ in self._head_plan if i is not None]  # the required fields: never empty
        self._head_cells: Callable[[Sequence[object]], object] = itemgetter(*head_cols)
        self._last_raw_head: object = None
        #: counts the runs of lines sharing the settlement's columns: a caller aggregating per stay sees a new one
        self.runs = 0
        self._last_head: tuple[object, ...] = ()
        # item fields: one cache per mapped column, raw cell -> checked value, looked up for the whole row in C
        # (map over dict.get); a row with any cell not yet seen takes the full path, which fills the caches
        item_cols = [i for i, *_ in self._item_plan if i is not None]
        # the item fields in storage order, from the mapped cells plus one None for the unmapped ones
        at = {n: k for k, n in enumerate(n for n, (i, *_r) in enumerate(self._item_plan) if i is not None)}
        self._item_expand = itemgetter(*[at.get(n, len(item_cols)) for n in range(len(self._item_plan))])
        self._item_cells: Callable[[Sequence[object]], tuple[object, ...]] = (
            itemgetter(*item_cols) if len(item_cols) > 1 else (lambda c: tuple(c[i] for i in item_cols)))
        self._item_caches: list[dict[object, object]] = [{} for _ in item_cols]
        self._item_mapped_plan = [p for p in self._item_plan if p[0] is not None]
        # amounts and dates are short (about 100 bytes an entry); free text (item names) can be long and endless
        self._item_caps = [20_000 if p[4] == "text" else 200_000 for p in self._item_mapped_plan]
        self._dates: dict[str, str] = {}
        self._masked: dict[str, str] = {}
        self._amounts: dict[str, int] = {}
        self._quantities: dict[str, int] = {}
        self._latest = limits.latest or dt.date.max

    @staticmethod
    def _text(raw: object) -> str:
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))  # a code typed as a number in a spreadsheet
        value = raw if type(raw) is str else str(raw).strip()
        if len(value) > MAX_TEXT:
            raise ValueError(value)
        return value

    def _date(self, raw: object) -> str:
        if type(raw) is str:
            iso = self._dates.get(raw)
            if iso is not None:
                return iso
        d = parse_date(raw)
        if d < self._limits.earliest or d > self._latest:
            raise _OutOfRange(d.isoformat())
        iso = d.isoformat()
        if type(raw) is str and len(self._dates) < 100_000:
            self._dates[raw] = iso
        return iso

    def _money(self, raw: object) -> int:
        if type(raw) is str:
            value = self._amounts.get(raw)  # prices and quantities repeat on every other line
            if value is None:
                value = _fixed(raw.replace(",", ""), 2)
                if not -_MAX_FEN < value < _MAX_FEN:
                    raise ValueError(raw)
                self._remember(self._amounts, raw, value)
            return value
        value = parse_scaled(raw, 100)
        if not -_MAX_FEN < value < _MAX_FEN:
            raise ValueError(raw)
        return value

    def _number(self, raw: object) -> int:
        if type(raw) is str:
            value = self._quantities.get(raw)
            if value is None:
                value = _fixed(raw, 3)
                if not 0 <= value < _MAX_FEN:
                    raise ValueError(raw)
                self._remember(self._quantities, raw, value)
            return value
        value = parse_scaled(raw, 1000)
        if not 0 <= value < _MAX_FEN:
            raise ValueError(raw)
        return value

    @staticmethod
    def _remember(cache: dict[str, int], raw: str, value: int) -> None:
        if len(cache) > 100_000:  # bounded memory on huge extracts
            cache.clear()
        cache[raw] = value

    def parse(self, cells: Sequence[object], row: int) -> tuple[object, ...]:
        """The stored values of one row. The lines of one settlement come together in every export and repeat its
        columns (结算流水号 … 医疗总费用) on each item line: when those raw cells equal the previous row's, their
        parsed values (patient hashed and masked, dates checked) are reused; item cells already seen come from
        per-column caches of checked values. The same cells give the same values and the same verdict, so nothing
        is checked less, only not twice."""
        if len(cells) < self._width:
            cells = list(cells) + [None] * (self._width - len(cells))
        raw_head = self._head_cells(cells)
        if raw_head != self._last_raw_head:
            return self._fresh(cells, row, raw_head)
        raw_item = self._item_cells(cells)
        got = (*map(dict.get, self._item_caches, raw_item, _MISSES), None)
        if _MISS in got:
            got = self._fill_items(cells, row, raw_item, got)
        return self._last_head + self._item_expand(got)  # type: ignore[no-any-return]

    def _fresh(self, cells: Sequence[object], row: int, raw_head: object) -> tuple[object, ...]:
        """A row starting another settlement: every field parsed, in column order (the first bad cell is named)."""
        head = self._part(cells, row, self._head_plan)
        raw_item = self._item_cells(cells)
        got = (*map(dict.get, self._item_caches, raw_item, _MISSES), None)
        if _MISS in got:
            got = self._fill_items(cells, row, raw_item, got)
        if head[4] < head[3]:  # type: ignore[operator]
            raise _bad("leads.discharge_before_admission", QT_TRANSLATE_NOOP(
                "Errors", "{file} (sheet {sheet}) row {row}, column {column}: the discharge date {value} is "
                          "before the admission."), self._where, row, self._plan[4][3], head[4])
        pid = str(head[2])
        masked = self._masked.get(pid)
        if masked is None:
            if len(self._masked) > 20_000:
                self._masked.clear()
            masked = self._masked[pid] = mask_patient(pid)
        self._last_head = (*head[:2], self._hash(pid), masked, *head[3:])
        self._last_raw_head = raw_head
        self.runs += 1
        return self._last_head + self._item_expand(got)  # type: ignore[no-any-return]

    def _fill_items(self, cells: Sequence[object], row: int, raw: tuple[object, ...],
                    got: tuple[object, ...]) -> tuple[object, ...]:
        """Parse the item cells not found in the caches (a cached cell was valid: the first bad cell of the row is
        among these) and remember them."""
        vals = list(got)
        for k, value in enumerate(got):
            if value is _MISS:
                vals[k] = self._part(cells, row, self._item_mapped_plan[k:k + 1])[0]
                key, cache = raw[k], self._item_caches[k]
                if type(key) is str:  # text cells only: 1 == 1.0 == True would mix types
                    if len(cache) >= self._item_caps[k]:  # bounded memory, whatever the file's size
                        cache.clear()
                    cache[key] = vals[k]
        return tuple(vals)

    def _part(self, cells: Sequence[object], row: int,
              plan: list[tuple[int | None, Any, bool, str, str]]) -> tuple[object, ...]:
        vals: list[object] = []
        for idx, conv, required, header, kind in plan:
            raw = None if idx is None else cells[idx]
            if type(raw) is str:
                raw = raw.strip()
            if raw is None or raw == "":
                if required:
                    raise _bad("leads.missing_value", QT_TRANSLATE_NOOP(
                        "Errors", "{file} (sheet {sheet}) row {row}, column {column}: the value is missing."),
                        self._where, row, header, "")
                vals.append(None)
                continue
            if conv is None and type(raw) is str and len(raw) <= MAX_TEXT:  # text: the common case, inline
                vals.append(raw)
                continue
            try:
                vals.append((conv or self._text)(raw))
            except _OutOfRange as exc:
                raise ValidationError("leads.date_out_of_range", QT_TRANSLATE_NOOP(
                    "Errors", "{file} (sheet {sheet}) row {row}, column {column}: the date {value} lies "
                              "outside {earliest} – {latest}."), value=str(exc),
                    earliest=self._limits.earliest.isoformat(), latest=self._latest.isoformat(),
                    **self._where.params(row, header)) from None
            except (ValueError, TypeError, OverflowError, ArithmeticError):
                raise ValidationError("leads.bad_value", _BAD_VALUE[kind], value=str(raw)[:40], kind=kind,
                                      **self._where.params(row, header)) from None
        return tuple(vals)
