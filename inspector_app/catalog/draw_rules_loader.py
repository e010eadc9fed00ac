"""Read the 双随机 draw rules from a TOML file (plans/draw-rules.toml, schema 1) into DrawRules, reporting every
problem with file:line like plan files (catalog/plans_loader.py). A file with any problem is refused as a whole.

The rules (seed 003 §五; domain/draw.py): the minimum share of the scope drawn (抽查比例不低于3%), the look-back period
in which an institution drawn before is not drawn again (90天内不可重复抽查), officers per inspection (at least two),
whether a 交叉检查 keeps officers out of the institution's own region, and the weighting rules that raise the chance
of (or guarantee a quota for) institutions with a low credit rating, many complaints or serious past violations.
Keys left out take the defaults of DrawRules; `weights` left out keeps the default weighting, `weights = []` none.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from inspector_app.catalog.plans_loader import PlanProblem
from inspector_app.domain.canonical import content_hash
from inspector_app.domain.draw import MIN_OFFICERS, DrawRules, WeightRule
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.roster import CreditRating

SCHEMA_VERSION = 1
TOP_KEYS = {"schema", "min_ratio", "lookback_days", "officers_per_inspection", "cross_check", "weights"}
WEIGHT_KEYS = {"name", "credit_ratings", "min_complaints", "serious_violations", "factor", "quota"}
CROSS_KEYS = {"exclude_own_region"}
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_HEADER = re.compile(r"^\s*\[(\[)?\s*([A-Za-z0-9_-]+)\s*\]")


class DrawRulesFileError(ValidationError):
    """The rules file was refused; `problems` lists every problem found, each with its line."""

    def __init__(self, problems: list[PlanProblem]):
        super().__init__("rules.file_invalid", QT_TRANSLATE_NOOP("Errors", "The draw rules file was not loaded."))
        self.problems = problems  # type: ignore[assignment]
        self.args = (self.english(),)


class _Ctx:
    """The problems found so far, and where each key is: top level, [cross_check], each [[weights]] entry."""

    def __init__(self, path: Path, text: str):
        self.file = str(path)
        self.problems: list[PlanProblem] = []
        self.top: dict[str, int] = {}
        self.cross: dict[str, int] = {}
        self.weights: list[dict[str, int]] = []
        current: dict[str, int] = self.top
        for n, line in enumerate(text.splitlines(), start=1):
            if m := _HEADER.match(line):
                if m.group(2) == "weights" and m.group(1):
                    current = {"": n}
                    self.weights.append(current)
                else:
                    current = self.cross if m.group(2) == "cross_check" else {}
                    self.top.setdefault(m.group(2), n)
            elif m := _KEY.match(line):
                current.setdefault(m.group(1), n)

    def add(self, line: int | None, code: str, template: str, **params: Any) -> None:
        self.problems.append(PlanProblem(self.file, line, code, template, params))

    def weight_line(self, index: int, key: str) -> int | None:
        lines = self.weights[index] if index < len(self.weights) else {}
        return lines.get(key, lines.get(""))


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _unknown(ctx: _Ctx, obj: dict[str, Any], allowed: set[str], where: dict[str, int], fallback: int | None) -> None:
    for key in sorted(set(obj) - allowed):
        ctx.add(where.get(key, fallback), "rules.unknown_field", QT_TRANSLATE_NOOP("Errors", "Unknown field {field}."),
                field=key)


def _bool(ctx: _Ctx, v: Any, name: str, line: int | None) -> bool:
    if not isinstance(v, bool):
        ctx.add(line, "rules.bad_bool", QT_TRANSLATE_NOOP("Errors", "{field} must be true or false."), field=name)
        return False
    return v


def _weight(ctx: _Ctx, raw: Any, i: int) -> WeightRule | None:
    line = (lambda key: ctx.weight_line(i, key))  # noqa: E731 - a short local accessor
    if not isinstance(raw, dict):
        ctx.add(line(""), "rules.bad_weight", QT_TRANSLATE_NOOP("Errors", "Each weighting rule must be a table."))
        return None
    _unknown(ctx, raw, WEIGHT_KEYS, ctx.weights[i] if i < len(ctx.weights) else {}, line(""))
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        ctx.add(line("name"), "rules.missing_name", QT_TRANSLATE_NOOP(
            "Errors", "A weighting rule needs a name (it is printed in the draw record)."))
        name = ""
    ratings = raw.get("credit_ratings", [])
    known = {r.value for r in CreditRating}
    if not isinstance(ratings, list) or not all(isinstance(r, str) and r in known for r in ratings):
        ctx.add(line("credit_ratings"), "rules.unknown_rating", QT_TRANSLATE_NOOP(
            "Errors", "credit_ratings must list ratings among {known}."), known=", ".join(sorted(known)))
        ratings = []
    complaints = raw.get("min_complaints")
    if complaints is not None and (not _is_int(complaints) or complaints < 1):
        ctx.add(line("min_complaints"), "rules.bad_complaints", QT_TRANSLATE_NOOP(
            "Errors", "min_complaints must be a whole number of at least 1, not {value}."), value=str(complaints))
        complaints = None
    serious = _bool(ctx, raw["serious_violations"], "serious_violations", line("serious_violations")) \
        if "serious_violations" in raw else False
    factor, quota = raw.get("factor", 1), raw.get("quota", 0)
    effect_ok = _is_int(factor) and factor >= 1 and _is_int(quota) and quota >= 0
    if not _is_int(factor) or factor < 1:
        ctx.add(line("factor"), "rules.bad_factor", QT_TRANSLATE_NOOP(
            "Errors", "factor must be a whole number of at least 1, not {value}."), value=str(factor))
        factor = 1
    if not _is_int(quota) or quota < 0:
        ctx.add(line("quota"), "rules.bad_quota", QT_TRANSLATE_NOOP(
            "Errors", "quota must be a whole number not below 0, not {value}."), value=str(quota))
        quota = 0
    if not {"credit_ratings", "min_complaints", "serious_violations"} & set(raw):
        ctx.add(line(""), "rules.weight_without_condition", QT_TRANSLATE_NOOP(
            "Errors", "The weighting rule {name} names no condition (credit_ratings, min_complaints or "
                      "serious_violations)."), name=name)
    if effect_ok and factor == 1 and quota == 0:
        ctx.add(line(""), "rules.weight_without_effect", QT_TRANSLATE_NOOP(
            "Errors", "The weighting rule {name} changes nothing: give a factor above 1 or a quota."), name=name)
    return WeightRule(name.strip(), tuple(ratings), complaints, serious, factor, quota)


def parse_draw_rules(text: str, path: Path) -> DrawRules:
    ctx = _Ctx(path, text)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        ctx.add(int(m.group(1)) if m else None, "rules.toml_syntax", QT_TRANSLATE_NOOP(
            "Errors", "The file is not valid TOML: {detail}"), detail=str(exc))
        raise DrawRulesFileError(ctx.problems) from None
    top = ctx.top.get
    if raw.get("schema") != SCHEMA_VERSION:
        ctx.add(top("schema"), "rules.unknown_schema", QT_TRANSLATE_NOOP(
            "Errors", "schema must be {expected}, not {value}."), expected=SCHEMA_VERSION, value=str(raw.get("schema")))
        raise DrawRulesFileError(ctx.problems)
    _unknown(ctx, raw, TOP_KEYS, ctx.top, None)
    defaults = DrawRules()
    ratio = raw.get("min_ratio", defaults.min_ratio_pct)
    try:
        pct = Decimal(str(ratio)) if isinstance(ratio, (int, float, Decimal)) and not isinstance(ratio, bool) else None
    except InvalidOperation:
        pct = None
    if pct is None or not Decimal(0) < pct <= Decimal(100):
        ctx.add(top("min_ratio"), "rules.min_ratio_out_of_range", QT_TRANSLATE_NOOP(
            "Errors", "The minimum ratio {value} % is not between 0 and 100."), value=str(ratio))
        pct = defaults.min_ratio_pct
    lookback = raw.get("lookback_days", defaults.lookback_days)
    if not _is_int(lookback) or lookback < 0:
        ctx.add(top("lookback_days"), "rules.bad_lookback", QT_TRANSLATE_NOOP(
            "Errors", "lookback_days must be a whole number of days not below 0, not {value}."), value=str(lookback))
        lookback = defaults.lookback_days
    officers = raw.get("officers_per_inspection", defaults.officers_per_team)
    if not _is_int(officers) or officers < MIN_OFFICERS:
        ctx.add(top("officers_per_inspection"), "rules.too_few_officers", QT_TRANSLATE_NOOP(
            "Errors", "An inspection needs at least {minimum} officers, not {value}."), minimum=MIN_OFFICERS,
            value=str(officers))
        officers = defaults.officers_per_team
    cross = raw.get("cross_check", {})
    exclude_own = defaults.cross_check_excludes_own_region
    if not isinstance(cross, dict):
        ctx.add(top("cross_check"), "rules.bad_cross_check", QT_TRANSLATE_NOOP(
            "Errors", "cross_check must be a table such as [cross_check] exclude_own_region = true."))
    else:
        _unknown(ctx, cross, CROSS_KEYS, ctx.cross, top("cross_check"))
        if "exclude_own_region" in cross:
            exclude_own = _bool(ctx, cross["exclude_own_region"], "cross_check.exclude_own_region",
                                ctx.cross.get("exclude_own_region"))
    weights: tuple[WeightRule, ...] = defaults.weights
    if "weights" in raw:
        if not isinstance(raw["weights"], list):
            ctx.add(top("weights"), "rules.bad_weight", QT_TRANSLATE_NOOP(
                "Errors", "Each weighting rule must be a table."))
            found = []
        else:
            found = [_weight(ctx, w, i) for i, w in enumerate(raw["weights"])]
        seen: set[str] = set()
        for i, w in enumerate(found):
            if w is not None and w.name:
                if w.name in seen:
                    ctx.add(ctx.weight_line(i, "name"), "rules.duplicate_weight", QT_TRANSLATE_NOOP(
                        "Errors", "Two weighting rules are named {name}."), name=w.name)
                seen.add(w.name)
        weights = tuple(w for w in found if w is not None)
    if ctx.problems:
        raise DrawRulesFileError(ctx.problems)
    rules = DrawRules(pct, lookback, officers, weights, exclude_own)
    rules.validate()
    return rules


def load_draw_rules(path: Path) -> tuple[DrawRules, str]:
    """The rules and the SHA-256 of the file's text."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DrawRulesFileError([PlanProblem(str(path), None, "rules.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The file cannot be read: {detail}"), {"detail": str(exc)})]) from None
    return parse_draw_rules(text, path), content_hash({"text": text})
