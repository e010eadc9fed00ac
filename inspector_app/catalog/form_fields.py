"""Problem reporting and field-level readers for checklist templates (catalog/loader.py builds on them).

FormProblem / FormError say where a problem is (file, line, item); `_Ctx` collects the problems of one file and
finds the line of a `key = "value"`; the readers check one field or value (strings, string lists, thresholds,
sample-table columns) and report each problem instead of raising. Split out of loader.py to keep it small;
loader.py re-exports FormProblem and FormError.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from inspector_app.domain.checklist import COLUMN_TYPES, NUMERIC_TYPES, THRESHOLD_OPS, AnswerType, Column, Threshold

COLUMN_KEYS = {"id", "label", "type"}


@dataclass(frozen=True, slots=True)
class FormProblem:
    file: str
    line: int | None
    item: str | None
    message: str

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

    def add(self, message: str, item: str | None = None, line: int | None = None) -> None:
        self.problems.append(FormProblem(self.file, line, item, message))


def _str(ctx: _Ctx, obj: dict[str, Any], key: str, where: str, item: str | None, line: int | None,
         required: bool = True) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            ctx.add(f"{where} 缺少必填字段 {key!r}", item, line)
        return ""
    if not isinstance(value, str):
        ctx.add(f"{where} 的 {key!r} 应为字符串", item, line)
        return ""
    if required and not value.strip():
        ctx.add(f"{where} 的 {key!r} 不能为空", item, line)
    return value


def _str_list(ctx: _Ctx, obj: dict[str, Any], key: str, where: str, item: str | None,
              line: int | None) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        ctx.add(f"{where} 的 {key!r} 应为字符串列表", item, line)
        return ()
    return tuple(value)


def _parse_threshold(ctx: _Ctx, raw: Any, answer: AnswerType | None, item_id: str,
                     line: int | None) -> Threshold | None:
    if raw is None:
        return None
    if answer is not None and answer not in NUMERIC_TYPES:
        ctx.add(f"阈值只能用于数值类答案（count、pct、money），本项答案类型为 {answer.value}", item_id, line)
        return None
    if not isinstance(raw, dict):
        ctx.add("threshold 应为表，例如 { op = \"<=\", value = 8 }", item_id, line)
        return None
    unknown = set(raw) - {"op", "value", "source", "unit"}
    if unknown:
        ctx.add(f"threshold 含未知字段 {sorted(unknown)}", item_id, line)
    op = raw.get("op")
    if op not in THRESHOLD_OPS:
        ctx.add(f"threshold 的 op 应为 {sorted(THRESHOLD_OPS)} 之一，实际为 {op!r}", item_id, line)
        return None
    try:
        value = Decimal(str(raw.get("value")))
        if not value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        ctx.add(f"threshold 的 value 应为数字，实际为 {raw.get('value')!r}", item_id, line)
        return None
    if answer is AnswerType.PCT and not (0 <= value <= 100):
        ctx.add("百分比阈值应在 0 到 100 之间", item_id, line)
    return Threshold(op=op, value=value, source=str(raw.get("source", "")))


def _parse_columns(ctx: _Ctx, raw: Any, item_id: str, line: int | None) -> tuple[Column, ...]:
    if not isinstance(raw, list) or not raw:
        ctx.add("抽样表（sample）须声明至少一列 columns", item_id, line)
        return ()
    cols: list[Column] = []
    seen: set[str] = set()
    for n, c in enumerate(raw, start=1):
        if not isinstance(c, dict):
            ctx.add(f"第 {n} 列应为表 {{ id, label, type }}", item_id, line)
            continue
        unknown = set(c) - COLUMN_KEYS
        if unknown:
            ctx.add(f"第 {n} 列含未知字段 {sorted(unknown)}", item_id, line)
        cid, label, ctype = c.get("id"), c.get("label"), c.get("type", "text")
        if not isinstance(cid, str) or not re.match(r"^[a-z][a-z0-9_]*$", cid or ""):
            ctx.add(f"第 {n} 列的 id 应为小写英文标识，实际为 {cid!r}", item_id, line)
            continue
        if cid == "violation":
            ctx.add("列 id 'violation' 为保留字（用于标记违规行）", item_id, line)
        if cid in seen:
            ctx.add(f"列 id {cid!r} 重复", item_id, line)
        seen.add(cid)
        if not isinstance(label, str) or not label.strip():
            ctx.add(f"列 {cid!r} 缺少 label", item_id, line)
        if ctype not in COLUMN_TYPES:
            ctx.add(f"列 {cid!r} 的类型 {ctype!r} 未知（可用：{', '.join(sorted(COLUMN_TYPES))}）", item_id, line)
            continue
        cols.append(Column(id=cid, label=label or cid, type=ctype))
    return tuple(cols)
