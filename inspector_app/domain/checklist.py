"""Checklist templates (parsed from forms/) and the evaluation of answers against them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class AnswerType(StrEnum):
    BOOL = "bool"            # 是/否
    BOOL_NA = "bool_na"      # 是/否/不适用
    COUNT = "count"          # integer
    PCT = "pct"              # percentage, usually with a threshold
    MONEY = "money"          # 元, two decimals
    DATE = "date"
    TEXT = "text"
    CHOICE = "choice"        # pick one
    MULTI = "multi"          # pick several
    SAMPLE = "sample"        # table of sampled records with declared columns
    ATTACHMENT = "attachment"  # photo, scan, audio/video


NUMERIC_TYPES = frozenset({AnswerType.COUNT, AnswerType.PCT, AnswerType.MONEY})
COLUMN_TYPES = frozenset({"text", "count", "money", "pct", "date", "bool"})


class ItemState(StrEnum):
    UNANSWERED = "unanswered"
    COMPLIANT = "compliant"
    VIOLATION = "violation"
    NOT_APPLICABLE = "not_applicable"


_OPS = {
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "==": lambda a, b: a == b,
}
THRESHOLD_OPS = frozenset(_OPS)


@dataclass(frozen=True, slots=True)
class Threshold:
    op: str
    value: Decimal
    source: str = ""  # where the number comes from, e.g. "S:000 item 4"

    def satisfied_by(self, number: Decimal) -> bool:
        return bool(_OPS[self.op](number, self.value))

    def describe(self) -> str:
        sym = {"<=": "≤", ">=": "≥", "==": "="}.get(self.op, self.op)
        return f"{sym} {self.value}"


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    label: str
    type: str = "text"


@dataclass(frozen=True, slots=True)
class ItemDef:
    id: str
    label: str
    checks: str
    answer: AnswerType
    section_id: str
    threshold: Threshold | None = None
    compliant: str = "yes"          # for bool types: which answer is compliant
    choices: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    evidence_hint: str = ""
    legal_basis: str = ""
    penalty: str = ""
    seed_refs: tuple[str, ...] = ()
    unit: str = ""
    required: bool = True
    label_en: str = ""


@dataclass(frozen=True, slots=True)
class SectionDef:
    id: str
    title: str
    items: tuple[ItemDef, ...]


@dataclass(frozen=True, slots=True)
class TemplateDef:
    id: str
    version: str
    title: str
    title_en: str
    applies_to: tuple[str, ...]
    sections: tuple[SectionDef, ...]
    content_hash: str
    description: str = ""
    seed_refs: tuple[str, ...] = ()
    primary_for: tuple[str, ...] = ()  # categories for which the app preselects this template
    source: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def items(self) -> list[ItemDef]:
        return [item for s in self.sections for item in s.items]

    def item(self, item_id: str) -> ItemDef:
        for it in self.items():
            if it.id == item_id:
                return it
        raise KeyError(item_id)


# ---------------------------------------------------------------- answers


def _decimal(value: Any, what: str) -> Decimal:
    try:
        d = Decimal(str(value).strip().rstrip("%"))
    except (InvalidOperation, ValueError):
        raise ValidationError("answer.not_a_number", QT_TRANSLATE_NOOP(
            "Errors", "{what}: enter a number, not {value}."), what=what, value=repr(value)) from None
    if not d.is_finite():
        raise ValidationError("answer.not_finite", QT_TRANSLATE_NOOP(
            "Errors", "{what}: enter a finite number."), what=what)
    return d


def normalise_answer(item: ItemDef, value: Any) -> Any:
    """Check a raw answer for an item and return its canonical JSON-safe form (None clears it)."""
    if value is None or value == "":
        return None
    t = item.answer
    what = f"{item.id} {item.label}"
    if t is AnswerType.BOOL:
        if value not in ("yes", "no"):
            raise ValidationError("answer.yes_no", QT_TRANSLATE_NOOP(
            "Errors", "{what}: the answer can only be yes or no."), what=what)
        return value
    if t is AnswerType.BOOL_NA:
        if value not in ("yes", "no", "na"):
            raise ValidationError("answer.yes_no_na", QT_TRANSLATE_NOOP(
            "Errors", "{what}: the answer can only be yes, no or not applicable."), what=what)
        return value
    if t is AnswerType.COUNT:
        try:
            n = int(str(value).strip())
        except ValueError:
            raise ValidationError("answer.not_an_integer", QT_TRANSLATE_NOOP(
            "Errors", "{what}: enter a whole number, not {value}."), what=what, value=repr(value)) from None
        if n < 0:
            raise ValidationError("answer.negative_count", QT_TRANSLATE_NOOP(
            "Errors", "{what}: a count cannot be negative."), what=what)
        return n
    if t is AnswerType.PCT:
        d = _decimal(value, what)
        if d < 0 or d > 100:
            raise ValidationError("answer.percent_range", QT_TRANSLATE_NOOP(
            "Errors", "{what}: a percentage must be between 0 and 100."), what=what)
        return format(d.normalize(), "f") if d == d.to_integral() else format(d, "f")
    if t is AnswerType.MONEY:
        from inspector_app.domain.money import parse_yuan

        return format(parse_yuan(str(value)), "f")
    if t is AnswerType.DATE:
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValidationError("answer.bad_date", QT_TRANSLATE_NOOP(
            "Errors", "{what}: a date is written YYYY-MM-DD."), what=what) from None
    if t is AnswerType.TEXT:
        text = str(value)
        if len(text) > 20000:
            raise ValidationError("answer.text_too_long", QT_TRANSLATE_NOOP(
            "Errors", "{what}: the text is too long (at most {limit} characters)."), what=what, limit=20000)
        return text
    if t is AnswerType.CHOICE:
        if value not in item.choices:
            raise ValidationError("answer.not_a_choice", QT_TRANSLATE_NOOP(
            "Errors", "{what}: {value} is not one of the choices."), what=what, value=repr(value))
        return value
    if t is AnswerType.MULTI:
        if not isinstance(value, (list, tuple)):
            raise ValidationError("answer.multi_not_list", QT_TRANSLATE_NOOP(
            "Errors", "{what}: a multiple-choice answer must be a list."), what=what)
        unknown = [v for v in value if v not in item.choices]
        if unknown:
            raise ValidationError("answer.not_choices", QT_TRANSLATE_NOOP(
            "Errors", "{what}: {value} are not among the choices."), what=what, value=repr(unknown))
        return [c for c in item.choices if c in value]
    if t is AnswerType.SAMPLE:
        return _normalise_sample(item, value)
    if t is AnswerType.ATTACHMENT:
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ValidationError("answer.sample_not_list", QT_TRANSLATE_NOOP(
            "Errors", "{what}: an attachment answer must be a list of evidence ids."), what=what)
        return list(value)
    raise ValidationError("answer.unknown_type", QT_TRANSLATE_NOOP(
            "Errors", "{what}: unknown answer type {type}."), what=what, type=str(t))


def _normalise_sample(item: ItemDef, value: Any) -> dict[str, Any]:
    what = f"{item.id} {item.label}"
    rows = value.get("rows") if isinstance(value, dict) else None
    if not isinstance(rows, list):
        raise ValidationError("answer.sample_malformed", QT_TRANSLATE_NOOP(
            "Errors", "{what}: the sample table is malformed."), what=what)
    cols = {c.id: c for c in item.columns}
    out_rows = []
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise ValidationError("answer.sample_row_malformed", QT_TRANSLATE_NOOP(
            "Errors", "{what}: row {row} is malformed."), what=what, row=n)
        unknown = set(row) - set(cols) - {"violation"}
        if unknown:
            raise ValidationError("answer.sample_unknown_columns", QT_TRANSLATE_NOOP(
            "Errors", "{what}: row {row} has undeclared columns {columns}."), what=what, row=n,
            columns=", ".join(sorted(unknown)))
        clean: dict[str, Any] = {}
        for cid, col in cols.items():
            cell = row.get(cid)
            if cell in (None, ""):
                continue
            clean[cid] = _normalise_cell(col, cell, f"{what} [{n}] {col.label}")
        if row.get("violation"):
            clean["violation"] = True
        out_rows.append(clean)
    return {"rows": out_rows}


def _normalise_cell(col: Column, cell: Any, what: str) -> Any:
    if col.type == "text":
        return str(cell)
    if col.type == "count":
        try:
            n = int(str(cell).strip())
        except ValueError:
            raise ValidationError("answer.cell_not_integer", QT_TRANSLATE_NOOP(
            "Errors", "{what}: enter a whole number."), what=what) from None
        if n < 0:
            raise ValidationError("answer.cell_negative", QT_TRANSLATE_NOOP(
            "Errors", "{what}: cannot be negative."), what=what)
        return n
    if col.type == "money":
        from inspector_app.domain.money import parse_yuan

        return format(parse_yuan(str(cell)), "f")
    if col.type == "pct":
        return format(_decimal(cell, what), "f")
    if col.type == "date":
        try:
            return dt.date.fromisoformat(str(cell)).isoformat()
        except ValueError:
            raise ValidationError("answer.bad_date", QT_TRANSLATE_NOOP(
            "Errors", "{what}: a date is written YYYY-MM-DD."), what=what) from None
    if col.type == "bool":
        if cell in (True, "yes", "是"):
            return "yes"
        if cell in (False, "no", "否"):
            return "no"
        raise ValidationError("answer.cell_yes_no", QT_TRANSLATE_NOOP(
            "Errors", "{what}: fill in yes or no only."), what=what)
    raise ValidationError("answer.cell_unknown_type", QT_TRANSLATE_NOOP(
            "Errors", "{what}: unknown column type {type}."), what=what, type=col.type)


def auto_state(item: ItemDef, value: Any) -> ItemState | None:
    """The state implied by the value alone; None when only the inspector can judge."""
    if value is None:
        return ItemState.UNANSWERED
    t = item.answer
    if t in (AnswerType.BOOL, AnswerType.BOOL_NA):
        if value == "na":
            return ItemState.NOT_APPLICABLE
        return ItemState.COMPLIANT if value == item.compliant else ItemState.VIOLATION
    if t in NUMERIC_TYPES and item.threshold is not None:
        return ItemState.COMPLIANT if item.threshold.satisfied_by(Decimal(str(value))) else ItemState.VIOLATION
    if t is AnswerType.SAMPLE:
        rows = value.get("rows", [])
        if any(r.get("violation") for r in rows):
            return ItemState.VIOLATION
        return None
    return None


def item_state(item: ItemDef, value: Any, verdict: str | None) -> ItemState:
    """Final state of an item: threshold/boolean rules win when they flag a violation; else the inspector's verdict."""
    auto = auto_state(item, value)
    if auto is ItemState.UNANSWERED:
        # An inspector may judge an item without a value (e.g. 不适用 for a text question).
        return ItemState(verdict) if verdict else auto
    if auto is ItemState.VIOLATION:
        return auto
    if verdict:
        return ItemState(verdict)
    return auto or ItemState.COMPLIANT


_ID_RE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*(\.[0-9]+)?$")


def valid_item_id(item_id: str) -> bool:
    return bool(_ID_RE.match(item_id))
