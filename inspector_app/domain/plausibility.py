"""Plausibility of a number before it is saved: warnings, not errors (the inspector may confirm the value).

Why: a stray keystroke once appended "80" to a count and the signed record said 12080人次. The checks below catch the
usual slips on counts and percentages without blocking a real outlier:

* a percentage above 100 (it cannot be saved at all; the warning says so before the save is attempted);
* a value that is the previous value with digits appended (120 → 12080), or a sibling count with digits appended;
* a count far above the other counts of the same section (more than ``FAR_ABOVE`` times the largest of them).

Pure Python: the checklist widget only shows what this returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.domain.checklist import AnswerType, ItemDef

FAR_ABOVE = 10          # a count more than this many times the largest sibling count is suspicious
MIN_SUSPICIOUS = 100    # below this, ratios between small counts say nothing (3 vs 40 is normal)
PLAUSIBILITY_TYPES = frozenset({AnswerType.COUNT, AnswerType.PCT})


@dataclass(frozen=True, slots=True)
class PlausibilityWarning:
    code: str       # pct_over_100 | appended_digits | far_above_siblings
    value: str      # the typed value as read, with its unit
    reference: str  # what it was compared with (the previous or sibling value, the largest sibling), with its unit
    message: str    # in Chinese, like every message of the domain (the UI words it from code/value/reference)


def _number(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        d = Decimal(str(value).strip().replace(",", "").rstrip("%"))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def _digits(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d.to_integral() else format(d, "f")


def _appended(new: Decimal, old: Decimal) -> bool:
    """True when `new` reads as `old` with one to three digits typed after it (120 → 12080, 8 → 85 for a pct)."""
    if old <= 0 or new <= old:
        return False
    a, b = _digits(new), _digits(old)
    return a.startswith(b) and 1 <= len(a) - len(b) <= 3 and "." not in a[len(b):]


def check_number(item: ItemDef, value: Any, previous: Any = None,
                 siblings: Mapping[str, Any] | Iterable[Any] = ()) -> list[PlausibilityWarning]:
    """Warnings for `value` typed into `item`; `previous` is the stored value, `siblings` the values of the other
    count items of the same section (a mapping item id → value, or plain values)."""
    if item.answer not in PLAUSIBILITY_TYPES:
        return []
    new = _number(value)
    if new is None:
        return []
    unit = item.unit or ("%" if item.answer is AnswerType.PCT else "")
    shown = f"{_digits(new)}{unit}"
    out: list[PlausibilityWarning] = []
    if item.answer is AnswerType.PCT and new > 100:
        out.append(PlausibilityWarning("pct_over_100", shown, "100%", f"{item.id}：百分比 {shown} 超过 100%，请核对"))
    old = _number(previous)
    if old is not None and _appended(new, old):
        out.append(PlausibilityWarning(
            "appended_digits", shown, f"{_digits(old)}{unit}",
            f"{item.id}：{shown} 像是在原值 {_digits(old)}{unit} 后多输入了数字，请核对"))
    if item.answer is AnswerType.COUNT:
        values = siblings.values() if isinstance(siblings, Mapping) else siblings
        others = [n for n in (_number(v) for v in values) if n is not None and n > 0]
        if others and not out:
            top = max(others)
            echoed = next((o for o in others if _appended(new, o)), None)
            if echoed is not None and new >= MIN_SUSPICIOUS:
                out.append(PlausibilityWarning(
                    "appended_digits", shown, f"{_digits(echoed)}{unit}",
                    f"{item.id}：{shown} 像是同节数值 {_digits(echoed)}{unit} 后多输入了数字，请核对"))
            elif new >= MIN_SUSPICIOUS and new > top * FAR_ABOVE:
                out.append(PlausibilityWarning(
                    "far_above_siblings", shown, f"{_digits(top)}{unit}",
                    f"{item.id}：{shown} 远高于本节其他计数（最大 {_digits(top)}），请核对"))
    return out
