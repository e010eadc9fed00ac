"""Problem reporting and field-level readers for checklist templates (catalog/loader.py builds on them).

FormProblem / FormError say where a problem is (file, line, item) and what, as a code with an English template and
parameters (the zh_CN catalogue has the Chinese; ui/errors.problem_message words it); `_Ctx` collects the problems
of one file and finds the line of a `key = "value"`; the readers check one field or value (strings, string lists,
thresholds, sample-table columns) and report each problem instead of raising. Split out of loader.py to keep it
small; loader.py re-exports FormProblem and FormError.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from inspector_app.domain.checklist import COLUMN_TYPES, NUMERIC_TYPES, THRESHOLD_OPS, AnswerType, Column, Threshold
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, render

COLUMN_KEYS = {"id", "label", "type"}
#: What a template-level problem is about (`where` of the readers below; items and sections are coded phrases).
TEMPLATE = QT_TRANSLATE_NOOP("Errors", "The template")


@dataclass(frozen=True, slots=True)
class FormProblem:
    file: str
    line: int | None
    item: str | None
    code: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """What is wrong, in English (the command line and the windows word it through ui/errors.py)."""
        return render(self.template, self.params)

    @property
    def codes(self) -> list[str]:
        return [self.code]

    def english(self) -> str:
        return str(self)

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        item = f" [{self.item}]" if self.item else ""
        return f"{where}{item}: {self.message}"


class FormError(Exception):
    def __init__(self, problems: list[FormProblem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


_KEY_VALUE = re.compile(r"""^\s*([A-Za-z0-9_-]+)\s*=\s*(["'])(.*?)\2""")


class _Ctx:
    def __init__(self, path: Path, text: str):
        self.file = str(path)
        self.lines = text.splitlines()
        self.problems: list[FormProblem] = []
        # One pass over the file: (key, quoted value) -> its line numbers, so that finding the line of each of a
        # template's items is a lookup, not a regex compiled per item scanning from line 1 (quadratic).
        self._index: dict[tuple[str, str], list[int]] = {}
        for n, line in enumerate(self.lines, start=1):
            if m := _KEY_VALUE.match(line):
                self._index.setdefault((m.group(1), m.group(3)), []).append(n)

    def line_of(self, key: str, value: str, after: int = 0) -> int | None:
        """The first line after `after` reading `key = "value"` (either quote)."""
        found = self._index.get((key, value))
        if found:
            at = bisect.bisect_right(found, after)
            if at < len(found):
                return found[at]
        return None

    def add(self, code: str, template: str, item: str | None = None, line: int | None = None, **params: Any) -> None:
        self.problems.append(FormProblem(self.file, line, item, code, template, params))


def _str(ctx: _Ctx, obj: dict[str, Any], key: str, where: str | CodedProblem, item: str | None, line: int | None,
         required: bool = True) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            ctx.add("form.missing_field", QT_TRANSLATE_NOOP(
                "Errors", "{where} lacks the required field {key}."), item, line, where=where, key=repr(key))
        return ""
    if not isinstance(value, str):
        ctx.add("form.not_a_string", QT_TRANSLATE_NOOP(
            "Errors", "{where}: {key} must be a string."), item, line, where=where, key=repr(key))
        return ""
    if required and not value.strip():
        ctx.add("form.empty", QT_TRANSLATE_NOOP(
            "Errors", "{where}: {key} must not be empty."), item, line, where=where, key=repr(key))
    return value


def _str_list(ctx: _Ctx, obj: dict[str, Any], key: str, where: str | CodedProblem, item: str | None,
              line: int | None) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        ctx.add("form.not_a_string_list", QT_TRANSLATE_NOOP(
            "Errors", "{where}: {key} must be a list of strings."), item, line, where=where, key=repr(key))
        return ()
    return tuple(value)


def _parse_threshold(ctx: _Ctx, raw: Any, answer: AnswerType | None, item_id: str,
                     line: int | None) -> Threshold | None:
    if raw is None:
        return None
    if answer is not None and answer not in NUMERIC_TYPES:
        ctx.add("form.threshold_not_numeric", QT_TRANSLATE_NOOP(
            "Errors", "A threshold applies only to numeric answers (count, pct, money); this item's answer type is "
                      "{answer}."), item_id, line, answer=answer.value)
        return None
    if not isinstance(raw, dict):
        ctx.add("form.threshold_not_table", QT_TRANSLATE_NOOP(
            "Errors", "threshold must be a table, for example {example}"),
            item_id, line, example='{ op = "<=", value = 8 }')
        return None
    unknown = set(raw) - {"op", "value", "source", "unit"}
    if unknown:
        ctx.add("form.threshold_unknown_fields", QT_TRANSLATE_NOOP(
            "Errors", "threshold has unknown fields {fields}"), item_id, line, fields=str(sorted(unknown)))
    op = raw.get("op")
    if op not in THRESHOLD_OPS:
        ctx.add("form.threshold_bad_op", QT_TRANSLATE_NOOP(
            "Errors", "The op of threshold must be one of {ops}, not {op}."),
            item_id, line, ops=str(sorted(THRESHOLD_OPS)), op=repr(op))
        return None
    try:
        value = Decimal(str(raw.get("value")))
        if not value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        ctx.add("form.threshold_bad_value", QT_TRANSLATE_NOOP(
            "Errors", "The value of threshold must be a number, not {value}."),
            item_id, line, value=repr(raw.get("value")))
        return None
    if answer is AnswerType.PCT and not (0 <= value <= 100):
        ctx.add("form.pct_out_of_range", QT_TRANSLATE_NOOP(
            "Errors", "A percentage threshold must be between 0 and 100."), item_id, line)
    return Threshold(op=op, value=value, source=str(raw.get("source", "")))


def _parse_columns(ctx: _Ctx, raw: Any, item_id: str, line: int | None) -> tuple[Column, ...]:
    if not isinstance(raw, list) or not raw:
        ctx.add("form.sample_without_columns", QT_TRANSLATE_NOOP(
            "Errors", "A sample table (sample) must declare at least one column in columns."), item_id, line)
        return ()
    cols: list[Column] = []
    seen: set[str] = set()
    for n, c in enumerate(raw, start=1):
        if not isinstance(c, dict):
            ctx.add("form.column_not_table", QT_TRANSLATE_NOOP(
                "Errors", "Column {n} must be a table {example}"), item_id, line, n=n, example="{ id, label, type }")
            continue
        unknown = set(c) - COLUMN_KEYS
        if unknown:
            ctx.add("form.column_unknown_fields", QT_TRANSLATE_NOOP(
                "Errors", "Column {n} has unknown fields {fields}"), item_id, line, n=n, fields=str(sorted(unknown)))
        cid, label, ctype = c.get("id"), c.get("label"), c.get("type", "text")
        if not isinstance(cid, str) or not re.match(r"^[a-z][a-z0-9_]*$", cid or ""):
            ctx.add("form.column_bad_id", QT_TRANSLATE_NOOP(
                "Errors", "The id of column {n} must be a lowercase English identifier, not {id}."),
                item_id, line, n=n, id=repr(cid))
            continue
        if cid == "violation":
            ctx.add("form.column_reserved", QT_TRANSLATE_NOOP(
                "Errors", "The column id 'violation' is reserved (it marks the rows in violation)."), item_id, line)
        if cid in seen:
            ctx.add("form.column_duplicate", QT_TRANSLATE_NOOP(
                "Errors", "The column id {id} appears twice."), item_id, line, id=repr(cid))
        seen.add(cid)
        if not isinstance(label, str) or not label.strip():
            ctx.add("form.column_without_label", QT_TRANSLATE_NOOP(
                "Errors", "Column {id} has no label."), item_id, line, id=repr(cid))
        if ctype not in COLUMN_TYPES:
            ctx.add("form.column_bad_type", QT_TRANSLATE_NOOP(
                "Errors", "The type {type} of column {id} is unknown (known: {known})."),
                item_id, line, id=repr(cid), type=repr(ctype), known=", ".join(sorted(COLUMN_TYPES)))
            continue
        cols.append(Column(id=cid, label=label or cid, type=ctype))
    return tuple(cols)
